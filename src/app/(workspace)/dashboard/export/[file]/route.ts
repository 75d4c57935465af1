import type { NextRequest } from "next/server";

import { appUrl } from "@/server/auth/tokens";
import { metaFromHeaders } from "@/server/auth/request-meta";
import { getViewer } from "@/server/auth/viewer";
import { dashboardCsvResponse } from "@/server/queries/dashboard";

export const dynamic = "force-dynamic";

// `/dashboard/export/<list>.csv`: authorization is inside dashboardCsvResponse
// (the policy), not in the proxy, which can be bypassed.
export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return dashboardCsvResponse(await getViewer(), file, {
    // The configured public address, like e-mails and the calendar: never the request's Host.
    origin: appUrl(),
    meta: metaFromHeaders(request.headers),
  });
}
