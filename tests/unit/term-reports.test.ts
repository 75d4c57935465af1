import { describe, expect, it } from "vitest";

import { toIsoDate } from "@/domain/dates";
import { isUnopenedReport, reportYears, termReports } from "@/domain/term-reports";
import { diffTermsOfReference } from "@/domain/tor-diff";

const iso = (reports: ReturnType<typeof termReports>) =>
  reports.map((r) => ({
    year: r.yearNumber,
    opens: toIsoDate(r.opensOn),
    due: toIsoDate(r.dueOn),
    state: r.state,
  }));

describe("reports of a term", () => {
  it("counts the anniversaries on or before the end", () => {
    expect(reportYears("2026-03-01", "2030-03-01")).toBe(4);
    expect(reportYears("2026-03-01", "2030-02-28")).toBe(3);
    expect(reportYears("2026-03-01", "2027-02-28")).toBe(0);
    expect(reportYears("2024-02-29", "2028-02-29")).toBe(4);
  });
  it("schedules one report per year, due on each anniversary, open 30 days before", () => {
    expect(iso(termReports("2026-01-10", "2028-01-10", "2026-12-15"))).toEqual([
      { year: 1, opens: "2026-12-11", due: "2027-01-10", state: "OPEN" },
      { year: 2, opens: "2027-12-11", due: "2028-01-10", state: "SCHEDULED" },
    ]);
  });
  it("is SCHEDULED the day before it opens and OPEN on that day", () => {
    expect(termReports("2026-01-10", "2027-01-10", "2026-12-10")[0]?.state).toBe("SCHEDULED");
    expect(termReports("2026-01-10", "2027-01-10", "2026-12-11")[0]?.state).toBe("OPEN");
  });
  it("gives a term starting on 29 February its reports on 28 February in common years", () => {
    expect(iso(termReports("2024-02-29", "2028-02-29", "2024-03-01")).map((r) => r.due)).toEqual([
      "2025-02-28",
      "2026-02-28",
      "2027-02-28",
      "2028-02-29",
    ]);
  });
  it("leaves out reports due before `dueFrom` (an imported centre's unknown history)", () => {
    expect(
      iso(termReports("2020-09-23", "2024-09-23", "2022-06-01", { dueFrom: "2022-06-01" })).map(
        (r) => r.year,
      ),
    ).toEqual([2, 3, 4]);
    expect(termReports("2018-09-05", "2022-09-05", "2026-11-25", { dueFrom: "2026-11-25" })).toEqual([]);
  });
  it("cancels only reports nobody started", () => {
    expect(["SCHEDULED", "OPEN"].every(isUnopenedReport)).toBe(true);
    expect(["DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED", "CANCELLED"].some(isUnopenedReport)).toBe(false);
  });
});

describe("ToR and work plan diff", () => {
  const activity = (title: string, deliverables = "A report") => ({
    title,
    activityType: "Research",
    description: "Studies.",
    deliverables,
    timeframe: "Years 1-4",
  });
  it("names added, removed, changed and unchanged items and activities", () => {
    const before = [
      { position: 1, text: "Research.", activities: [activity("Study")] },
      { position: 2, text: "Training.", activities: [activity("Course"), activity("Webinar")] },
      { position: 3, text: "Advice.", activities: [] },
    ];
    const after = [
      { position: 1, text: "Research.", activities: [activity("Study")] },
      { position: 2, text: "Training and mentoring.", activities: [activity("Course", "Two reports")] },
    ];
    const diff = diffTermsOfReference(before, after);
    expect(diff.map((item) => item.change)).toEqual(["unchanged", "changed", "removed"]);
    expect(diff[1]?.activities.map((a) => [a.change, (a.after ?? a.before)?.title])).toEqual([
      ["changed", "Course"],
      ["removed", "Webinar"],
    ]);
    const added = diffTermsOfReference(after, before);
    expect(added[2]).toMatchObject({ change: "added", before: null, after: "Advice." });
  });
  it("marks an item changed when only an activity changed", () => {
    const diff = diffTermsOfReference(
      [{ position: 1, text: "Same.", activities: [activity("A")] }],
      [{ position: 1, text: "Same.", activities: [activity("A"), activity("B")] }],
    );
    expect(diff[0]?.change).toBe("changed");
  });
});
