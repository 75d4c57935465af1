import { z } from "zod";

import { locales, type Locale } from "./locales";

// `?lang=<locale>`, the one way an address without a language prefix asks
// for one: the designation letter (decision 0031), the Atom feed and the
// calendar (decision 0026). No I/O. Its refusals are for programs and for
// addresses typed by hand: English, each naming the parameter.

const languageList = locales.join(", ");

const langQuery = (what: string) =>
  z.object({
    lang: z
      .array(z.string())
      .max(1, { error: `Give ${what} once (lang).` })
      .transform((values) => values[0])
      .pipe(
        z.enum(locales, { error: `${capitalise(what)} (lang) must be one of ${languageList}.` }).optional(),
      ),
  });

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/**
 * The language the query asks for (null when it asks for none), or why it
 * cannot be used; `what` names it in the refusal ("the letter's language").
 */
export function parseLangQuery(
  search: URLSearchParams,
  what = "the language",
): { ok: true; locale: Locale | null } | { ok: false; message: string } {
  const parsed = langQuery(what).safeParse({ lang: search.getAll("lang") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]!.message };
  return { ok: true, locale: parsed.data.lang ?? null };
}
