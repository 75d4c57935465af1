import "server-only";

import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { authorize } from "@/server/policy/authorize";

export type OutboxRow = {
  id: number;
  toEmail: string;
  subject: string;
  textBody: string;
  state: string;
  createdAt: Date;
};

/** The mail page exists only where no real mail leaves the app: demo mode or development. */
export function mailPageEnabled(): boolean {
  const demo = process.env.DEMO_MODE === "true" || process.env.DEMO_MODE === "1";
  return demo || process.env.NODE_ENV === "development";
}

export async function listOutbox(viewer: Viewer): Promise<OutboxRow[]> {
  await authorize(viewer, "mail.read");
  return prisma.outboxMessage.findMany({
    select: { id: true, toEmail: true, subject: true, textBody: true, state: true, createdAt: true },
    orderBy: { id: "desc" },
    take: 100,
  });
}
