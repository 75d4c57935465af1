// `npm run jobs:run -- <name>`: runs one scheduled job now, in this process,
// against DATABASE_URL or the embedded database (for operators and demos).
// The jobs are idempotent: running one again the same day changes nothing.
import { jobs, findJob } from "../src/server/jobs/job-list";
import { runScript, withRegistryDatabase } from "./lib/database-cli";

async function main(): Promise<number> {
  const name = process.argv[2];
  const job = name ? findJob(name) : undefined;
  if (!job) {
    console.error(
      `${name ? `Unknown job "${name}". ` : ""}Usage: npm run jobs:run -- <name>\n\n${jobs
        .map((entry) => `  ${entry.name.padEnd(14)} ${entry.description}`)
        .join("\n")}`,
    );
    return 2;
  }
  return withRegistryDatabase(async (db) => {
    const started = Date.now();
    const result = await job.run(db, new Date());
    console.log(`${job.name}: ${JSON.stringify(result)} in ${Date.now() - started} ms`);
    return 0;
  });
}

runScript(main);
