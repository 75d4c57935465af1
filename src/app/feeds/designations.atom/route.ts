import type { NextRequest } from "next/server";

import { langParam } from "@/server/http/lang-param";
import { designationFeedXml } from "@/server/public-api/designation-feed-xml";
import { siteOrigin } from "@/server/public-api/site-origin";

export const dynamic = "force-dynamic";

// `?lang=fr` (any of the six languages; English without it): the feed's
// titles and summaries in that language, its links to that language's pages.
export async function GET(request: NextRequest) {
  const lang = langParam(request.nextUrl);
  if (!lang.ok) return lang.response;
  return new Response(await designationFeedXml(siteOrigin(), lang.locale), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
