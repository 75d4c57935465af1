// `npm run audit:verify [-- --expect-head <hash>]`: checks the audit trail's
// hash chain (decision 0029) on DATABASE_URL or the embedded database. Prints
// "audit chain intact: N rows sealed, M awaiting sealing" and the head, or
// the first row changed or removed; exits 0 when intact, 1 when broken, 2
// when it could not check. `--expect-head` takes a head printed earlier and
// noted elsewhere: it must still be in the chain (rows cut from the end show
// only this way). It only reads.
import path from "node:path";
import { parseArgs } from "node:util";

import { isChainHash } from "../src/domain/audit-chain";
import { verifyAuditTrail } from "../src/server/audit/verify-audit-trail";
import { runScript, withRegistryDatabase } from "./lib/database-cli";
import { loadEnvFiles } from "./lib/load-env";

const USAGE = "Usage: npm run audit:verify [-- --expect-head <64 hex digits printed as the head earlier>]";

async function main(): Promise<number> {
  loadEnvFiles(path.resolve(import.meta.dirname, ".."));
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "expect-head": { type: "string" } },
  });
  const expectHead = values["expect-head"]?.trim().toLowerCase();
  if (positionals.length > 0 || (expectHead !== undefined && !isChainHash(expectHead))) {
    console.error(USAGE);
    return 2;
  }
  return withRegistryDatabase(async (db) => {
    const result = await verifyAuditTrail(db, { expectHead });
    (result.ok ? console.log : console.error)(result.lines.join("\n"));
    return result.ok ? 0 : 1;
  });
}

runScript(main, { errorPrefix: "audit chain not checked: ", errorCode: 2 });
