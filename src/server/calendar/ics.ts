import "server-only";

import ical from "ical-generator";

import type { CalendarEvent } from "@/domain/calendar";
import { fromIsoDate } from "@/domain/dates";

/**
 * RFC 5545 text of the events, through ical-generator (escaping, line
 * folding, CRLF). All-day events: a deadline is a calendar day, not an
 * instant, so it shows on the same day in every time zone.
 */
export function renderIcs(
  events: readonly CalendarEvent[],
  { origin, now, name, language }: { origin: string; now: Date; name: string; language: string },
) {
  const host = new URL(origin).host;
  const calendar = ical({
    // The calendar's name and its events' words are in the feed's language.
    name,
    prodId: {
      company: "Collaborating Centres Registry",
      product: "deadlines",
      language: language.toUpperCase(),
    },
    // Calendar apps poll at this interval (they may choose a longer one).
    ttl: 60 * 60 * 6,
  });
  for (const event of events) {
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
