import "server-only";

import type { Prisma } from "@/generated/prisma/client";

/**
 * A small per-instance cache of directory query results, valid only while
 * SearchDataVersion is unchanged. The database bumps the version on every
 * change to any centre's search row or to the vocabulary (triggers), and every
 * request reads it first, so an entry is never served after a change, on any
 * instance. Only public directory data goes in: never people or sessions.
 * `DIRECTORY_FACET_CACHE=off` turns it off (the benchmark measures both).
 */
export class VersionedCache<T> {
  // A Map iterates in insertion order: re-inserting on a hit makes it an LRU.
  private readonly entries = new Map<string, { version: string; value: T }>();

  constructor(private readonly capacity: number) {}

  async get(key: string, version: string, load: () => Promise<T>): Promise<T> {
    const hit = this.peek(key, version);
    if (hit !== undefined) return hit;
    const value = await load();
    this.put(key, version, value);
    return value;
  }

  /** The entry, if present and current (and marks it recently used). */
  peek(key: string, version: string): T | undefined {
    if (process.env.DIRECTORY_FACET_CACHE === "off") return undefined;
    const hit = this.entries.get(key);
    if (!hit || hit.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  put(key: string, version: string, value: T): void {
    if (process.env.DIRECTORY_FACET_CACHE === "off") return;
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** A cache key for one SQL statement: its text and bound values. */
export function sqlKey(sql: Prisma.Sql): string {
  return `${sql.text}\u0000${JSON.stringify(sql.values)}`;
}
