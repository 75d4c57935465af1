import "server-only";

/** Rows per transaction for jobs that may change hundreds of rows at once. */
export const JOB_BATCH_SIZE = 10;
/** Pause between batches, so that page requests interleave with a long job. */
const PAUSE_MS = 200;

/**
 * Runs `fn` on consecutive slices of `items`, pausing between them. The
 * embedded PGlite runs one query at a time: without the pauses, the first
 * expiry run after a fresh import (hundreds of centres, each refreshing its
 * search row by trigger) would keep every page waiting until it finished.
 */
export async function forEachBatch<T>(
  items: readonly T[],
  fn: (batch: readonly T[]) => Promise<void>,
  size = JOB_BATCH_SIZE,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    await fn(items.slice(start, start + size));
  }
}
