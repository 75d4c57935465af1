import { describe, expect, it } from "vitest";

import { initialReportState, isReportOverdue, scheduleAnnualReports } from "@/domain/annual-report-schedule";
import { addYears, daysBetween } from "@/domain/dates";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe("scheduleAnnualReports", () => {
  it("gives one report per year, due on each anniversary, opening 30 days before", () => {
    const reports = scheduleAnnualReports(day("2024-10-15"), 4);
    expect(reports.map((r) => iso(r.dueOn))).toEqual([
      "2025-10-15",
      "2026-10-15",
      "2027-10-15",
      "2028-10-15",
    ]);
    expect(reports.map((r) => iso(r.opensOn))).toEqual([
      "2025-09-15",
      "2026-09-15",
      "2027-09-15",
      "2028-09-15",
    ]);
    expect(iso(reports[0]!.periodStart)).toBe("2024-10-15");
    expect(iso(reports[0]!.periodEnd)).toBe("2025-10-14");
  });

  it("keeps a term that starts on 29 February on 28 February in common years", () => {
    const reports = scheduleAnnualReports(day("2024-02-29"), 4);
    expect(reports.map((r) => iso(r.dueOn))).toEqual([
      "2025-02-28",
      "2026-02-28",
      "2027-02-28",
      "2028-02-29",
    ]);
  });

  it("refuses a term that is not a whole number of years", () => {
    expect(() => scheduleAnnualReports(day("2024-01-01"), 0)).toThrow(RangeError);
    expect(() => scheduleAnnualReports(day("2024-01-01"), 1.5)).toThrow(RangeError);
  });
});

describe("report state and overdue", () => {
  const [first] = scheduleAnnualReports(day("2024-10-15"), 1);
  it("opens 30 days before the due date", () => {
    expect(initialReportState(first!, day("2025-09-14"))).toBe("SCHEDULED");
    expect(initialReportState(first!, day("2025-09-15"))).toBe("OPEN");
  });
  it("is overdue only after the due date and until submitted", () => {
    expect(isReportOverdue({ dueOn: first!.dueOn, state: "OPEN" }, day("2025-10-15"))).toBe(false);
    expect(isReportOverdue({ dueOn: first!.dueOn, state: "DRAFT" }, day("2025-10-16"))).toBe(true);
    expect(isReportOverdue({ dueOn: first!.dueOn, state: "SUBMITTED" }, day("2025-10-16"))).toBe(false);
    expect(isReportOverdue({ dueOn: first!.dueOn, state: "RETURNED" }, day("2026-01-01"))).toBe(true);
  });
});

describe("date helpers", () => {
  it("counts days across a leap day", () => {
    expect(daysBetween(day("2024-02-28"), day("2024-03-01"))).toBe(2);
    expect(iso(addYears(day("2023-03-31"), 1))).toBe("2024-03-31");
  });
});

describe("overdue in whole days", () => {
  const report = { dueOn: new Date("2026-03-31T00:00:00Z"), state: "DRAFT" };
  it("is not overdue at any hour of the due date, and is from the next day", () => {
    expect(isReportOverdue(report, new Date("2026-03-31T23:59:59Z"))).toBe(false);
    expect(isReportOverdue(report, new Date("2026-04-01T00:00:00Z"))).toBe(true);
  });
  it("never for a report submitted, accepted or cancelled", () => {
    for (const state of ["SUBMITTED", "ACCEPTED", "CANCELLED"]) {
      expect(isReportOverdue({ ...report, state }, new Date("2027-01-01T00:00:00Z"))).toBe(false);
    }
  });
});
