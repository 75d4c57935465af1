import { designationFeedXml } from "@/server/public-api/designation-feed-xml";
import { siteOrigin } from "@/server/public-api/site-origin";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await designationFeedXml(siteOrigin()), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
