import "server-only";

import type { PrismaClient } from "@/generated/prisma/client";

import type { OutboxBacklog } from "./metrics";

/** Mail waiting in the outbox and given up on, and how long the oldest has waited (for /metrics). */
export async function outboxBacklog(db: PrismaClient, now = new Date()): Promise<OutboxBacklog> {
  const groups = await db.outboxMessage.groupBy({
    by: ["state"],
    where: { state: { in: ["PENDING", "FAILED"] } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  const pending = groups.find((group) => group.state === "PENDING");
  const failed = groups.find((group) => group.state === "FAILED");
  const oldest = pending?._min.createdAt;
  return {
    pending: pending?._count._all ?? 0,
    failed: failed?._count._all ?? 0,
    oldestPendingSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
  };
}
