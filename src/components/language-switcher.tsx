"use client";

import { usePathname, useSearchParams } from "next/navigation";

import { languageNames, locales, splitLocalePrefix, textDirection, type Locale } from "@/i18n/locales";

/**
 * One plain link per language, each named in its own language, to the same
 * page and query in that language. The links go through /language, which
 * remembers the choice (a cookie) and redirects: it works without
 * JavaScript. A client component only to follow client-side navigation
 * (the root layout is not rendered again when the page changes).
 */
export function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const page = `${splitLocalePrefix(pathname).rest}${query ? `?${query}` : ""}`;
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        {locales.map((locale) => (
          <li key={locale}>
            <a
              href={`/language?${new URLSearchParams({ locale, to: page })}`}
              lang={locale}
              hrefLang={locale}
              dir={textDirection(locale)}
              aria-current={locale === current ? "true" : undefined}
              className={locale === current ? "font-semibold text-ink no-underline" : undefined}
            >
              {languageNames[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
