import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import {
  chooseLocale,
  isLocalizedPath,
  localePath,
  localTarget,
  negotiateLocale,
  splitLocalePrefix,
  textDirection,
} from "@/i18n/locales";
import { pageCacheEntry } from "@/server/http/anonymous-page-cache";
import { localeRouting } from "@/server/http/locale-routing";

// How a request chooses its language (decision 0026).

describe("addresses", () => {
  it("puts every language but English under its code", () => {
    expect(localePath("en", "/centres?q=x")).toBe("/centres?q=x");
    expect(localePath("fr", "/centres?q=x")).toBe("/fr/centres?q=x");
    expect(localePath("ar", "/")).toBe("/ar");
    expect(localePath("zh", "/?a=1")).toBe("/zh?a=1");
  });

  it("always gives a path of this site, never another host", () => {
    // What the switcher and the sign-in redirect pass once "/fr" is cut from "/fr//evil.com".
    for (const href of ["//evil.com", "/\\evil.com", "///evil.com/x?y=1", "\\\\evil.com"]) {
      for (const locale of ["en", "fr"] as const) {
        const path = localePath(locale, href);
        expect(path).toMatch(/^\/(?![/\\])/);
        expect(new URL(path, "https://registry.example").host).toBe("registry.example");
      }
    }
    expect(localePath("en", splitLocalePrefix("/fr//evil.com").rest)).toBe("/evil.com");
  });

  it("reads the prefix back, and only a language's code as one", () => {
    expect(splitLocalePrefix("/fr/centres")).toEqual({ locale: "fr", rest: "/centres" });
    expect(splitLocalePrefix("/ar")).toEqual({ locale: "ar", rest: "/" });
    expect(splitLocalePrefix("/de/centres")).toEqual({ locale: null, rest: "/de/centres" });
    expect(splitLocalePrefix("/france")).toEqual({ locale: null, rest: "/france" });
  });

  it("keeps programs' routes and files the same in every language", () => {
    for (const path of ["/", "/centres", "/centres/NOR-18", "/sign-in", "/my-work", "/fr/map"]) {
      expect(isLocalizedPath(path)).toBe(true);
    }
    for (const path of [
      "/api/v1/centres",
      "/feeds/designations.atom",
      "/calendar/abc.ics",
      "/robots.txt",
      "/sitemap.xml",
      "/manifest.webmanifest",
      "/icon.svg",
      "/language",
      "/_next/static/x.js",
      "/healthz",
      "/readyz",
      "/metrics",
    ]) {
      expect(isLocalizedPath(path)).toBe(false);
    }
  });

  it("sets Arabic right to left", () => {
    expect(textDirection("ar")).toBe("rtl");
    expect(textDirection("fr")).toBe("ltr");
  });

  it("accepts only paths on this site as the switcher's target", () => {
    expect(localTarget("/centres?q=public+health")).toBe("/centres?q=public+health");
    for (const bad of [
      "//evil.example/x",
      "/\\evil.example",
      "https://evil.example/",
      "centres",
      "",
      undefined,
    ]) {
      expect(localTarget(bad)).toBeNull();
    }
  });
});

describe("choosing the language", () => {
  it("follows Accept-Language by quality, matching regional variants", () => {
    expect(negotiateLocale("es-ES,es;q=0.9,en;q=0.8")).toBe("es");
    expect(negotiateLocale("de-DE,fr-CA;q=0.8,en;q=0.5")).toBe("fr");
    expect(negotiateLocale("en;q=0.2, zh-Hant-TW")).toBe("zh");
    expect(negotiateLocale("de, it")).toBeNull();
    expect(negotiateLocale("fr;q=0")).toBeNull();
    expect(negotiateLocale(undefined)).toBeNull();
  });

  it("prefers the address, then the remembered choice, then the browser", () => {
    const request = { cookie: "a=1; NEXT_LOCALE=ru", acceptLanguage: "es" };
    expect(chooseLocale({ ...request, pathname: "/fr/centres" })).toEqual({
      locale: "fr",
      source: "url",
      rest: "/centres",
    });
    expect(chooseLocale({ ...request, pathname: "/centres" }).locale).toBe("ru");
    expect(chooseLocale({ pathname: "/centres", acceptLanguage: "es" }).locale).toBe("es");
    expect(chooseLocale({ pathname: "/centres", cookie: "NEXT_LOCALE=xx" })).toMatchObject({
      locale: "en",
      source: "default",
    });
  });
});

describe("the proxy's language step", () => {
  const request = (url: string, headers: Record<string, string> = {}, method = "GET") =>
    new NextRequest(`http://localhost${url}`, { headers, method });

  it("renders a prefixed page from the one page tree, in its language", () => {
    expect(localeRouting(request("/fr/centres?q=x"))).toEqual({
      kind: "render",
      locale: "fr",
      pagePath: "/centres?q=x",
      rewrite: "/centres?q=x",
      varies: false,
    });
  });

  it("sends a browser to its language's address, and /en/… to the unprefixed one", () => {
    expect(localeRouting(request("/centres?q=x", { cookie: "NEXT_LOCALE=ar" }))).toEqual({
      kind: "redirect",
      location: "/ar/centres?q=x",
    });
    expect(localeRouting(request("/", { "accept-language": "es-ES" }))).toEqual({
      kind: "redirect",
      location: "/es",
    });
    expect(localeRouting(request("/en/map"))).toEqual({ kind: "redirect", location: "/map" });
    expect(localeRouting(request("/fr/api/v1/centres?q=x"))).toEqual({
      kind: "redirect",
      location: "/api/v1/centres?q=x",
    });
  });

  it("never redirects flight requests nor forms: they render in the chosen language", () => {
    expect(localeRouting(request("/centres", { cookie: "NEXT_LOCALE=ru", rsc: "1" }))).toMatchObject({
      kind: "render",
      locale: "ru",
      rewrite: null,
    });
    expect(localeRouting(request("/sign-in", { cookie: "NEXT_LOCALE=zh" }, "POST"))).toMatchObject({
      kind: "render",
      locale: "zh",
    });
  });

  it("leaves programs' routes alone, in English", () => {
    expect(localeRouting(request("/api/v1/centres", { cookie: "NEXT_LOCALE=fr" }))).toEqual({
      kind: "render",
      locale: "en",
      pagePath: null,
      rewrite: null,
      varies: false,
    });
  });
});

describe("the page cache's language", () => {
  const get = (url: string, headers: Record<string, string> = {}) => ({
    method: "GET",
    url,
    headers: { host: "registry.example", ...headers },
  });

  it("keeps each language's page under its own key", () => {
    const english = pageCacheEntry(get("/centres?q=x"));
    const french = pageCacheEntry(get("/fr/centres?q=x"));
    expect(english?.locale).toBe("en");
    expect(french?.locale).toBe("fr");
    expect(english?.key).not.toBe(french?.key);
    // The prefix decides, whatever the cookie or browser says.
    expect(pageCacheEntry(get("/fr/centres?q=x", { cookie: "NEXT_LOCALE=es" }))?.key).toBe(french?.key);
  });

  it("never answers an unprefixed page to a reader of another language", () => {
    expect(pageCacheEntry(get("/centres?q=x", { cookie: "NEXT_LOCALE=fr" }))).toBeNull();
    expect(pageCacheEntry(get("/centres?q=x", { "accept-language": "ar" }))).toBeNull();
    expect(pageCacheEntry(get("/en/centres?q=x"))).toBeNull();
    expect(
      pageCacheEntry(get("/centres?q=x", { cookie: "NEXT_LOCALE=en", "accept-language": "ar" }))?.locale,
    ).toBe("en");
  });
});
