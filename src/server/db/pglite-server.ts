import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";

import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from "@electric-sql/pglite-socket";

import { PgliteSessionQueue } from "./pglite-session";

// PGlite (PostgreSQL compiled to WASM) served over the PostgreSQL wire
// protocol, so that the app, Prisma's schema engine and tests all reach it
// through the same `pg` driver as a real server. Used by the embedded database
// process, by `db:diff` as a throwaway shadow database and by the test helper.
//
// pglite-socket's PGLiteSocketHandler does the wire work (framing, SSL and
// cancel requests); the server around it is ours so that every connection
// shares our PgliteSessionQueue instead of pglite-socket's, which mixes up
// concurrent connections (see pglite-session.ts). It has no connection cap
// either: PGLiteSocketServer's default of 1 silently drops a pool's extras.

export interface PgliteServer {
  url: string;
  port: number;
  /** The data folder as a tarball, for `loadDataDir` (the test suite's seeded templates). */
  dumpDataDir(): Promise<Blob>;
  stop(): Promise<void>;
}

export interface PgliteServerOptions {
  /** Folder holding the data; omit for an in-memory database. */
  dataDir?: string;
  host?: string;
  /** 0 lets the OS choose a free port. */
  port?: number;
  /** Starts from a copy of another database's `dumpDataDir()`. */
  loadDataDir?: Blob;
}

export async function startPgliteServer(options: PgliteServerOptions = {}): Promise<PgliteServer> {
  const host = options.host ?? "127.0.0.1";
  // PGlite makes the data folder itself but not its parents (a clean clone
  // has no data/ folder).
  if (options.dataDir) mkdirSync(path.dirname(path.resolve(options.dataDir)), { recursive: true });
  // The extensions must be given when PGlite is created: `CREATE EXTENSION`
  // in the migrations then finds them, as on a PostgreSQL with contrib.
  const db = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm, unaccent },
  });
  const queryQueue = new PgliteSessionQueue(db) as unknown as PGLiteSocketHandlerOptions["queryQueue"];
  const handlers = new Set<PGLiteSocketHandler>();

  const server = net.createServer((socket) => {
    const handler = new PGLiteSocketHandler({ queryQueue, closeOnDetach: true });
    handlers.add(handler);
    socket.once("close", () => handlers.delete(handler));
    handler.attach(socket).catch(() => socket.destroy());
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (error) {
    await db.close();
    throw error;
  }

  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `postgresql://postgres:postgres@${host}:${port}/postgres`,
    port,
    // Uncompressed: gzip would cost more time than the copy saves.
    dumpDataDir: () => db.dumpDataDir("none"),
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Detaching rolls back what a connection left open, then closes it.
      await Promise.all([...handlers].map((handler) => handler.detach(true)));
      await closed;
      await db.close();
    },
  };
}
