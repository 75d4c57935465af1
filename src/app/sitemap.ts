import type { MetadataRoute } from "next";

import { siteOrigin } from "@/server/public-api/site-origin";
import { publicCentreReferences } from "@/server/queries/public-references";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteOrigin();
  const centres = await publicCentreReferences();
  return [
    { url: `${origin}/`, changeFrequency: "daily", priority: 1 },
    { url: `${origin}/centres`, changeFrequency: "daily", priority: 0.9 },
    { url: `${origin}/map`, changeFrequency: "weekly", priority: 0.5 },
    { url: `${origin}/stats`, changeFrequency: "weekly", priority: 0.5 },
    ...centres.map((centre) => ({
      url: `${origin}/centres/${centre.reference}`,
      lastModified: centre.updatedAt,
      changeFrequency: "monthly" as const,
      priority: 0.7,
    })),
  ];
}
