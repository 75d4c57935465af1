import { createTranslator } from "next-intl";

import type { SearchProblem } from "@/domain/directory/search-params";

import english from "../../messages/en.json";

// What is wrong with a search (SearchProblem: a key of the catalogues'
// SearchErrors and its values) in words: the search page says it in the
// visitor's language; the API and the exports, which have no language, in
// English. One text per language, in the catalogues.

/** A translator of the SearchErrors namespace (getTranslations("SearchErrors") or createTranslator). */
export type SearchErrorsTranslator = (key: string, values?: Record<string, string | number>) => string;

export function describeSearchProblems(
  t: SearchErrorsTranslator,
  problems: readonly SearchProblem[],
): string[] {
  return problems.map((problem) => t(problem.key, problem.values));
}

const inEnglish = createTranslator({ locale: "en", messages: english, namespace: "SearchErrors" });

/** The API's error messages (`{"errors": [...]}`): English. */
export function englishSearchProblems(problems: readonly SearchProblem[]): string[] {
  return describeSearchProblems(inEnglish as unknown as SearchErrorsTranslator, problems);
}
