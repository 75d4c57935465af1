import { defaultLocale, type Locale } from "@/i18n/locales";
import { parseLangQuery } from "@/i18n/lang-query";

// The language of what programs fetch (the Atom feed, the calendar): their
// addresses have no language prefix (decision 0026), so a `lang` parameter
// chooses it (src/i18n/lang-query.ts). Other parameters are left alone.

export type LangParam = { ok: true; locale: Locale; asked: boolean } | { ok: false; response: Response };

/** The language asked for, English when none is (`asked` says which), or the 400 that refuses it. */
export function langParam(url: URL): LangParam {
  const parsed = parseLangQuery(url.searchParams);
  if (parsed.ok) return { ok: true, locale: parsed.locale ?? defaultLocale, asked: parsed.locale !== null };
  return {
    ok: false,
    response: new Response(`${parsed.message}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    }),
  };
}
