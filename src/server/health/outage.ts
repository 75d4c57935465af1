import ar from "../../../messages/ar.json";
import en from "../../../messages/en.json";
import es from "../../../messages/es.json";
import fr from "../../../messages/fr.json";
import ru from "../../../messages/ru.json";
import zh from "../../../messages/zh.json";

import { chooseLocale, textDirection, type Locale } from "@/i18n/locales";

// How the registry answers while its database cannot be reached (decision
// 0027): 503 Service Unavailable with Retry-After, never a hang and never a
// 500 with a stack. Programs (the API, anything asking for JSON) get a JSON
// problem (RFC 9457, with the API's own `errors` list); browsers a calm page
// in their language that needs nothing but itself. No "server-only" marker:
// the production server (scripts/serve.ts) answers with it.

/** Seconds a client should wait before trying again. A restart of PostgreSQL takes a few. */
export const RETRY_AFTER_SECONDS = 10;

/** The message of a form or API answer (English, as the forms' other messages). */
export const DATABASE_UNAVAILABLE_MESSAGE =
  "The registry cannot reach its database just now. Please try again in a minute.";

export function unavailableProblem() {
  return {
    type: "about:blank",
    title: "Service Unavailable",
    status: 503,
    detail: DATABASE_UNAVAILABLE_MESSAGE,
    errors: [DATABASE_UNAVAILABLE_MESSAGE],
  };
}

/** The 503 of a route handler (the public API): the JSON problem. */
export function unavailableResponse(headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(unavailableProblem()), {
    status: 503,
    headers: {
      ...headers,
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      "Retry-After": String(RETRY_AFTER_SECONDS),
    },
  });
}

export type UnavailableAnswer = { headers: Record<string, string>; body: string };

type RequestLike = { url?: string; method?: string; headers: Record<string, string | string[] | undefined> };

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Whether the request is a program's: the API, or JSON asked for before HTML. */
function wantsJson(pathname: string, accept: string | undefined): boolean {
  if (pathname.startsWith("/api/")) return true;
  const json = accept?.indexOf("json") ?? -1;
  const html = accept?.indexOf("html") ?? -1;
  return json !== -1 && (html === -1 || json < html);
}

/** The 503 for any request, as the production server sends it (status and Retry-After set by the caller's headers). */
export function unavailableAnswer(request: RequestLike): UnavailableAnswer {
  const url = request.url ?? "/";
  const pathname = url.split("?")[0] ?? "/";
  const common = { "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) };
  if (wantsJson(pathname, header(request.headers.accept))) {
    return {
      headers: { ...common, "Content-Type": "application/problem+json" },
      body: JSON.stringify(unavailableProblem()),
    };
  }
  const { locale } = chooseLocale({
    pathname,
    cookie: header(request.headers.cookie),
    acceptLanguage: header(request.headers["accept-language"]),
  });
  // Try again: the same address, without a form's post; only a path of this site.
  const again = request.method === "GET" || request.method === "HEAD" ? url : pathname;
  return {
    headers: { ...common, "Content-Type": "text/html; charset=utf-8" },
    body: unavailablePage(locale, again.startsWith("/") && !again.startsWith("//") ? again : "/"),
  };
}

const catalogues: Record<
  Locale,
  { Site: { name: string }; Unavailable: { title: string; body: string; retry: string } }
> = { ar, en, es, fr, ru, zh };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function unavailablePage(locale: Locale, retryHref: string): string {
  const { Site, Unavailable } = catalogues[locale];
  return `<!DOCTYPE html>
<html lang="${locale}" dir="${textDirection(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(Unavailable.title)} · ${escapeHtml(Site.name)}</title>
<style>body{margin:0;font-family:system-ui,sans-serif;line-height:1.5;color:#1e293b;background:#f8fafc}main{max-width:36rem;margin:4rem auto;padding:0 1rem}h1{font-size:1.5rem;color:#084b70}a{color:#084b70}</style>
</head>
<body>
<main>
<p>${escapeHtml(Site.name)}</p>
<h1>${escapeHtml(Unavailable.title)}</h1>
<p>${escapeHtml(Unavailable.body)}</p>
<p><a href="${escapeHtml(retryHref)}">${escapeHtml(Unavailable.retry)}</a></p>
</main>
</body>
</html>
`;
}
