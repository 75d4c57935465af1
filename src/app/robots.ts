import type { MetadataRoute } from "next";

import { localePath, locales } from "@/i18n/locales";
import { siteOrigin } from "@/server/public-api/site-origin";

export const dynamic = "force-dynamic";

// The public directory is for indexing, in every language; the API and
// exports are for programs, and the signed-in workspace is nobody's business
// but its users'.
export default function robots(): MetadataRoute.Robots {
  const origin = siteOrigin();
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/api/", ...locales.map((locale) => localePath(locale, "/sign-in")), "/workspace"],
    },
    sitemap: `${origin}/sitemap.xml`,
  };
}
