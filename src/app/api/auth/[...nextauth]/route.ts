import type { NextRequest } from "next/server";

import { rejectForeignOrigin } from "@/server/auth/origin-guard";
import { handlers } from "@/server/auth/next-auth";

// Auth.js's own endpoints (session, csrf, sign-out). State-changing calls
// are refused from other sites before Auth.js sees them.
export const dynamic = "force-dynamic";

export const GET = (request: NextRequest) => handlers.GET(request);

export async function POST(request: NextRequest) {
  return rejectForeignOrigin(request) ?? handlers.POST(request);
}
