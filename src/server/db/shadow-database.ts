import { randomUUID } from "node:crypto";

import { describeUrl, isPglite, withClient } from "./connection";

// The schema engine computes "what the migrations produce" by replaying them
// on an empty scratch database (Prisma's "shadow database") and reading it
// back. We provide that database ourselves because adapter-pg's own
// connectToShadowDb() is unsafe here:
// - it builds the shadow pool as `{ connectionString, database }`, and pg lets
//   the connection string win, so the "shadow" is the target database itself
//   and the migrations would be replayed on it;
// - PGlite serves a single database whatever name is asked for, so a
//   CREATE DATABASE there would not give an empty database either.

export interface ShadowDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database for the engine to replay migrations into: a temporary
 * database on the same PostgreSQL server as `url` (needs CREATEDB), or, when
 * `url` is PGlite or omitted, a fresh in-memory PGlite on a free port.
 */
export async function createShadowDatabase(url?: string): Promise<ShadowDatabase> {
  if (!url || (await isPglite(url))) {
    // Imported lazily: PGlite's WASM is only needed on this path.
    const { startPgliteServer } = await import("./pglite-server");
    const server = await startPgliteServer();
    return { url: server.url, drop: () => server.stop() };
  }

  const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
  await withClient(url, (client) => client.query(`CREATE DATABASE "${name}"`)).catch((error: Error) => {
    throw new Error(
      `Could not create a temporary shadow database on ${describeUrl(url)} (${error.message}); ` +
        "grant CREATEDB to this user, or diff without DATABASE_URL (against the embedded PGlite).",
      { cause: error },
    );
  });
  const shadowUrl = new URL(url);
  shadowUrl.pathname = `/${name}`;
  return {
    url: shadowUrl.toString(),
    // FORCE (PostgreSQL 13+) ends connections a pool may still hold.
    drop: () =>
      withClient(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => {},
      ),
  };
}
