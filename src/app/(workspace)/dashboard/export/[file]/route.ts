import type { NextRequest } from "next/server";

import { metaFromHeaders } from "@/server/auth/request-meta";
import { getViewer } from "@/server/auth/viewer";
import { dashboardCsvResponse } from "@/server/queries/dashboard";

export const dynamic = "force-dynamic";

// `/dashboard/export/<list>.csv`: authorization is inside dashboardCsvResponse
// (the policy), not in the proxy, which can be bypassed.
export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return dashboardCsvResponse(await getViewer(), file, {
    origin: request.nextUrl.origin,
    meta: metaFromHeaders(request.headers),
  });
}
