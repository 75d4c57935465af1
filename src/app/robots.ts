import type { MetadataRoute } from "next";

import { siteOrigin } from "@/server/public-api/site-origin";

export const dynamic = "force-dynamic";

// The public directory is for indexing; the API and exports are for programs,
// and the signed-in workspace is nobody's business but its users'.
export default function robots(): MetadataRoute.Robots {
  const origin = siteOrigin();
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/sign-in", "/workspace"] },
    sitemap: `${origin}/sitemap.xml`,
  };
}
