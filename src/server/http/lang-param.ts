import { z } from "zod";

import { defaultLocale, locales, type Locale } from "@/i18n/locales";
import { englishSearchProblems } from "@/i18n/search-problems";

// The language of what programs fetch (the Atom feed, the calendar): their
// addresses have no language prefix (decision 0026), so a `lang` parameter
// chooses it, English without one. Other parameters are left alone.
const langQuery = z.object({
  lang: z
    .array(z.string())
    .max(1)
    .optional()
    .transform((values) => values?.[0])
    .pipe(z.enum(locales).optional()),
});

export type LangParam = { ok: true; locale: Locale } | { ok: false; response: Response };

export function langParam(url: URL): LangParam {
  const parsed = langQuery.safeParse({
    lang: url.searchParams.has("lang") ? url.searchParams.getAll("lang") : undefined,
  });
  if (parsed.success) return { ok: true, locale: parsed.data.lang ?? defaultLocale };
  const [message] = englishSearchProblems([
    {
      key: "unknownLanguage",
      values: { value: url.searchParams.getAll("lang").join(","), allowed: locales.join(", ") },
    },
  ]);
  return {
    ok: false,
    response: new Response(`${message}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    }),
  };
}
