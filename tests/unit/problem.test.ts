import { describe, expect, it } from "vitest";

import { problem, readProblem } from "@/domain/problem";
import { locales } from "@/i18n/locales";
import { sayProblem, sayProblems } from "@/server/commands/say-problems";

import english from "../../messages/en.json";

// Messages the server writes before it knows the reader's language
// (src/domain/problem.ts) and where they are said (say-problems.ts).

describe("problem", () => {
  it("carries a key alone or with its values, and reads back the same", () => {
    expect(problem("checkFields")).toBe("Problems.checkFields");
    expect(readProblem(problem("checkFields"))).toEqual({ key: "checkFields", values: {} });
    const withValues = problem("checkFields", { max: 200, field: "Title | with a bar" });
    expect(readProblem(withValues)).toEqual({
      key: "checkFields",
      values: { max: 200, field: "Title | with a bar" },
    });
  });

  it("takes any other message for what it is: wording, a look-alike, broken values", () => {
    for (const message of [
      "Enter a title.",
      "Problems.",
      "Problems.has space",
      "Problems.checkFields|not json",
      "Problems.checkFields|[1,2]",
      "problems.checkFields",
    ])
      expect(readProblem(message), message).toBeNull();
  });
});

describe("sayProblem", () => {
  it("says a problem in the reader's language, English by default", () => {
    expect(sayProblem(problem("checkFields"))).toBe("Check the highlighted fields.");
    expect(sayProblem(problem("checkFields"), "fr")).toBe("Vérifiez les champs signalés.");
    expect(sayProblem(problem("sessionEnded"), "ar")).toBe("انتهت جلستك. سجّل الدخول مرة أخرى للمتابعة.");
  });

  it("says every problem in every language, none left as its key", () => {
    // A value for every placeholder the problems have (extra ones are ignored).
    const values = {
      max: 200,
      min: 8,
      recommended: 15,
      minutes: 2,
      count: 3,
      scope: "address",
      end: "2026-03-01",
      opensOn: "2026-09-01",
      submitted: "2026-02-01",
      months: 6,
      year: "2026",
      month: "12",
      day: "05",
      title: "Training",
      name: "University of Southern Denmark",
      details: " (Public Health, Odense)",
      centres: 2,
      criterion: "RELEVANCE",
      section: "difficulties",
      state: "DRAFT",
      record: "report",
      reason: "The department closed.",
      allowed: "ar, zh, en, fr, ru, es",
    };
    for (const locale of locales)
      for (const key of Object.keys(english.Problems) as (keyof typeof english.Problems)[]) {
        const said = sayProblem(problem(key, values), locale);
        expect(said, `${locale} ${key}`).not.toMatch(/^Problems\./);
        expect(said.length, `${locale} ${key}`).toBeGreaterThan(5);
      }
  });

  it("says the sign-in and account pages' refusals with their values", () => {
    expect(sayProblem(problem("signInRefused"), "fr")).toBe(
      "L’adresse électronique ou le mot de passe est incorrect.",
    );
    expect(sayProblem(problem("tooLong", { max: 254 }), "es")).toBe("Use como máximo 254 caracteres.");
    expect(sayProblem(problem("resetThrottledNetwork", { minutes: 1 }))).toBe(
      "Too many password-reset requests from your network. Try again in 1 minute.",
    );
    expect(sayProblem(problem("resetThrottledNetwork", { minutes: 2 }), "ar")).toMatch(/دقيقتين\.$/);
    expect(sayProblem(problem("passwordTooShort", { min: 8, recommended: 15 }), "zh")).toBe(
      "请至少使用 8 个字符（15 个或更多更好）。",
    );
  });

  it("says a calendar day among the values as a day in the reader's language", () => {
    const reason = problem("termEndedNoRedesignation", { end: "2026-03-01" });
    expect(sayProblem(reason)).toBe("The term ended on 1 March 2026 without redesignation.");
    expect(sayProblem(reason, "fr")).toBe(
      "La période de désignation a pris fin le 1 mars 2026 sans redésignation.",
    );
  });

  it("says a number as a number of the reader's language, and counts in its plural forms", () => {
    expect(sayProblem(problem("tooLong", { max: 20_000 }))).toBe("Use at most 20,000 characters.");
    expect(sayProblem(problem("reportIncomplete", { count: 1 }))).toBe(
      "The report is not complete: 1 answer is missing. Nothing was submitted; your text is kept.",
    );
    expect(sayProblem(problem("reportIncomplete", { count: 3 }))).toBe(
      "The report is not complete: 3 answers are missing. Nothing was submitted; your text is kept.",
    );
    expect(sayProblem(problem("reportIncomplete", { count: 3 }), "ru")).toMatch(/не хватает 3 ответов/);
  });

  it("names a section or criterion it has no words for by its code, never as another one", () => {
    for (const locale of locales) {
      expect(sayProblem(problem("fillInSection", { section: "newSection" }), locale)).toContain("newSection");
      expect(sayProblem(problem("scoreFor", { criterion: "NEW_CRITERION" }), locale)).toContain(
        "NEW_CRITERION",
      );
      expect(sayProblem(problem("commentFor", { criterion: "NEW_CRITERION" }), locale)).toContain(
        "NEW_CRITERION",
      );
    }
    expect(sayProblem(problem("fillInSection", { section: "useOfWhoName" }))).toContain("Use of WHO's name");
  });

  it("keeps a date to type as it is typed, and words a record's state from the catalogue", () => {
    const example = problem("realDateLike", { year: "2026", month: "12", day: "05" });
    expect(sayProblem(example)).toBe("Enter a real date, like 2026-12-05.");
    expect(sayProblem(problem("reportChangedMeanwhile", { state: "SUBMITTED" }))).toBe(
      "Someone else changed this report in the meantime; it is now “Submitted for review”. Reload the page to see their change.",
    );
    expect(sayProblem(problem("designationChangedMeanwhile", { state: "APPROVAL" }), "fr")).toMatch(
      /« En attente de décision »/,
    );
    expect(sayProblem(problem("recordChangedMeanwhile", { record: "designation" }))).toBe(
      "Someone else changed this designation in the meantime. Reload the page to see their change.",
    );
    expect(sayProblem(problem("scoreFor", { criterion: "RELEVANCE" }))).toBe(
      "Choose a score for “relevance to WHO priorities”.",
    );
    expect(sayProblem(problem("fillInSection", { section: "useOfWhoName" }), "es")).toBe(
      "Complete la sección «Uso del nombre de la OMS».",
    );
  });

  it("passes other messages, and unknown keys, through unchanged", () => {
    expect(sayProblem("Enter a title.", "fr")).toBe("Enter a title.");
    expect(sayProblem("Problems.noSuchProblem", "fr")).toBe("Problems.noSuchProblem");
  });

  it("says a form state's message and every field error, and nothing else", () => {
    const state = {
      status: "error" as const,
      message: problem("checkFields"),
      fieldErrors: { title: [problem("unexpectedFields"), "Enter a title."] },
      values: { title: "Problems.checkFields" },
    };
    expect(sayProblems(state, "es")).toEqual({
      status: "error",
      message: "Revise los campos señalados.",
      fieldErrors: { title: ["Este formulario contiene campos que no debería tener.", "Enter a title."] },
      values: { title: "Problems.checkFields" },
    });
  });
});
