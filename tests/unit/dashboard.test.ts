import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { rowWords } from "@/app/(workspace)/dashboard/row-words";
import {
  dashboardCsv,
  dashboardList,
  expiringTerms,
  isDashboardList,
  missingEvaluations,
  overdueReports,
  pendingCentres,
  pendingSince,
  type ReportFact,
  type TermFact,
} from "@/domain/dashboard";
import { fromIsoDate as d } from "@/domain/dates";

import en from "../../messages/en.json";
import fr from "../../messages/fr.json";

// The dashboard's rules with an injected "today": every boundary (due today,
// the 12-month horizon, 90 days Pending, the 6-month evaluation window) on
// both sides, leap days and the CSV shape.

const today = d("2026-11-25");
const centre = { reference: "NOR-18", title: "WHO Collaborating Centre for Testing", regionCode: "EURO" };

function report(overrides: Partial<ReportFact>): ReportFact {
  return { id: 1, centre, yearNumber: 2, dueOn: d("2026-10-16"), state: "OPEN", ...overrides };
}

function term(overrides: Partial<TermFact> & { status?: string; statusChangedAt?: Date }): TermFact {
  const { status = "ACTIVE", statusChangedAt = d("2022-01-01"), ...rest } = overrides;
  return {
    centre: { ...centre, status, statusChangedAt },
    designationId: 5,
    termEnd: d("2027-03-01"),
    termImported: false,
    evaluationState: null,
    redesignationUnderWay: false,
    ...rest,
  };
}

describe("overdueReports", () => {
  it("lists open, draft and returned reports past their due date, with days overdue and a link", () => {
    const rows = overdueReports(
      [
        report({ id: 1, state: "OPEN", dueOn: d("2026-10-16") }),
        report({ id: 2, state: "DRAFT", dueOn: d("2026-11-24") }),
        report({ id: 3, state: "RETURNED", dueOn: d("2026-11-20") }),
      ],
      today,
    );
    expect(rows.map((row) => [row.href, row.daysLate, row.lateness])).toEqual([
      ["/reports/1", 40, "40 days overdue"],
      ["/reports/3", 5, "5 days overdue"],
      ["/reports/2", 1, "1 day overdue"],
    ]);
    expect(rows[0]).toMatchObject({ item: "Annual report, year 2", date: "2026-10-16", note: "Not started" });
  });

  it("does not list a report due today, nor submitted, accepted or cancelled ones", () => {
    const rows = overdueReports(
      [
        report({ id: 1, dueOn: today }),
        report({ id: 2, state: "SUBMITTED" }),
        report({ id: 3, state: "ACCEPTED" }),
        report({ id: 4, state: "CANCELLED" }),
      ],
      today,
    );
    expect(rows).toEqual([]);
  });

  it("counts a leap day", () => {
    const rows = overdueReports([report({ dueOn: d("2028-02-28") })], d("2028-03-01"));
    expect(rows[0]?.daysLate).toBe(2);
  });
});

describe("expiringTerms", () => {
  it("lists Active terms ending within 12 months, soonest first, linking to the evaluation page", () => {
    const rows = expiringTerms(
      [
        term({ designationId: 1, termEnd: d("2027-11-25") }), // exactly 12 months: included
        term({ designationId: 2, termEnd: d("2027-11-26") }), // one day beyond: not
        term({ designationId: 3, termEnd: d("2026-12-05"), redesignationUnderWay: true }),
      ],
      today,
    );
    expect(rows.map((row) => [row.href, row.lateness, row.note])).toEqual([
      ["/evaluations/3", "expires in 10 days", "Redesignation under way"],
      ["/evaluations/1", "expires in 365 days", "No redesignation started"],
    ]);
  });

  it("lists an ended term of a centre still Active as ended, and ignores other statuses", () => {
    const rows = expiringTerms(
      [
        term({ designationId: 1, termEnd: d("2026-11-20") }),
        term({ designationId: 2, termEnd: d("2026-12-01"), status: "PENDING" }),
        term({ designationId: 3, termEnd: d("2026-12-01"), status: "TERMINATED" }),
        term({ designationId: 4, termEnd: null }),
      ],
      today,
    );
    expect(rows.map((row) => [row.key, row.lateness, row.note])).toEqual([
      ["term-1", "ended 5 days ago", "Ended, still Active: no redesignation started"],
    ]);
  });

  it("treats 29 February + 1 year as 28 February", () => {
    const rows = expiringTerms([term({ termEnd: d("2029-02-28") })], d("2028-02-29"));
    expect(rows).toHaveLength(1);
    expect(expiringTerms([term({ termEnd: d("2029-03-01") })], d("2028-02-29"))).toEqual([]);
  });
});

