import { describe, expect, it } from "vitest";

import { isLetterPath, parseLetterLanguage } from "@/i18n/letter-language";

// The designation letter's ?lang= (decision 0031): one of the six, once.

const parse = (query: string) => parseLetterLanguage(new URLSearchParams(query));

describe("the letter's language in the address", () => {
  it("takes any of the six, and none", () => {
    for (const locale of ["ar", "zh", "en", "fr", "ru", "es"])
      expect(parse(`lang=${locale}`)).toEqual({ ok: true, locale });
    expect(parse("")).toEqual({ ok: true, locale: null });
    expect(parse("other=1")).toEqual({ ok: true, locale: null });
  });

  it("refuses anything else with a message that lists the six", () => {
    const refused = {
      ok: false,
      message: "The letter's language (lang) must be one of ar, zh, en, fr, ru, es.",
    };
    for (const query of ["lang=de", "lang=", "lang=AR", "lang=fr-CA", "lang=constructor", "lang=%00"])
      expect(parse(query)).toEqual(refused);
    expect(parse("lang=ar&lang=fr")).toEqual({
      ok: false,
      message: "Give the letter's language once (lang).",
    });
  });

  it("knows the letter's addresses, in any interface language", () => {
    for (const path of [
      "/designations/12/letter",
      "/designations/12/letter.pdf",
      "/fr/designations/12/letter",
      "/ar/designations/x/letter.pdf",
    ])
      expect(isLetterPath(path)).toBe(true);
    for (const path of [
      "/designations/12",
      "/designations/12/letters",
      "/designations/12/letter/x",
      "/letter.pdf",
    ])
      expect(isLetterPath(path)).toBe(false);
  });
});
