import type { PGlite } from "@electric-sql/pglite";

// PGlite has one PostgreSQL session; pglite-socket lets many client
// connections share it. Its own queue (0.2.17) interleaves *messages* of
// different connections whenever PGlite is not inside an explicit transaction,
// but the extended query protocol is a sequence Parse/Bind/Describe/Execute/
// Sync that keeps state (the unnamed statement and portal) until its Sync.
// Under load with a transaction in flight, connections then read each other's
// results or get 'portal "" does not exist' (reproduced with 20 concurrent
// pg queries). This queue hands the session to one connection at a time and
// takes it back only when PostgreSQL reports itself idle: at a ReadyForQuery
// whose status is 'I' (not in a transaction, no extended query pending).
// Waiting connections get the session in arrival order.

const READY_FOR_QUERY = 0x5a; // 'Z', then int32 length 5, then the status byte
const IDLE = 0x49; // 'I'
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]); // 'S', length 4

/** The interface pglite-socket's PGLiteSocketHandler calls on its queue. */
export class PgliteSessionQueue {
  private owner: number | null = null;
  private readonly waiting: { handlerId: number; grant: () => void; reject: (error: Error) => void }[] = [];

  constructor(private readonly db: PGlite) {}

  /** Runs one protocol message of connection `handlerId`, streaming the reply to `onData`. */
  async enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    await this.acquire(handlerId);
    let size = 0;
    // The last 6 bytes of the reply: a trailing ReadyForQuery shows there.
    let tail: Uint8Array = new Uint8Array(0);
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(message, {
          onRawData: (data: Uint8Array) => {
            size += data.length;
            tail = lastBytes(tail, data, 6);
            onData(data);
          },
        }),
      );
    } catch (error) {
      this.release();
      throw error;
    }
    if (endsIdle(tail)) this.release();
    return size;
  }

  /** The connection is gone: drop its waiting messages. */
  clearQueueForHandler(handlerId: number): void {
    for (let index = this.waiting.length - 1; index >= 0; index--) {
      const waiter = this.waiting[index];
      if (waiter?.handlerId === handlerId) {
        this.waiting.splice(index, 1);
        waiter.reject(new Error("Handler disconnected"));
      }
    }
  }

  /**
   * The connection is gone: if it held the session, end what it left open
   * (a pending extended query, a transaction) before the next one gets it.
   */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    try {
      if (this.db.closed) return;
      await this.db.runExclusive(() => this.db.execProtocolRaw(SYNC));
      // exec() takes PGlite's lock itself: calling it inside runExclusive
      // would deadlock. Nobody else runs in between: we still own the session.
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    } catch (error) {
      // The database closed while the connection went away (the server is
      // stopping): no session is left to end. pglite-socket does not wait
      // for this cleanup, so a rethrow here would be an unhandled rejection.
      if (!this.db.closed) throw error;
    } finally {
      // The session may have passed on while we waited for PGlite.
      if (this.owner === handlerId) this.release();
    }
  }

  private acquire(handlerId: number): Promise<void> {
    if (this.owner === null || this.owner === handlerId) {
      this.owner = handlerId;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ handlerId, reject, grant: () => resolve() });
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    this.owner = next ? next.handlerId : null;
    next?.grant();
  }
}

function lastBytes(previous: Uint8Array, data: Uint8Array, count: number): Uint8Array {
  if (data.length >= count) return data.slice(data.length - count);
  const joined = new Uint8Array(previous.length + data.length);
  joined.set(previous);
  joined.set(data, previous.length);
  return joined.slice(Math.max(0, joined.length - count));
}

function endsIdle(tail: Uint8Array): boolean {
  return (
    tail.length === 6 &&
    tail[0] === READY_FOR_QUERY &&
    tail[1] === 0 &&
    tail[2] === 0 &&
    tail[3] === 0 &&
    tail[4] === 5 &&
    tail[5] === IDLE
  );
}
