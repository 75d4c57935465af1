import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { workDetailText } from "@/app/(workspace)/my-work/work-detail";
import { missingEvaluations } from "@/domain/dashboard";
import { fromIsoDate as d } from "@/domain/dates";

import en from "../../messages/en.json";
import fr from "../../messages/fr.json";

// My work's detail lines: in English exactly what src/server/queries/my-work.ts
// writes (the e2e journeys read them), and in the page's language from codes.

const translators = (messages: typeof en, locale: "en" | "fr") => ({
  t: createTranslator({ locale, messages, namespace: "WorkspaceMyWork" }),
  tReport: createTranslator({ locale, messages, namespace: "ReportWords" }),
  tDashboard: createTranslator({ locale, messages, namespace: "Dashboard" }),
  tState: createTranslator({ locale, messages, namespace: "DesignationStates" }),
});

const centre = { reference: "NOR-18", title: "Testing", regionCode: "EURO" };
const [evaluation] = missingEvaluations(
  [
    {
      centre: { ...centre, status: "ACTIVE", statusChangedAt: d("2022-01-01") },
      designationId: 5,
      termEnd: d("2026-12-01"),
      termImported: false,
      evaluationState: "DRAFT",
      redesignationUnderWay: false,
    },
  ],
  d("2026-11-25"),
);

describe("a My work item's detail", () => {
  it("reads in English as the query writes it", () => {
    const say = (parts: Parameters<typeof workDetailText>[2]) =>
      workDetailText(translators(en, "en"), "en", parts);
    expect(
      say({
        type: "designation",
        redesignation: false,
        state: "SUBMITTED",
        returned: false,
        days: 1,
      }),
    ).toBe("Designation: Submitted for review, waiting 1 day");
    expect(
      say({
        type: "designation",
        redesignation: true,
        state: "APPROVAL",
        returned: false,
        days: 3,
      }),
    ).toBe("Redesignation: Awaiting decision, waiting 3 days");
    expect(say({ type: "report", yearNumber: 2, state: "OPEN", dueOn: "2026-10-16", overdue: true })).toBe(
      "Annual report, year 2: Open, due 16 October 2026 (overdue)",
    );
    expect(say({ type: "report", yearNumber: 1, state: "DRAFT", dueOn: "2027-01-31", overdue: false })).toBe(
      "Annual report, year 1: Draft, due 31 January 2027",
    );
    expect(say({ type: "evaluation", row: evaluation! })).toBe(
      `Final evaluation: ${evaluation!.note.toLowerCase()}, ${evaluation!.lateness} (1 December 2026)`,
    );
    expect(say({ type: "redesignation-pending" })).toBe(
      "Pending: the term has ended; start its redesignation or let it close",
    );
    expect(say({ type: "redesignation-open", termEnd: "2027-03-01" })).toBe(
      "Term ends 1 March 2027: the redesignation can start now",
    );
    expect(say({ type: "redesignation-open", termEnd: null })).toBe(
      "Term ends (no date): the redesignation can start now",
    );
    expect(say({ type: "invitation-expired" })).toBe("Link expired: they can ask for a new one");
    expect(say({ type: "invitation-valid", until: "2026-12-01 10:00" })).toBe(
      "Link valid until 2026-12-01 10:00 UTC",
    );
  });

  it("reads in French from the codes", () => {
    const say = (parts: Parameters<typeof workDetailText>[2]) =>
      workDetailText(translators(fr, "fr"), "fr", parts);
    expect(
      say({ type: "designation", redesignation: false, state: "SUBMITTED", returned: false, days: 2 }),
    ).toContain(fr.DesignationStates.SUBMITTED);
    expect(
      say({ type: "designation", redesignation: false, state: "WITH_INSTITUTION", returned: true, days: 2 }),
    ).toContain(fr.DesignationStates.returned);
    expect(say({ type: "report", yearNumber: 2, state: "OPEN", dueOn: "2026-10-16", overdue: true })).toBe(
      "Rapport annuel, année 2\u202f: Ouvert, échéance le 16 octobre 2026 (en retard)",
    );
    expect(say({ type: "evaluation", row: evaluation! })).toBe(
      "Évaluation finale\u202f: brouillon en cours, la période se termine dans 6 jours (1 décembre 2026)",
    );
  });
});
