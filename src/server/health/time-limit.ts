/** Raised by withinTime when the promise has not settled in time. */
export class TimeLimitExceeded extends Error {}

/** `promise`, or a TimeLimitExceeded rejection after `ms` (the promise itself keeps running). */
export function withinTime<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimitExceeded(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
