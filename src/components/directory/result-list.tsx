import { StatusBadge, statusMeaningId } from "@/components/status-badge";
import { StatusMeanings } from "@/components/status-meanings";
import { formatIsoDate } from "@/domain/dates";
import type { DirectoryCentre } from "@/server/queries/directory-centres";

// Plain links, not next/link: Next prefetches every Link in the viewport, which
// would cost up to 20 centre-page renders per search (decision 0004).
// The statuses on the page are explained once, above the list; each badge
// points to its explanation (issue #12).
export function ResultList({ items }: { items: DirectoryCentre[] }) {
  return (
    <>
      <StatusMeanings statuses={items.map((centre) => centre.status)} className="space-y-1" />
      <ol className="space-y-4" aria-label="Centres found">
        {items.map((centre) => (
          <li key={centre.reference} className="result-card">
            <div className="result-meta">
              {/* Spaces, not only the flex gap, so the reference and the badge
                  are separate words to screen readers and in copied text. */}
              <span className="result-reference">{centre.reference}</span>{" "}
              <StatusBadge status={centre.status} describedBy={statusMeaningId(centre.status)} />{" "}
            </div>
            <h3 className="result-title">
              <a href={`/centres/${encodeURIComponent(centre.reference)}`}>{centre.title}</a>
            </h3>
            <p className="result-place">
              {[centre.institution, centre.city, centre.country.name].filter(Boolean).join(" · ")} ·{" "}
              {centre.region.code}
            </p>
            {centre.subjects.length > 0 && (
              <ul className="result-subjects" aria-label="Subjects">
                {centre.subjects.map((subject) => (
                  <li key={subject} className="chip">
                    {subject}
                  </li>
                ))}
              </ul>
            )}
            {centre.termEnd && <p className="result-term">Term ends {formatIsoDate(centre.termEnd)}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}
