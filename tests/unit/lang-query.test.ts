import { describe, expect, it } from "vitest";

import { parseLangQuery } from "@/i18n/lang-query";
import { langParam } from "@/server/http/lang-param";

describe("?lang= on addresses without a language prefix", () => {
  it("gives the language asked for, none when none is, and says what is wrong otherwise", () => {
    const parse = (query: string) => parseLangQuery(new URLSearchParams(query));
    expect(parse("lang=fr")).toEqual({ ok: true, locale: "fr" });
    expect(parse("")).toEqual({ ok: true, locale: null });
    expect(parse("lang=de")).toEqual({
      ok: false,
      message: "The language (lang) must be one of ar, zh, en, fr, ru, es.",
    });
    expect(parse("lang=fr&lang=es")).toEqual({ ok: false, message: "Give the language once (lang)." });
  });

  it("answers the feed and the calendar: English unless asked, and a 400 for a language it does not have", async () => {
    expect(langParam(new URL("https://registry.example/feeds/designations.atom"))).toEqual({
      ok: true,
      locale: "en",
      asked: false,
    });
    expect(langParam(new URL("https://registry.example/feeds/designations.atom?lang=ar"))).toEqual({
      ok: true,
      locale: "ar",
      asked: true,
    });
    const refused = langParam(new URL("https://registry.example/feeds/designations.atom?lang=xx"));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.response.status).toBe(400);
      expect(await refused.response.text()).toBe(
        "The language (lang) must be one of ar, zh, en, fr, ru, es.\n",
      );
    }
  });
});
