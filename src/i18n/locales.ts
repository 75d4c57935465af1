// The interface languages and how a request chooses one (decision 0026).
// Plain functions, no I/O: the proxy, the page cache (scripts/serve.ts) and
// the pages all decide the same way from these.

/** The six official languages, in the order the switcher lists them (the UN's: Arabic, Chinese, English…). */
export const locales = ["ar", "zh", "en", "fr", "ru", "es"] as const;
export type Locale = (typeof locales)[number];

/** English: the source catalogue, and the language of unprefixed URLs. */
export const defaultLocale: Locale = "en";

/** The remembered choice; next-intl's name, so its tools read the same cookie. */
export const localeCookie = "NEXT_LOCALE";
/** A year: the choice outlives the session. */
export const localeCookieMaxAge = 365 * 24 * 60 * 60;

/** Each language named in itself, as the switcher shows it. */
export const languageNames: Record<Locale, string> = {
  ar: "العربية",
  zh: "中文",
  en: "English",
  fr: "Français",
  ru: "Русский",
  es: "Español",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The language a person's e-mails and calendar are written in: their profile's
 * choice (User.locale), else the registry's default, English. A stored value
 * that is not one of ours (a language since removed) counts as no choice.
 */
export function recipientLocale(profile: string | null | undefined): Locale {
  return isLocale(profile) ? profile : defaultLocale;
}

export function textDirection(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

// Addresses that are the same in every language: programs' routes (the API,
// feeds, calendars, the health checks and metrics), files the browser asks
// for by name, Next's own assets, and the switcher's endpoint. Everything
// else is a page.
const unlocalizedPrefixes = [
  "/api/",
  "/feeds/",
  "/calendar/",
  "/_next/",
  "/language",
  "/healthz",
  "/readyz",
  "/metrics",
];
const unlocalizedFiles = /^\/[^/]+\.[a-z0-9]+$/i; // robots.txt, sitemap.xml, manifest.webmanifest, icon.svg…

/** Whether the path is a page that exists once per language. */
export function isLocalizedPath(pathname: string): boolean {
  if (unlocalizedFiles.test(pathname)) return false;
  return !unlocalizedPrefixes.some(
    (prefix) => pathname === prefix.replace(/\/$/, "") || pathname.startsWith(prefix),
  );
}

/** `/fr/centres` → fr and `/centres`; `/centres` → no locale and `/centres`. */
export function splitLocalePrefix(pathname: string): { locale: Locale | null; rest: string } {
  const match = /^\/([a-z]{2})(?=\/|$)(.*)$/.exec(pathname);
  if (!match || !isLocale(match[1])) return { locale: null, rest: pathname };
  return { locale: match[1], rest: match[2] || "/" };
}

/**
 * A page's address in a language: English unprefixed, the others under their
 * code (`/fr/centres?q=x`). `href` is a path with an optional query, unprefixed;
 * the result is always a path of this site.
 */
export function localePath(locale: Locale, href: string): string {
  // One leading slash, whatever came in: "//host" or "/\\host" would be another
  // site to a browser (a path like "/fr//evil.com" leaves one once its prefix is cut).
  const path = `/${href.replace(/^[/\\]+/, "")}`;
  if (locale === defaultLocale) return path;
  if (path === "/" || path.startsWith("/?")) return `/${locale}${path.slice(1)}`;
  return `/${locale}${path}`;
}

/**
 * The best of our languages for an Accept-Language header, or null: by
 * quality, then order; `fr-CA` matches fr, `zh-Hant` matches zh (one Chinese).
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((param) => param.trim()).find((param) => param.startsWith("q="));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return {
        language: tag.trim().toLowerCase().split("-")[0]!,
        quality: Number.isFinite(quality) ? quality : 0,
        index,
      };
    })
    .filter((range) => range.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranges.map((range) => range.language).find(isLocale) ?? null;
}

/** The value of the remembered-choice cookie in a Cookie header, if it names a language. */
export function localeFromCookie(cookieHeader: string | null | undefined): Locale | null {
  if (!cookieHeader) return null;
  for (const pair of cookieHeader.split(";")) {
    const [name, value] = pair.split("=", 2).map((part) => part.trim());
    if (name === localeCookie && isLocale(value)) return value;
  }
  return null;
}

export type LocaleChoice = {
  locale: Locale;
  /** Where it came from: the address wins, then the remembered choice, then the browser's languages. */
  source: "url" | "cookie" | "accept-language" | "default";
  /** The path without its language prefix. */
  rest: string;
};

/**
 * The language of a page request: an explicit URL prefix, else the remembered
 * choice (the cookie, which sign-in and the switcher keep equal to the
 * profile's language of a person signed in: decision 0026's addendum),
 * else Accept-Language, else English.
 */
export function chooseLocale(request: {
  pathname: string;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): LocaleChoice {
  const { locale, rest } = splitLocalePrefix(request.pathname);
  if (locale) return { locale, source: "url", rest };
  const remembered = localeFromCookie(request.cookie);
  if (remembered) return { locale: remembered, source: "cookie", rest };
  const preferred = negotiateLocale(request.acceptLanguage);
  if (preferred) return { locale: preferred, source: "accept-language", rest };
  return { locale: defaultLocale, source: "default", rest };
}

/**
 * A path and query on this site from untrusted input (the switcher's `to`),
 * or null: never another site, whatever the slashes and backslashes.
 */
export function localTarget(to: string | null | undefined): string | null {
  if (!to || to.length > 2048 || !to.startsWith("/")) return null;
  const base = "http://registry.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  return `${url.pathname}${url.search}`;
}
