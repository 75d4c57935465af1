import type { MetadataRoute } from "next";

import { defaultLocale, localePath, locales } from "@/i18n/locales";
import { siteOrigin } from "@/server/public-api/site-origin";
import { publicCentreReferences } from "@/server/queries/public-references";

export const dynamic = "force-dynamic";

type Page = Omit<MetadataRoute.Sitemap[number], "url" | "alternates"> & { path: string };

/**
 * Every public page in each of the six languages (decision 0026): one entry
 * per address, each listing the page's address in every language and
 * x-default (English) as xhtml:link hreflang alternates, as search engines
 * ask (every language version names all of them, itself included).
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteOrigin();
  const centres = await publicCentreReferences();
  const pages: Page[] = [
    { path: "/", changeFrequency: "daily", priority: 1 },
    { path: "/centres", changeFrequency: "daily", priority: 0.9 },
    { path: "/map", changeFrequency: "weekly", priority: 0.5 },
    { path: "/stats", changeFrequency: "weekly", priority: 0.5 },
    ...centres.map((centre) => ({
      path: `/centres/${centre.reference}`,
      lastModified: centre.updatedAt,
      changeFrequency: "monthly" as const,
      priority: 0.7,
    })),
  ];
  const address = (locale: (typeof locales)[number], path: string) => `${origin}${localePath(locale, path)}`;
  return pages.flatMap(({ path, ...page }) => {
    const languages = {
      ...Object.fromEntries(locales.map((locale) => [locale, address(locale, path)])),
      "x-default": address(defaultLocale, path),
    };
    return locales.map((locale) => ({ ...page, url: address(locale, path), alternates: { languages } }));
  });
}
