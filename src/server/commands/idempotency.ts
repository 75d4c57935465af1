import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

import { ConflictError } from "./command";

// security.md scenario 8: a form posted twice with the same idempotency key
// (a double click, a retry after a lost answer, two tabs racing) has one
// effect, and every copy gets the first one's answer instead of an error. The
// key is the client's, scoped here to the person and the action so that one
// person's key can never answer for another's.

/** One keyed request: the client's key (none: not idempotent), its person and its action. */
export type KeyedRequest = { key: string | undefined; userId: number; action: string };

function scoped({ key, userId, action }: KeyedRequest & { key: string }): string {
  return `${userId}:${action}:${key}`;
}

/** What the first request under this key stored, when the key was used already (else null). */
export async function storedResult(request: KeyedRequest): Promise<Prisma.JsonObject | null> {
  if (!request.key) return null;
  const row = await prisma.idempotencyKey.findUnique({
    where: { key: scoped({ ...request, key: request.key }) },
    select: { result: true },
  });
  if (!row) return null;
  const result = row.result;
  return result && typeof result === "object" && !Array.isArray(result) ? result : {};
}

/**
 * Claims the key inside the change's transaction, with the answer every copy
 * will get: the key exists exactly when the change does. A second claim of
 * the same key fails on the primary key (in parallel it waits for the first
 * transaction to commit, then fails), so the change happens once.
 */
export async function claimKey(
  tx: Prisma.TransactionClient,
  request: KeyedRequest,
  result: Prisma.InputJsonObject,
): Promise<void> {
  if (!request.key) return;
  const key = scoped({ ...request, key: request.key });
  await tx.idempotencyKey.create({ data: { key, userId: request.userId, action: request.action, result } });
}

/**
 * THE way a keyed command runs (reports, evaluations, renewal): a copy of a
 * request already handled gets the stored answer; otherwise `change` runs
 * (claiming the key with claimKey in its transaction), and when it fails the
 * key is read again. That second read is what makes parallel copies answer
 * like the original: a copy fails because of the original only after seeing
 * its effect — a newer version, a state moved on, a row lock it waited for
 * and then found changed, the key's own primary key — and the key commits in
 * the same transaction as that effect, so by then it is there to be read.
 * `recall` turns the stored result into this command's answer, or null when
 * it does not belong to this request (the same key sent for another record),
 * which is then the conflict it is.
 */
export async function answerOnce<R>(
  request: KeyedRequest,
  recall: (stored: Prisma.JsonObject) => R | null,
  change: () => Promise<R>,
): Promise<R> {
  const replay = async () => {
    const stored = await storedResult(request);
    return stored ? recall(stored) : null;
  };
  const earlier = await replay();
  if (earlier !== null) return earlier;
  try {
    return await change();
  } catch (error) {
    if (!request.key) throw error;
    const original = await replay();
    if (original !== null) return original;
    if (isUniqueViolation(error)) throw new ConflictError();
    throw error;
  }
}

/** A unique-constraint violation (Prisma's P2002), from a racing insert. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
