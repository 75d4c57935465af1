import "server-only";

import { getLocale, getTranslations } from "next-intl/server";

import { localeFormat, type LocaleFormat } from "./format";
import { localePath } from "./locales";
import { referenceLabels, type CatalogueLookup, type ReferenceLabels } from "./reference-labels";

/**
 * Links to our pages in the language being read: `href("/centres?q=x")` is
 * `/fr/centres?q=x` on a French page and unchanged on an English one. For
 * plain <a>, next/link and form actions alike.
 */
export async function getLocaleHref(): Promise<(href: string) => string> {
  const locale = await getLocale();
  return (href) => localePath(locale, href);
}

/** Dates, numbers, lists and sorting in the language being read (src/i18n/format.ts). */
export async function getFormat(): Promise<LocaleFormat> {
  return localeFormat(await getLocale());
}

/** Regions, countries, subjects, types of activity, statuses by code, in the language being read. */
export async function getReferenceLabels(): Promise<ReferenceLabels> {
  const locale = await getLocale();
  const t = await getTranslations();
  return referenceLabels(locale, t as unknown as CatalogueLookup);
}
