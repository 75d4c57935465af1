import "server-only";

import { toIsoDate } from "@/domain/dates";
import { atomFeed } from "@/domain/directory/atom";
import { translatorFor } from "@/i18n/catalogues";
import { localeFormat } from "@/i18n/format";
import { defaultLocale, localePath, type Locale } from "@/i18n/locales";
import { designationFeed, type FeedEntry } from "@/server/queries/designation-feed";

type Words = ReturnType<typeof translatorFor<"Feed">>;

function entryTitle(t: Words, entry: FeedEntry): string {
  const values = { reference: entry.reference, title: entry.title };
  if (entry.kind === "designation") return t("designated", values);
  if (entry.kind === "redesignation") return t("redesignated", values);
  return t("statusChange", { ...values, status: entry.status ?? "PENDING" });
}

function entrySummary(t: Words, day: (isoDate: string) => string, entry: FeedEntry): string {
  if (entry.kind === "status") return t("summaryStatus", { date: day(toIsoDate(entry.date)) });
  if (entry.termStart && entry.termEnd) {
    return t("summaryDesignationTerm", {
      kind: entry.kind,
      start: day(toIsoDate(entry.termStart)),
      end: day(toIsoDate(entry.termEnd)),
    });
  }
  return t("summaryDesignation", { kind: entry.kind });
}

/**
 * /feeds/designations.atom: designations, redesignations and status changes,
 * newest first, in `locale` (its own address per language: `?lang=fr`), each
 * entry linking to the centre's page in that language. An entry keeps its id
 * in every language: it is the same event.
 */
export async function designationFeedXml(origin: string, locale: Locale = defaultLocale): Promise<string> {
  const entries = await designationFeed();
  const t = translatorFor(locale, "Feed");
  const { day } = localeFormat(locale);
  const host = new URL(origin).host;
  const self = `${origin}/feeds/designations.atom${locale === defaultLocale ? "" : `?lang=${locale}`}`;
  return atomFeed({
    id: self,
    lang: locale,
    title: t("title"),
    author: translatorFor(locale, "Site")("name"),
    selfLink: self,
    siteLink: `${origin}${localePath(locale, "/centres")}`,
    updated: (entries[0]?.date ?? new Date(0)).toISOString(),
    entries: entries.map((entry) => ({
      id: `tag:${host},2026:${entry.id}`,
      title: entryTitle(t, entry),
      link: `${origin}${localePath(locale, `/centres/${encodeURIComponent(entry.reference)}`)}`,
      updated: entry.date.toISOString(),
      summary: entrySummary(t, day, entry),
    })),
  });
}
