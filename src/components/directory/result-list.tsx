import { StatusBadge } from "@/components/status-badge";
import { formatIsoDate } from "@/domain/dates";
import type { DirectoryCentre } from "@/server/queries/directory-centres";

// Plain links, not next/link: Next prefetches every Link in the viewport, which
// would cost up to 20 centre-page renders per search (decision 0004).
export function ResultList({ items }: { items: DirectoryCentre[] }) {
  return (
    <ol className="space-y-4" aria-label="Centres found">
      {items.map((centre) => (
        <li key={centre.reference} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="text-sm font-medium uppercase tracking-wide text-muted">{centre.reference}</span>
            <StatusBadge status={centre.status} />
          </div>
          <h3 className="mt-2 text-lg font-semibold leading-snug">
            <a href={`/centres/${encodeURIComponent(centre.reference)}`}>{centre.title}</a>
          </h3>
          <p className="mt-1 text-sm text-muted">
            {[centre.institution, centre.city, centre.country.name].filter(Boolean).join(" · ")} ·{" "}
            {centre.region.code}
          </p>
          {centre.subjects.length > 0 && (
            <ul className="mt-3 flex flex-wrap gap-2" aria-label="Subjects">
              {centre.subjects.map((subject) => (
                <li key={subject} className="rounded-md bg-brand-50 px-2 py-0.5 text-xs text-brand-800">
                  {subject}
                </li>
              ))}
            </ul>
          )}
          {centre.termEnd && (
            <p className="mt-2 text-sm text-muted">Term ends {formatIsoDate(centre.termEnd)}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
