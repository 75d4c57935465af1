import type { NextRequest } from "next/server";
import { getTranslations } from "next-intl/server";

import { appUrl } from "@/server/auth/tokens";
import { metaFromHeaders } from "@/server/auth/request-meta";
import { getViewer } from "@/server/auth/viewer";
import { dashboardCsvResponse } from "@/server/queries/dashboard";

import { rowWords } from "../../row-words";

export const dynamic = "force-dynamic";

// `/dashboard/export/<list>.csv`: authorization is inside dashboardCsvResponse
// (the policy), not in the proxy, which can be bypassed.
export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const t = await getTranslations("Dashboard");
  return dashboardCsvResponse(await getViewer(), file, {
    // The header stays the machine one; the cells people read are in their language.
    words: (list, row) => rowWords(t, list, row),
    // The configured public address, like e-mails and the calendar: never the request's Host.
    origin: appUrl(),
    meta: metaFromHeaders(request.headers),
  });
}
