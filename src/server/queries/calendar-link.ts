import "server-only";

import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { authorize } from "@/server/policy/authorize";

/** Whether the person has a live calendar address, and the version their forms post back. */
export async function calendarLinkStatus(viewer: Viewer): Promise<{ active: boolean; version: number }> {
  await authorize(viewer, "calendar.manage");
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: viewer.id },
    select: { calendarTokenHash: true, version: true },
  });
  return { active: user.calendarTokenHash !== null, version: user.version };
}
