import pg from "pg";

// Fresh PostgreSQL databases beside an administrative URL's, for the test
// suite's end-to-end server and the benchmarks.

/** Drops and recreates `name` on the server of `adminUrl` (a copy of `template` if given); returns its URL. */
export async function freshDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(adminUrl, name);
}

/** `adminUrl` with the database `name` instead of its own. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
