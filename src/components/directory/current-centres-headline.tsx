import { StatusMeanings } from "@/components/status-meanings";
import {
  currentCentresSearch,
  currentCentresText,
  type CurrentCentresFigure,
} from "@/domain/directory/current-centres";

// Plain links, not next/link: prefetching three searches would cost three
// page renders for every visit (decision 0004).

/**
 * The directory's headline figure, the same words on the home page, the map
 * and the statistics: "820 current centres: 6 active, 814 pending renewal",
 * each number a link to the search that lists those centres, followed by what
 * Active and Pending mean.
 */
export function CurrentCentresHeadline({
  figure,
  className = "",
}: {
  figure: CurrentCentresFigure;
  className?: string;
}) {
  const text = currentCentresText(figure);
  return (
    <div className="space-y-2">
      <p className={className} data-testid="headline-figure">
        <a href={currentCentresSearch("current")} className="font-semibold">
          {text.current}
        </a>
        : <a href={currentCentresSearch("ACTIVE")}>{text.active}</a>,{" "}
        <a href={currentCentresSearch("PENDING")}>{text.pending}</a>.
      </p>
      <StatusMeanings statuses={["ACTIVE", "PENDING"]} className="max-w-3xl space-y-1" />
    </div>
  );
}
