import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

// security.md scenario 8: a form posted twice with the same idempotency key
// (a double click, a retry after a lost answer, two tabs racing) has one
// effect; the repeat gets the first one's answer instead of an error. The key
// is the client's, scoped here to the person and the action so that one
// person's key can never answer for another's.

type Db = Prisma.TransactionClient | typeof prisma;

function scoped(key: string, userId: number, action: string): string {
  return `${userId}:${action}:${key}`;
}

/** What the first request under this key stored, when the key was used already. */
export async function storedResult(
  db: Db,
  key: string | undefined,
  userId: number,
  action: string,
): Promise<unknown> {
  if (!key) return null;
  const row = await db.idempotencyKey.findUnique({
    where: { key: scoped(key, userId, action) },
    select: { result: true },
  });
  return row ? (row.result ?? {}) : null;
}

/** The first submission's message, when this key was used already. */
export async function earlierResult(
  db: Db,
  key: string | undefined,
  userId: number,
  action: string,
): Promise<{ message?: string } | null> {
  const result = (await storedResult(db, key, userId, action)) as { message?: string } | null;
  if (!result) return null;
  return { message: result.message };
}

/**
 * Claims the key inside the change's transaction: a second claim of the same
 * key fails on the primary key (in parallel it waits for the first to commit,
 * then fails), so the change it belongs to happens once.
 */
export async function claimKey(
  tx: Prisma.TransactionClient,
  key: string | undefined,
  userId: number,
  action: string,
  result: { message: string } & Prisma.InputJsonObject,
): Promise<void> {
  if (!key) return;
  await tx.idempotencyKey.create({ data: { key: scoped(key, userId, action), userId, action, result } });
}

/** A unique-constraint violation (Prisma's P2002), from a racing insert. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