describe("pendingCentres", () => {
  it("lists centres Pending for more than 90 days, not 90", () => {
    const since = (daysAgo: number) => new Date(today.getTime() - daysAgo * 86_400_000);
    const rows = pendingCentres(
      [
        term({ designationId: 1, status: "PENDING", statusChangedAt: since(91), termEnd: since(91) }),
        term({ designationId: 2, status: "PENDING", statusChangedAt: since(90), termEnd: since(90) }),
      ],
      today,
    );
    expect(rows.map((row) => [row.key, row.lateness])).toEqual([["pending-1", "Pending for 91 days"]]);
    expect(rows[0]?.href).toBe("/centres/NOR-18");
  });

  it("lists imported terms left Pending for review at once, unless a redesignation is under way", () => {
    const rows = pendingCentres(
      [
        term({ designationId: 1, status: "PENDING", statusChangedAt: d("2026-11-20"), termImported: true }),
        term({
          designationId: 2,
          status: "PENDING",
          statusChangedAt: d("2026-11-20"),
          termImported: true,
          redesignationUnderWay: true,
        }),
        term({ designationId: 3, status: "ACTIVE", termImported: true }),
      ],
      today,
    );
    expect(rows.map((row) => [row.key, row.note])).toEqual([
      ["pending-1", "Imported as Pending: record a redesignation or close it"],
    ]);
  });

  it("counts from the term's end when it is earlier than the recorded change (an import)", () => {
    const fact = term({ status: "PENDING", statusChangedAt: d("2026-11-25"), termEnd: d("2022-09-05") });
    expect(pendingSince(fact)).toEqual(d("2022-09-05"));
    const [row] = pendingCentres([fact], today);
    expect(row).toMatchObject({ date: "2022-09-05", daysLate: 1542, note: "No redesignation under way" });
  });
});

describe("missingEvaluations", () => {
  it("opens 6 months before the term ends and lists terms without a completed evaluation", () => {
    const rows = missingEvaluations(
      [
        term({ designationId: 1, termEnd: d("2027-05-25") }), // window opens today
        term({ designationId: 2, termEnd: d("2027-05-26") }), // opens tomorrow
        term({ designationId: 3, termEnd: d("2027-01-10"), evaluationState: "DRAFT" }),
        term({ designationId: 4, termEnd: d("2027-01-10"), evaluationState: "COMPLETED" }),
      ],
      today,
    );
    expect(rows.map((row) => [row.href, row.lateness, row.note])).toEqual([
      ["/evaluations/3", "term ends in 46 days", "Draft in progress"],
      ["/evaluations/1", "term ends in 181 days", "Not started"],
    ]);
  });

  it("keeps listing an ended term of a Pending centre, but not closed or terminated ones", () => {
    const rows = missingEvaluations(
      [
        term({ designationId: 1, status: "PENDING", termEnd: d("2026-09-05") }),
        term({ designationId: 2, status: "CLOSED", termEnd: d("2026-09-05") }),
        term({ designationId: 3, status: "TERMINATED", termEnd: d("2026-09-05") }),
      ],
      today,
    );
    expect(rows.map((row) => [row.key, row.lateness])).toEqual([["evaluation-1", "term ended 81 days ago"]]);
  });

  it("handles a term ending on 31 August (window opens on the last day of February)", () => {
    expect(missingEvaluations([term({ termEnd: d("2028-08-31") })], d("2028-02-28"))).toEqual([]);
    expect(missingEvaluations([term({ termEnd: d("2028-08-31") })], d("2028-02-29"))).toHaveLength(1);
  });
});

