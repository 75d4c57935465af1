import { centreStatusLabels } from "@/domain/centre-status";
import { formatIsoDate } from "@/domain/dates";
import type { PublicHistoryEvent } from "@/server/queries/centre-detail";

const date = (value: string | null) => (value ? formatIsoDate(value) : "date not recorded");

export function DesignationHistory({ events }: { events: PublicHistoryEvent[] }) {
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2 id="history-heading" className="text-xl font-semibold">
        Designation history
      </h2>
      {events.length === 0 ? (
        <p className="text-muted">No designation recorded.</p>
      ) : (
        <ol className="space-y-2">
          {events.map((event, index) => (
            <li key={index} className="rounded-md border border-slate-200 bg-white px-4 py-3">
              {event.kind === "designation" ? (
                <>
                  <p className="font-medium">
                    {event.type === "INITIAL" ? "Designated" : "Redesignated"} on{" "}
                    {date(event.letterDate ?? event.termStart)}
                  </p>
                  <p className="text-sm text-muted">
                    Term {date(event.termStart)} to {date(event.termEnd)}
                  </p>
                </>
              ) : (
                <>
                  <p className="font-medium">
                    Status changed to {centreStatusLabels[event.status].toLowerCase()} on{" "}
                    {formatIsoDate(event.date)}
                  </p>
                  {event.reason && <p className="text-sm text-muted">{event.reason}</p>}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
