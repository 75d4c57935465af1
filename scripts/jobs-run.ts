// `npm run jobs:run -- <name>`: runs one scheduled job now, in this process,
// against DATABASE_URL or the embedded database (for operators and demos).
// The jobs are idempotent: running one again the same day changes nothing.
import { resolveDatabaseUrl } from "../src/server/db/embedded";
import { createPrismaClient } from "../src/server/db/create-client";
import { jobs, findJob } from "../src/server/jobs/job-list";

async function main(): Promise<void> {
  const name = process.argv[2];
  const job = name ? findJob(name) : undefined;
  if (!job) {
    console.error(
      `${name ? `Unknown job "${name}". ` : ""}Usage: npm run jobs:run -- <name>\n\n${jobs
        .map((entry) => `  ${entry.name.padEnd(14)} ${entry.description}`)
        .join("\n")}`,
    );
    process.exit(2);
  }
  const database = await resolveDatabaseUrl();
  const db = createPrismaClient(database.url, 2);
  try {
    const started = Date.now();
    const result = await job.run(db, new Date());
    console.log(`${job.name}: ${JSON.stringify(result)} in ${Date.now() - started} ms`);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
