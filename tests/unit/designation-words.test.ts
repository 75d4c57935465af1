import { readFileSync } from "node:fs";
import path from "node:path";

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { designationStateLabels, designationStates } from "@/domain/designation";
import { returnedLabel } from "@/domain/designation-return";
import { eligibilityCriteria } from "@/domain/eligibility";
import {
  evaluationCriteria,
  evaluationCriterionLabels,
  recommendationLabels,
  recommendations,
} from "@/domain/evaluation";
import { staffAccountStateLabels } from "@/domain/institution-staff";
import { localeFormat } from "@/i18n/format";
import { locales, type Locale } from "@/i18n/locales";

// The signed-in designation pages look the domain's codes up in the
// catalogues (issue #13): every code has its message in every language, and
// English says exactly what the domain's label tables say to other callers
// (mails, My work), so a person reads one name for one thing.

const messages = (locale: Locale) =>
  JSON.parse(
    readFileSync(path.join(import.meta.dirname, "../../messages", `${locale}.json`), "utf8"),
  ) as Record<string, unknown>;
const translator = (locale: Locale, namespace: string) =>
  createTranslator({ locale, messages: messages(locale), namespace: namespace as never }) as unknown as (
    key: string,
    values?: Record<string, unknown>,
  ) => string;

describe("the designation's words looked up by code", () => {
  it("are in English exactly the domain's labels", () => {
    const tState = translator("en", "DesignationStates");
    for (const state of designationStates) expect(tState(state)).toBe(designationStateLabels[state]);
    expect(tState("returned")).toBe(returnedLabel);
    const tCriterion = translator("en", "DesignationCriteria");
    for (const criterion of eligibilityCriteria) expect(tCriterion(criterion.key)).toBe(criterion.label);
    const tEvaluation = translator("en", "EvaluationCriteria");
    for (const criterion of evaluationCriteria)
      expect(tEvaluation(criterion)).toBe(evaluationCriterionLabels[criterion]);
    const tRecommendation = translator("en", "EvaluationRecommendations");
    for (const value of recommendations) expect(tRecommendation(value)).toBe(recommendationLabels[value]);
    const tStaff = translator("en", "DesignationStaff");
    for (const [state, label] of Object.entries(staffAccountStateLabels))
      expect(tStaff(`accountStates.${state}`)).toBe(label);
  });

  it.each(locales.filter((locale) => locale !== "en"))(
    "are translated in %s, one name per state",
    (locale) => {
      const tState = translator(locale, "DesignationStates");
      const names = designationStates.map((state) => tState(state));
      expect(new Set(names).size).toBe(designationStates.length);
      for (const state of designationStates) expect(tState(state)).not.toBe(designationStateLabels[state]);
    },
  );

  it("count the days waiting with each language's plurals", () => {
    expect(translator("en", "DesignationPage")("waiting", { count: 1 })).toBe("waiting 1 day in this step");
    expect(translator("en", "DesignationPage")("waiting", { count: 12 })).toBe(
      "waiting 12 days in this step",
    );
    expect(translator("ru", "DesignationPage")("waiting", { count: 3 })).toBe("на этом этапе 3 дня");
    expect(translator("ru", "DesignationPage")("waiting", { count: 5 })).toBe("на этом этапе 5 дней");
    expect(translator("ar", "DesignationPage")("waiting", { count: 2 })).toBe(
      "يومان من الانتظار في هذه الخطوة",
    );
  });
});

describe("a calendar day", () => {
  it("stays day-first in English, as src/domain/dates.ts prints it", () => {
    expect(localeFormat("en").day("2026-12-05")).toBe("5 December 2026");
    expect(localeFormat("en").day(new Date("2026-12-05T00:00:00Z"))).toBe("5 December 2026");
  });

  it("is in the page's language otherwise, on the same day whatever the time zone", () => {
    expect(localeFormat("fr").day("2026-12-05")).toBe("5 décembre 2026");
    expect(localeFormat("es").day("2026-01-01")).toBe("1 de enero de 2026");
    expect(localeFormat("zh").day("2026-12-05")).toBe("2026年12月5日");
  });
});
