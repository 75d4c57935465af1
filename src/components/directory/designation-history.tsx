import { getLocale, getTranslations } from "next-intl/server";

import { formatCalendarDay } from "@/i18n/calendar-day";
import type { PublicHistoryEvent } from "@/server/queries/centre-detail";

export async function DesignationHistory({ events }: { events: PublicHistoryEvent[] }) {
  const [t, tStatus, locale] = await Promise.all([
    getTranslations("DesignationHistory"),
    getTranslations("Status"),
    getLocale(),
  ]);
  const date = (value: string | null) => (value ? formatCalendarDay(locale, value) : t("noDate"));
  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2 id="history-heading" className="text-xl font-semibold">
        {t("title")}
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
                    {t(event.type === "INITIAL" ? "designated" : "redesignated", {
                      date: date(event.letterDate ?? event.termStart),
                    })}
                  </p>
                  <p className="text-sm text-muted">
                    {t("term", { start: date(event.termStart), end: date(event.termEnd) })}
                  </p>
                </>
              ) : (
                <>
                  <p className="font-medium">
                    {t("statusChanged", {
                      status: tStatus(`label.${event.status}`).toLowerCase(),
                      date: formatCalendarDay(locale, event.date),
                    })}
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
