import { getTranslations } from "next-intl/server";

import { StatusMeanings } from "@/components/status-meanings";
import { currentCentresSearch, type CurrentCentresFigure } from "@/domain/directory/current-centres";
import { getLocaleHref } from "@/i18n/server";

// Plain links, not next/link: prefetching three searches would cost three
// page renders for every visit (decision 0004).

/**
 * The directory's headline figure, the same words on the home page, the map
 * and the statistics: "820 current centres: 6 active, 814 pending renewal",
 * each number a link to the search that lists those centres, followed by what
 * Active and Pending mean. One message per language (CurrentCentres.headline),
 * so each language places its own punctuation and plurals.
 */
export async function CurrentCentresHeadline({
  figure,
  className = "",
}: {
  figure: CurrentCentresFigure;
  className?: string;
}) {
  const t = await getTranslations("CurrentCentres");
  const href = await getLocaleHref();
  return (
    <div className="space-y-2">
      <p className={className} data-testid="headline-figure">
        {t.rich("headline", {
          ...figure,
          currentLink: (chunks) => (
            <a href={href(currentCentresSearch("current"))} className="font-semibold">
              {chunks}
            </a>
          ),
          activeLink: (chunks) => <a href={href(currentCentresSearch("ACTIVE"))}>{chunks}</a>,
          pendingLink: (chunks) => <a href={href(currentCentresSearch("PENDING"))}>{chunks}</a>,
        })}
      </p>
      <StatusMeanings statuses={["ACTIVE", "PENDING"]} className="max-w-3xl space-y-1" />
    </div>
  );
}
