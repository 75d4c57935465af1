import { readFileSync } from "node:fs";
import path from "node:path";

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import {
  calendarTokenFromFile,
  evaluationEvent,
  mergeEvents,
  overdueReportEvent,
  reportDueEvent,
  reportReviewEvent,
  termEndEvent,
  type CalendarWords,
  type ReportDeadline,
  type TermDeadline,
} from "@/domain/calendar";
import { fromIsoDate as d } from "@/domain/dates";
import { localeFormat } from "@/i18n/format";
import { locales, type Locale } from "@/i18n/locales";

// The events' words come from the catalogues (Calendar.*), in the feed's language.
const wordsIn = (locale: Locale): CalendarWords => {
  const t = createTranslator({
    locale,
    messages: JSON.parse(
      readFileSync(path.join(import.meta.dirname, "../../messages", `${locale}.json`), "utf8"),
    ) as Record<string, unknown>,
  }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  return { text: (key, values) => t(`Calendar.${key}`, values), day: localeFormat(locale).day };
};
const words = wordsIn("en");

const centre = { reference: "NOR-18", title: "WHO Collaborating Centre for Testing" };
const report: ReportDeadline = {
  id: 4,
  centre,
  yearNumber: 2,
  dueOn: d("2026-10-16"),
  state: "OPEN",
  submittedAt: null,
};
const term: TermDeadline = { designationId: 7, centre, termEnd: d("2028-08-31"), evaluationCompleted: false };

describe("calendar tokens", () => {
  const token = "A".repeat(40) + "_-9";

  it("takes the token out of '<token>.ics' and refuses anything else", () => {
    expect(calendarTokenFromFile(`${token}.ics`)).toBe(token);
    expect(calendarTokenFromFile(token)).toBeNull();
    expect(calendarTokenFromFile(`${token}x.ics`)).toBeNull();
    expect(calendarTokenFromFile(`${token.slice(1)}.ics`)).toBeNull();
    expect(calendarTokenFromFile(`${token.slice(1)}/.ics`)).toBeNull();
    expect(calendarTokenFromFile(".ics")).toBeNull();
  });
});

describe("calendar events", () => {
  it("puts a report on its due date, linking to the report", () => {
    expect(reportDueEvent(report, words)).toEqual({
      uid: "report-due-4",
      date: "2026-10-16",
      summary: "Annual report due: NOR-18, year 2",
      description: "The year 2 annual report of WHO Collaborating Centre for Testing is due.",
      path: "/reports/4",
    });
    expect(overdueReportEvent(report, words)).toMatchObject({ uid: "report-overdue-4", date: "2026-10-16" });
  });

  it("puts a review 14 days after submission, across a month end", () => {
    const submitted = { ...report, state: "SUBMITTED", submittedAt: new Date("2026-10-20T15:30:00Z") };
    expect(reportReviewEvent(submitted, words)).toMatchObject({
      uid: "report-review-4",
      date: "2026-11-03",
      description: "Submitted on 20 October 2026; accept it or return it with a note.",
    });
  });

  it("opens the evaluation 6 months before the term ends (31 August → 29 February in a leap year)", () => {
    expect(evaluationEvent(term, words)).toMatchObject({ date: "2028-02-29", path: "/evaluations/7" });
    expect(evaluationEvent({ ...term, evaluationCompleted: true }, words)).toBeNull();
    expect(termEndEvent(term, words)).toMatchObject({ uid: "term-end-7", date: "2028-08-31" });
  });

  it("keeps one event per uid, sorted by date", () => {
    const events = mergeEvents([
      termEndEvent(term, words),
      reportDueEvent(report, words),
      null,
      termEndEvent(term, words),
    ]);
    expect(events.map((event) => event.uid)).toEqual(["report-due-4", "term-end-7"]);
  });
});

describe("calendar events in the feed's language", () => {
  it("writes every event's words and dates in each of the six languages", () => {
    const french = wordsIn("fr");
    expect(reportDueEvent(report, french).summary).toBe("Rapport annuel attendu\u202f: NOR-18, année 2");
    expect(evaluationEvent(term, french)?.description).toContain("le 31 août 2028");
    expect(termEndEvent(term, wordsIn("ar")).summary).toBe("انتهاء التعيين: NOR-18");
    for (const locale of locales) {
      const said = wordsIn(locale);
      for (const event of [
        reportDueEvent(report, said),
        reportReviewEvent(report, said),
        overdueReportEvent(report, said),
        evaluationEvent(term, said)!,
        termEndEvent(term, said),
      ]) {
        expect(event.summary, locale).toContain("NOR-18");
        expect(event.summary, locale).not.toMatch(/Calendar\./);
        expect(event.description, locale).not.toMatch(/Calendar\.|\{/);
      }
    }
  });
});
