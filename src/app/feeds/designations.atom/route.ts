import type { NextRequest } from "next/server";

import { designationFeedXml } from "@/server/public-api/designation-feed-xml";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest) {
  return new Response(await designationFeedXml(request.nextUrl.origin), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
