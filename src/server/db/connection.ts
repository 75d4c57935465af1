import pg from "pg";

// Small helpers around one plain `pg` connection, for tooling (migrations,
// start-up checks, tests); the app itself talks to the database through Prisma.

/** "host:port" of a PostgreSQL URL, for messages (never the password). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}`;
  } catch {
    return "an invalid URL";
  }
}

/** The URL with its password replaced, for printing. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(invalid URL)";
  }
}

/** Runs `fn` with one connected client and always closes it. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // An 'error' event without a listener would crash the process (e.g. when
  // the server goes away between queries); the failing query rejects anyway.
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Connects and runs `select 1`; throws one readable line instead of a driver
 * stack trace, e.g. "Cannot reach the database at db:5432 (DATABASE_URL): ECONNREFUSED".
 */
export async function checkDatabaseReachable(url: string, source = "DATABASE_URL"): Promise<void> {
  try {
    await withClient(url, (client) => client.query("select 1"));
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    // Socket errors carry an errno name (ECONNREFUSED, ENOTFOUND); server
    // errors a SQLSTATE (3D000) whose message is the useful part.
    const reason = code && /^E[A-Z]+$/.test(code) ? code : (message ?? String(error));
    throw new Error(`Cannot reach the database at ${describeUrl(url)} (${source}): ${reason}`);
  }
}

/** Whether the server behind `url` is PGlite (it reports itself in version()). */
export async function isPglite(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ version: string }>("select version() as version");
    return rows[0]?.version.includes("PGlite") ?? false;
  });
}
