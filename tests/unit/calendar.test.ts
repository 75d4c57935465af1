import { describe, expect, it } from "vitest";

import {
  calendarTokenFromFile,
  evaluationEvent,
  mergeEvents,
  overdueReportEvent,
  reportDueEvent,
  reportReviewEvent,
  termEndEvent,
  type ReportDeadline,
  type TermDeadline,
} from "@/domain/calendar";
import { fromIsoDate as d } from "@/domain/dates";
import { locales } from "@/i18n/locales";
import { describeEvents } from "@/server/calendar/ics";

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
    expect(reportDueEvent(report)).toEqual({
      uid: "report-due-4",
      date: "2026-10-16",
      kind: "reportDue",
      facts: { reference: "NOR-18", title: "WHO Collaborating Centre for Testing", year: 2 },
      path: "/reports/4",
    });
    expect(overdueReportEvent(report)).toMatchObject({ uid: "report-overdue-4", date: "2026-10-16" });
  });

  it("puts a review 14 days after submission, across a month end", () => {
    const submitted = { ...report, state: "SUBMITTED", submittedAt: new Date("2026-10-20T15:30:00Z") };
    expect(reportReviewEvent(submitted)).toMatchObject({ uid: "report-review-4", date: "2026-11-03" });
  });

  it("opens the evaluation 6 months before the term ends (31 August → 29 February in a leap year)", () => {
    expect(evaluationEvent(term)).toMatchObject({ date: "2028-02-29", path: "/evaluations/7" });
    expect(evaluationEvent({ ...term, evaluationCompleted: true })).toBeNull();
    expect(termEndEvent(term)).toMatchObject({ uid: "term-end-7", date: "2028-08-31" });
  });

  it("are written in the calendar owner's language, dates in words", () => {
    const submitted = { ...report, state: "SUBMITTED", submittedAt: new Date("2026-10-20T15:30:00Z") };
    const events = [
      reportDueEvent(report),
      reportReviewEvent(submitted),
      evaluationEvent(term)!,
      termEndEvent(term),
    ];
    expect(describeEvents(events, "en").map(({ summary, description }) => [summary, description])).toEqual([
      [
        "Annual report due: NOR-18, year 2",
        "The year 2 annual report of WHO Collaborating Centre for Testing is due.",
      ],
      [
        "Review annual report: NOR-18, year 2",
        "Submitted on 20 October 2026; accept it or return it with a note.",
      ],
      [
        "Final evaluation opens: NOR-18",
        "Write the final evaluation of WHO Collaborating Centre for Testing before its term ends on 31 August 2028.",
      ],
      [
        "Designation expires: NOR-18",
        "The term of WHO Collaborating Centre for Testing ends on this day unless a redesignation has been approved.",
      ],
    ]);
    const [due, review] = describeEvents(events, "es");
    expect(due!.summary).toBe("Vence el informe anual: NOR-18, año 2");
    expect(review!.description).toBe(
      "Presentado el 20 de octubre de 2026; acéptelo o devuélvalo con una nota.",
    );
    expect(describeEvents([overdueReportEvent(report)], "ru")[0]!.summary).toBe(
      "Просроченный годовой отчёт: NOR-18, 2-й год",
    );
    for (const locale of locales) {
      for (const event of describeEvents(events, locale)) {
        expect(`${event.summary} ${event.description}`, locale).not.toMatch(/Mail\.|[{}]/);
      }
    }
  });

  it("keeps one event per uid, sorted by date", () => {
    const events = mergeEvents([termEndEvent(term), reportDueEvent(report), null, termEndEvent(term)]);
    expect(events.map((event) => event.uid)).toEqual(["report-due-4", "term-end-7"]);
  });
});
