import "server-only";

import ical from "ical-generator";

import type { CalendarEvent } from "@/domain/calendar";
import { formatIsoDate, fromIsoDate } from "@/domain/dates";
import { translatorFor } from "@/i18n/catalogues";
import type { Locale } from "@/i18n/locales";

/** An event with its words, in the calendar owner's language. */
export type DescribedEvent = CalendarEvent & { summary: string; description: string };

/** The summary and description of each event, from "Mail.calendar.<kind>", dates in words in `locale`. */
export function describeEvents(events: readonly CalendarEvent[], locale: Locale): DescribedEvent[] {
  const t = translatorFor(locale, "Mail");
  return events.map((event) => {
    const { reference, title, year, date } = event.facts;
    const values = { reference, title, year: year ?? 0, date: date ? formatIsoDate(date, locale) : "" };
    return {
      ...event,
      summary: t(`calendar.${event.kind}.summary`, values),
      description: t(`calendar.${event.kind}.description`, values),
    };
  });
}

/**
 * RFC 5545 text of the events, through ical-generator (escaping, line
 * folding, CRLF), in the owner's language (the calendar's name, each
 * event's words, and the LANGUAGE of its product id). All-day events: a
 * deadline is a calendar day, not an instant, so it shows on the same day in
 * every time zone.
 */
export function renderIcs(
  events: readonly CalendarEvent[],
  { origin, now, locale }: { origin: string; now: Date; locale: Locale },
) {
  const host = new URL(origin).host;
  const calendar = ical({
    name: translatorFor(locale, "Mail")("calendar.name"),
    prodId: {
      company: "Collaborating Centres Registry",
      product: "deadlines",
      language: locale.toUpperCase(),
    },
    // Calendar apps poll at this interval (they may choose a longer one).
    ttl: 60 * 60 * 6,
  });
  for (const event of describeEvents(events, locale)) {
    const start = fromIsoDate(event.date);
    calendar.createEvent({
      id: `${event.uid}@${host}`,
      start,
      allDay: true,
      stamp: now,
      summary: event.summary,
      description: `${event.description}\n${origin}${event.path}`,
      url: `${origin}${event.path}`,
    });
  }
  return calendar.toString();
}
