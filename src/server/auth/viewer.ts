import "server-only";

import { cache } from "react";

import { prisma } from "@/server/db/client";

import { sessionClaims } from "./config";
import { loadViewer, type Viewer } from "./load-viewer";
import { auth } from "./next-auth";

export type { Viewer } from "./load-viewer";

/**
 * THE session reader: every page, action and route handler asks here. The
 * cookie only says who signed in, when, and with which session version; the
 * person, their roles and whether the session still counts are read from the
 * database on every request, so signing out, disabling and role changes act
 * at the next request. Cached per request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const claims = sessionClaims.safeParse(await auth());
  return claims.success ? loadViewer(prisma, claims.data) : null;
});
