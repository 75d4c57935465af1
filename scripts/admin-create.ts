// `npm run admin:create -- <e-mail> [--name "Full Name"] [--language fr] [--force]`: the first
// administrator of a registry started on PostgreSQL, where no demo account
// exists. Prints a one-time set-password link (and mails it when SMTP_URL is
// set). Refuses while an active administrator exists, unless --force.
// Audited as "user.administrator-created" (README, "Production").
import path from "node:path";
import { parseArgs } from "node:util";

import { createAdministrator } from "../src/server/admin/create-administrator";
import { deliverOutbox } from "../src/server/mail/deliver-outbox";
import { runScript, withRegistryDatabase } from "./lib/database-cli";
import { loadEnvFiles } from "./lib/load-env";

async function main(): Promise<number> {
  loadEnvFiles(path.resolve(import.meta.dirname, ".."));
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      language: { type: "string" },
      force: { type: "boolean", default: false },
    },
  });
  const email = positionals[0];
  if (!email || positionals.length > 1) {
    console.error('Usage: npm run admin:create -- <e-mail> [--name "Full Name"] [--language fr] [--force]');
    return 2;
  }
  return withRegistryDatabase(async (db) => {
    const result = await createAdministrator(db, {
      email,
      name: values.name,
      force: values.force,
      locale: values.language,
    });
    if (!result.ok) {
      console.error(result.message);
      return 1;
    }
    if (result.mailed) await deliverOutbox(db);
    console.log(
      `${result.created ? "Created the administrator" : "Made an administrator of"} ${email.trim().toLowerCase()}.`,
    );
    console.log(
      `${result.mailed ? "The link was mailed; it is also here" : "Open this link to set the password"} (works once, for 72 hours):\n${result.link}`,
    );
    return 0;
  });
}

runScript(main);
