import "server-only";

import type { ResourceFacts } from "@/domain/permissions";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

import { ConflictError } from "./command";

// docs/security.md scenario 8: a form posted twice with the same idempotency key
// (a double click, a retry after a lost answer, two tabs racing) has one
// effect, and every copy gets the first one's answer instead of an error. The
// key is the client's, scoped here to the person and the action so that one
// person's key can never answer for another's. This is the one way a keyed
// command runs; changeRecord() (change-record.ts) uses it.

/**
 * One keyed request: the client's key (none: not idempotent), its person, its
 * action, and the record the form names (`subject`): the same key sent for
 * another record is no copy of it.
 */
export type KeyedRequest = { key: string | undefined; userId: number; action: string; subject: number };

/**
 * What every copy of a request is answered: the message (for a command that
 * redirects, the path) and the state the first request was authorized in.
 */
export type StoredAnswer = { message: string; from: string | null };

function scoped({ key, userId, action }: KeyedRequest & { key: string }): string {
  return `${userId}:${action}:${key}`;
}

/** The answer the first request under this key was given, when it was for the same record (else null). */
export async function earlierAnswer(request: KeyedRequest): Promise<StoredAnswer | null> {
  if (!request.key) return null;
  const row = await prisma.idempotencyKey.findUnique({
    where: { key: scoped({ ...request, key: request.key }) },
    select: { result: true },
  });
  const stored = row?.result;
  if (!stored || typeof stored !== "object" || Array.isArray(stored)) return null;
  if (stored.subject !== request.subject || typeof stored.message !== "string") return null;
  return { message: stored.message, from: typeof stored.from === "string" ? stored.from : null };
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
  answer: StoredAnswer,
): Promise<void> {
  if (!request.key) return;
  const key = scoped({ ...request, key: request.key });
  const result = { ...answer, subject: request.subject };
  await tx.idempotencyKey.create({ data: { key, userId: request.userId, action: request.action, result } });
}

/**
 * A copy of a request already handled gets the stored answer; otherwise
 * `change` runs (claiming the key with claimKey in its transaction), and when
 * it fails the key is read again. That second read is what makes parallel
 * copies answer like the original: a copy fails because of the original only
 * after seeing its effect — a newer version, a state moved on, a row lock it
 * waited for and then found changed, the key's own primary key — and the key
 * commits in the same transaction as that effect, so by then it is there to
 * be read.
 */
export async function answerOnce(
  request: KeyedRequest,
  change: () => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  const earlier = await earlierAnswer(request);
  if (earlier) return earlier;
  try {
    return await change();
  } catch (error) {
    if (!request.key) throw error;
    const original = await earlierAnswer(request);
    if (original) return original;
    if (isUniqueViolation(error)) throw new ConflictError();
    throw error;
  }
}

/**
 * The permission facts a request is checked with. A copy of a request that
 * already took effect is checked in the state the first one was authorized
 * in (it changes nothing: it only gets the first answer back); any other
 * request in the record's state as it is.
 */
export async function factsAsFirstAuthorized(
  facts: ResourceFacts,
  request: KeyedRequest,
): Promise<{ facts: ResourceFacts; repeat: boolean }> {
  const earlier = await earlierAnswer(request);
  if (!earlier) return { facts, repeat: false };
  return { facts: earlier.from === null ? facts : { ...facts, state: earlier.from }, repeat: true };
}

/** A unique-constraint violation (Prisma's P2002), from a racing insert. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
