import { parseLangQuery } from "./lang-query";
import { splitLocalePrefix } from "./locales";

// The language of a designation letter, chosen by the officer on the
// designation page: `?lang=<locale>` on the HTML letter and on letter.pdf
// (decision 0031). No I/O: the proxy refuses a bad value with a 400 before
// the page renders (a page cannot answer 400 itself), the PDF route checks
// it again, both through parseLangQuery (lang-query.ts).

/** The language asked for in the query (null when none is), or the reason it cannot be used. */
export function parseLetterLanguage(search: URLSearchParams): ReturnType<typeof parseLangQuery> {
  return parseLangQuery(search, "the letter's language");
}

/** The designation letter's addresses (HTML and PDF), with or without a language prefix. */
const letterPath = /^\/designations\/[^/]+\/letter(?:\.pdf)?$/;

export function isLetterPath(pathname: string): boolean {
  return letterPath.test(splitLocalePrefix(pathname).rest);
}
