import { getTranslations } from "next-intl/server";

import { StatusBadge, statusMeaningId } from "@/components/status-badge";
import { StatusMeanings } from "@/components/status-meanings";
import { getFormat, getLocaleHref, getReferenceLabels } from "@/i18n/server";
import type { DirectoryCentre } from "@/server/queries/directory-centres";

// Plain links, not next/link: Next prefetches every Link in the viewport, which
// would cost up to 20 centre-page renders per search (decision 0004).
// The statuses on the page are explained once, above the list; each badge
// points to its explanation (issue #12). The centres' own words (title,
// institution, city) stay in the language they were written in, each
// isolated in its own direction (<bdi>), so an English title on an Arabic page
// keeps its punctuation where it belongs and lines up with the page; our
// words and the reference data (country, subjects) are in the page's language.
export async function ResultList({
  items,
  countryIsoCodes,
}: {
  items: DirectoryCentre[];
  /** ISO 3166-1 alpha-2 by WHO country code, to name each country in the page's language. */
  countryIsoCodes: Record<string, string>;
}) {
  const t = await getTranslations("ResultList");
  const labels = await getReferenceLabels();
  const format = await getFormat();
  const href = await getLocaleHref();
  return (
    <>
      <StatusMeanings statuses={items.map((centre) => centre.status)} className="space-y-1" />
      <ol className="space-y-4" aria-label={t("label")}>
        {items.map((centre) => (
          <li key={centre.reference} className="result-card">
            <div className="result-meta">
              {/* Spaces, not only the flex gap, so the reference and the badge
                  are separate words to screen readers and in copied text. */}
              <span className="result-reference">{centre.reference}</span>{" "}
              <StatusBadge status={centre.status} describedBy={statusMeaningId(centre.status)} />{" "}
            </div>
            <h3 className="result-title">
              <a href={href(`/centres/${encodeURIComponent(centre.reference)}`)}>
                <bdi>{centre.title}</bdi>
              </a>
            </h3>
            <p className="result-place">
              {centre.institution && (
                <>
                  <bdi>{centre.institution}</bdi> ·{" "}
                </>
              )}
              {centre.city && (
                <>
                  <bdi>{centre.city}</bdi> ·{" "}
                </>
              )}
              {labels.country({
                code: centre.country.code,
                isoCode: countryIsoCodes[centre.country.code] ?? null,
                name: centre.country.name,
              })}{" "}
              · {centre.region.code}
            </p>
            {centre.subjects.length > 0 && (
              <ul className="result-subjects" aria-label={t("subjects")}>
                {centre.subjects.map((subject) => (
                  <li key={subject} className="chip">
                    {labels.subject(subject)}
                  </li>
                ))}
              </ul>
            )}
            {centre.termEnd && (
              <p className="result-term">{t("termEnds", { date: format.day(centre.termEnd) })}</p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
