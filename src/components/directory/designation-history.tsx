import { getLocale, getTranslations } from "next-intl/server";

import { getFormat } from "@/i18n/server";
import { sayProblem } from "@/server/commands/say-problems";
import type { PublicHistoryEvent } from "@/server/queries/centre-detail";

/** The centre page's designations and status changes, newest first, in the page's language. */
export async function DesignationHistory({ events }: { events: PublicHistoryEvent[] }) {
  const t = await getTranslations("History");
  const status = await getTranslations("Status");
  const format = await getFormat();
  const locale = await getLocale();
  const date = (value: string | null) => (value ? format.day(value) : t("dateNotRecorded"));
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2 id="history-heading" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      {events.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ol className="space-y-2">
          {events.map((event, index) => (
            <li key={index} className="rounded-md border border-slate-200 bg-white px-4 py-3">
              {event.kind === "designation" ? (
                <>
                  <p className="font-medium">
                    {t("designated", { type: event.type, date: date(event.letterDate ?? event.termStart) })}
                  </p>
                  <p className="text-sm text-muted">
                    {t("term", { start: date(event.termStart), end: date(event.termEnd) })}
                  </p>
                </>
              ) : (
                <>
                  <p className="font-medium">
                    {t("statusChanged", {
                      status: status(`label.${event.status}`),
                      date: format.day(event.date),
                    })}
                  </p>
                  {/* The reason is the registry's record, in the language it was written in;
                      one the registry wrote itself (the expiry job's) in the page's language. */}
                  {event.reason && (
                    <p className="text-sm text-muted">
                      <bdi>{sayProblem(event.reason, locale)}</bdi>
                    </p>
                  )}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
