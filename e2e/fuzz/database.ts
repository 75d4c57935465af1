import pg from "pg";

// What the app has stored, for "nothing stored" checks: a row count and a
// digest of every table, and the audit trail's last id. The server under
// test uses E2E_DATABASE_URL (PostgreSQL) or the embedded database on
// E2E_EMBEDDED_DB_PORT (playwright.config.ts), which answers the wire
// protocol like PostgreSQL.

// Written by requests that change nothing of substance (a refused sign-in is
// counted and audited; API calls are counted) or by the scheduled jobs.
const bookkeeping = new Set([
  "AuditEvent",
  "SignInThrottle",
  "ApiRateLimit",
  "OutboxMessage",
  "_prisma_migrations",
]);

/** Audit rows a refused attempt may leave: the attempt is recorded, nothing else changes. */
export const refusalAuditActions = new Set([
  "authz.denied",
  "auth.sign-in.failed",
  "auth.sign-in.throttled",
  "auth.password.change-failed",
]);

export type Snapshot = { tables: Record<string, string>; lastAuditId: string };

export function databaseUrl(): string {
  return (
    process.env.E2E_DATABASE_URL ??
    `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_EMBEDDED_DB_PORT ?? "54339"}/postgres`
  );
}

export async function withDatabase<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function snapshot(client: pg.Client): Promise<Snapshot> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const tables: Record<string, string> = {};
  for (const { name } of rows) {
    if (bookkeeping.has(name)) continue;
    const quoted = `"${name.replaceAll('"', '""')}"`;
    // Signing in to fuzz as an administrator records the time of that sign-in, nothing else.
    const row = name === "User" ? `(to_jsonb(t) - 'lastSignInAt' - 'updatedAt')::text` : "t::text";
    const result = await client.query<{ n: string; digest: string }>(
      `SELECT count(*)::text AS n, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS digest FROM ${quoted} t`,
    );
    tables[name] = `${result.rows[0]!.n} rows, ${result.rows[0]!.digest}`;
  }
  const audit = await client.query<{ id: string }>(
    `SELECT coalesce(max(id), 0)::text AS id FROM "AuditEvent"`,
  );
  return { tables, lastAuditId: audit.rows[0]!.id };
}

/**
 * True once the start-up catch-up of the scheduled jobs (src/server/jobs/start-jobs.ts) has been queued and has
 * finished; the every-minute jobs never are idle for long and change nothing the snapshot compares.
 */
async function jobsIdle(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ queued: number; pending: number }>(
    `SELECT count(*) FILTER (WHERE name = 'centre-expiry')::int AS queued,
            count(*) FILTER (WHERE state IN ('created', 'retry', 'active')
                               AND name NOT IN ('outbox-sender', 'audit-seal'))::int AS pending
       FROM pgboss.job`,
  );
  return rows[0]!.queued > 0 && rows[0]!.pending === 0;
}

/**
 * Waits until the scheduled jobs are idle (the expiry job changes hundreds
 * of centres at start-up) and two snapshots a few seconds apart agree, and
 * returns that snapshot.
 */
export async function settledSnapshot(client: pg.Client, timeoutMs = 150_000): Promise<Snapshot> {
  const deadline = Date.now() + timeoutMs;
  let previous: Snapshot | undefined;
  for (;;) {
    const idle = await jobsIdle(client).catch(() => false); // no pgboss schema yet
    const next = await snapshot(client);
    if ((idle && JSON.stringify(next) === JSON.stringify(previous)) || Date.now() > deadline) return next;
    previous = idle ? next : undefined;
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

/** The audit actions recorded after a snapshot, with their counts. */
export async function auditSince(client: pg.Client, lastAuditId: string): Promise<Record<string, number>> {
  const { rows } = await client.query<{ action: string; n: number }>(
    `SELECT action, count(*)::int AS n FROM "AuditEvent" WHERE id > $1::bigint GROUP BY action ORDER BY action`,
    [lastAuditId],
  );
  return Object.fromEntries(rows.map((row) => [row.action, row.n]));
}
