import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { VersionedLru } from "@/server/cache/versioned-lru";

/**
 * A small per-instance cache of directory query results, valid only while
 * SearchDataVersion is unchanged. The database bumps the version on every
 * change to any centre's search row or to the vocabulary (triggers), and every
 * request reads it first, so an entry is never served after a change, on any
 * instance. Only public directory data goes in: never people or sessions.
 * `DIRECTORY_FACET_CACHE=off` turns it off (the benchmark measures both).
 */
export class VersionedCache<T> extends VersionedLru<T> {
  constructor(capacity: number) {
    super(capacity, () => process.env.DIRECTORY_FACET_CACHE !== "off");
  }
}

/** A cache key for one SQL statement: its text and bound values. */
export function sqlKey(sql: Prisma.Sql): string {
  return `${sql.text}\u0000${JSON.stringify(sql.values)}`;
}
