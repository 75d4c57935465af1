import pg from "pg";

/**
 * Reads SearchDataVersion for the page cache of the production server, which
 * runs outside the Next bundle and its Prisma client: a small pool of its own.
 * The database bumps the version on every change to directory data (triggers,
 * decision 0004), so every instance sees a change on its next request.
 */
export function searchDataVersionReader(connectionString: string | undefined) {
  // Short timeouts: a slow answer here would hold up every anonymous search.
  const pool = new pg.Pool({
    connectionString,
    max: 2,
    connectionTimeoutMillis: 2_000,
    statement_timeout: 2_000,
  });
  pool.on("error", () => {
    // An idle connection dropped; the next query reconnects or rejects.
  });
  return {
    async current(): Promise<string | null> {
      const { rows } = await pool.query<{ version: string }>(
        `SELECT version::text AS version FROM "SearchDataVersion" WHERE id = 1`,
      );
      return rows[0]?.version ?? null;
    },
    close: () => pool.end(),
    /** For the pool's metrics. */
    pool,
  };
}
