import { z } from "zod";

import { locales, splitLocalePrefix, type Locale } from "./locales";

// The language of a designation letter, chosen by the officer on the
// designation page: `?lang=<locale>` on the HTML letter and on letter.pdf
// (decision 0031). No I/O: the proxy refuses a bad value with a 400 before
// the page renders (a page cannot answer 400 itself), the PDF route checks
// it again, both with this schema.

const languageList = locales.join(", ");

export const letterLanguageQuery = z.object({
  lang: z
    .array(z.string())
    .max(1, { error: "Give the letter's language once (lang)." })
    .transform((values) => values[0])
    .pipe(
      z.enum(locales, { error: `The letter's language (lang) must be one of ${languageList}.` }).optional(),
    ),
});

/**
 * The language asked for in the query (null when none is), or the reason it
 * cannot be used.
 */
export function parseLetterLanguage(
  search: URLSearchParams,
): { ok: true; locale: Locale | null } | { ok: false; message: string } {
  const parsed = letterLanguageQuery.safeParse({ lang: search.getAll("lang") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  return { ok: true, locale: parsed.data.lang ?? null };
}

/** The designation letter's addresses (HTML and PDF), with or without a language prefix. */
const letterPath = /^\/designations\/[^/]+\/letter(?:\.pdf)?$/;

export function isLetterPath(pathname: string): boolean {
  return letterPath.test(splitLocalePrefix(pathname).rest);
}
