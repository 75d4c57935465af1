import "server-only";

import { z } from "zod";

import { localeField } from "@/i18n/locale-field";
import { problem } from "@/domain/problem";
import { chooseLocale, localePath, locales, localTarget, splitLocalePrefix } from "@/i18n/locales";
import { metaFromHeaders } from "@/server/auth/request-meta";
import type { Viewer } from "@/server/auth/viewer";
import { executeCommand } from "@/server/commands/execute-command";
import { sayProblem } from "@/server/commands/say-problems";
import { setLanguageCommand } from "@/server/commands/set-language";

import { localeSetCookie } from "./locale-cookie";

const query = z.object({
  locale: localeField,
  to: z.string().max(2048, problem("pageAddressTooLong")).optional(),
});

/**
 * Whether the browser says the click came from a page of this site (or was
 * typed): a link on another site may change a visitor's cookie, which it
 * could anyway by linking to a prefixed page, but never a signed-in
 * person's profile, which decides their e-mails. A browser that does not
 * send Sec-Fetch-Site is believed, as the origin guard believes a POST
 * without Origin (src/server/auth/origin-guard.ts).
 */
function fromThisSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}

/**
 * The language switcher (`/language?locale=fr&to=/centres?q=x`, decision
 * 0026): remembers the choice in the NEXT_LOCALE cookie and goes to the same
 * page in that language. For a person signed in the choice is their
 * profile's too (User.locale, through the same command as their account's
 * language page, so authorised and audited); a visitor only gets the cookie.
 */
export async function switchLanguage(request: Request, viewer: Viewer | null): Promise<Response> {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    // Said in the language the person reads now (the page they came from, else their cookie or browser).
    const { locale: reading } = chooseLocale({
      pathname: new URL(request.url).searchParams.get("to") ?? "/",
      cookie: request.headers.get("cookie"),
      acceptLanguage: request.headers.get("accept-language"),
    });
    const first =
      parsed.error.issues[0]?.message ?? problem("chooseLanguage", { allowed: locales.join(", ") });
    return new Response(sayProblem(first, reading), {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const { locale } = parsed.data;
  if (viewer && fromThisSite(request)) {
    // A refusal (two-factor set-up still due, an account just disabled) leaves the profile as it
    // was; the switch itself still works, as for a visitor.
    await executeCommand(setLanguageCommand, { locale }, { viewer, meta: metaFromHeaders(request.headers) });
  }
  // Only a path on this site, never another site (an open redirect would lend phishing links our name).
  const target = new URL(localTarget(parsed.data.to) ?? "/", "http://registry.invalid");
  // The page itself, whatever language its address was in.
  const page = `${splitLocalePrefix(target.pathname).rest}${target.search}`;
  // A relative Location: the address never comes from the request's Host (decision 0012).
  return new Response(null, {
    status: 303,
    headers: {
      Location: localePath(locale, page),
      "Set-Cookie": localeSetCookie(locale),
      "Cache-Control": "no-store",
    },
  });
}