describe("dashboardList and dashboardCsv", () => {
  it("knows its lists", () => {
    expect(isDashboardList("overdue-reports")).toBe(true);
    expect(isDashboardList("users")).toBe(false);
    expect(dashboardList("overdue-reports", { reports: [report({})], terms: [] }, today)).toHaveLength(1);
  });

  it("writes a header and one spreadsheet-safe row per item with an absolute link", () => {
    const rows = overdueReports(
      [report({ id: 9, centre: { ...centre, title: '=HYPERLINK("x"), "quoted"' } })],
      today,
    );
    expect(dashboardCsv(rows, "https://registry.example")).toBe(
      "reference,title,region,item,date,days_late,lateness,note,url\r\n" +
        `NOR-18,"'=HYPERLINK(""x""), ""quoted""",EURO,"Annual report, year 2",2026-10-16,40,40 days overdue,Not started,https://registry.example/reports/9\r\n`,
    );
  });
});

describe("the CSV in the reader's language", () => {
  it("keeps the machine header and takes item, lateness and note from the reader's words", () => {
    const rows = overdueReports([report({ id: 9 })], today);
    const csv = dashboardCsv(rows, "https://registry.example", (row) => ({
      item: `Rapport annuel, année ${row.subject.kind === "report" ? row.subject.yearNumber : 0}`,
      lateness: `${row.daysLate} jours de retard`,
      note: "Pas commencé",
    }));
    expect(csv).toBe(
      "reference,title,region,item,date,days_late,lateness,note,url\r\n" +
        `NOR-18,${centre.title},EURO,"Rapport annuel, année 2",2026-10-16,40,40 jours de retard,Pas commencé,https://registry.example/reports/9\r\n`,
    );
  });
});

describe("a row in the page's language", () => {
  const rows = () => [
    ...overdueReports(
      [
        report({ id: 1, state: "OPEN" }),
        report({ id: 2, state: "DRAFT", dueOn: d("2026-11-24") }),
        report({ id: 3, state: "RETURNED" }),
        report({ id: 4, state: "SCHEDULED" }),
      ],
      today,
    ).map((row) => ["overdue-reports", row] as const),
    ...expiringTerms(
      [
        term({ designationId: 1, termEnd: d("2026-11-24") }),
        term({ designationId: 2, termEnd: d("2026-11-26"), redesignationUnderWay: true }),
        term({ designationId: 3, termEnd: d("2027-05-01") }),
      ],
      today,
    ).map((row) => ["expiring-terms", row] as const),
    ...pendingCentres(
      [
        term({ designationId: 4, status: "PENDING", statusChangedAt: d("2026-01-01") }),
        term({ designationId: 5, status: "PENDING", statusChangedAt: d("2026-11-01"), termImported: true }),
        term({
          designationId: 6,
          status: "PENDING",
          statusChangedAt: d("2026-01-01"),
          redesignationUnderWay: true,
        }),
      ],
      today,
    ).map((row) => ["pending-centres", row] as const),
    ...missingEvaluations(
      [
        term({ designationId: 7, termEnd: d("2026-12-01"), evaluationState: "DRAFT" }),
        term({ designationId: 8, termEnd: d("2026-11-01"), status: "PENDING" }),
      ],
      today,
    ).map((row) => ["missing-evaluations", row] as const),
  ];

  it("says in English exactly what the CSV and the domain say", () => {
    const t = createTranslator({ locale: "en", messages: en, namespace: "Dashboard" });
    const all = rows();
    expect(all.length).toBe(12);
    for (const [list, row] of all) {
      expect(rowWords(t, list, row)).toEqual({ item: row.item, lateness: row.lateness, note: row.note });
    }
  });

  it("words every row in French", () => {
    const t = createTranslator({ locale: "fr", messages: fr, namespace: "Dashboard" });
    const [list, row] = rows()[0]!;
    expect(rowWords(t, list, row)).toEqual({
      item: "Rapport annuel, année 2",
      lateness: "40 jours de retard",
      note: "Pas commencé",
    });
  });
});
