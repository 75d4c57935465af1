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
      summary: "Annual report due: NOR-18, year 2",
      description: "The year 2 annual report of WHO Collaborating Centre for Testing is due.",
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

  it("keeps one event per uid, sorted by date", () => {
    const events = mergeEvents([termEndEvent(term), reportDueEvent(report), null, termEndEvent(term)]);
    expect(events.map((event) => event.uid)).toEqual(["report-due-4", "term-end-7"]);
  });
});
