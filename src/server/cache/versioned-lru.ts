/**
 * An LRU of values that are valid only while one data version is unchanged:
 * an entry stored under another version is a miss. Plain data structure, no
 * I/O and no "server-only" marker, so the production server (scripts/serve.ts)
 * uses it outside the Next bundle as well as the directory queries inside it.
 */
export class VersionedLru<T> {
  // A Map iterates in insertion order: re-inserting on a hit makes it an LRU.
  private readonly entries = new Map<string, { version: string; value: T }>();

  constructor(
    private readonly capacity: number,
    private readonly enabled: () => boolean = () => true,
  ) {}

  async get(key: string, version: string, load: () => Promise<T>): Promise<T> {
    const hit = this.peek(key, version);
    if (hit !== undefined) return hit;
    const value = await load();
    this.put(key, version, value);
    return value;
  }

  /** The entry, if present and current (and marks it recently used). */
  peek(key: string, version: string): T | undefined {
    if (!this.enabled()) return undefined;
    const hit = this.entries.get(key);
    if (!hit || hit.version !== version) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  put(key: string, version: string, value: T): void {
    if (!this.enabled()) return;
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
