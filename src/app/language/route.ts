import { z } from "zod";

import {
  localeCookie,
  localeCookieMaxAge,
  localePath,
  locales,
  localTarget,
  splitLocalePrefix,
} from "@/i18n/locales";
import { usesHttps } from "@/server/auth/config";

// The language switcher's links (src/components/language-switcher.tsx):
// remember the choice in a cookie and go to the same page in that language.
// A GET, so the switcher is plain links that work without JavaScript; all it
// changes is a preference, so another site linking here can do no harm.
const query = z.object({
  locale: z.enum(locales, "Choose one of the registry's languages: ar, zh, en, fr, ru or es."),
  to: z.string().max(2048, "The page address is too long.").optional(),
});

export function GET(request: Request) {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return new Response(parsed.error.issues[0]?.message ?? "Choose a language.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const { locale } = parsed.data;
  // Only a path on this site, never another site (an open redirect would lend phishing links our name).
  const target = new URL(localTarget(parsed.data.to) ?? "/", "http://registry.invalid");
  // The page itself, whatever language its address was in.
  const page = `${splitLocalePrefix(target.pathname).rest}${target.search}`;
  const cookie = [
    `${localeCookie}=${locale}`,
    "Path=/",
    `Max-Age=${localeCookieMaxAge}`,
    "SameSite=Lax",
    ...(usesHttps() ? ["Secure"] : []),
  ].join("; ");
  // A relative Location: the address never comes from the request's Host (decision 0012).
  return new Response(null, {
    status: 303,
    headers: { Location: localePath(locale, page), "Set-Cookie": cookie, "Cache-Control": "no-store" },
  });
}
