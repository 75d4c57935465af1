import { readFileSync } from "node:fs";
import path from "node:path";

import { parse } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { centreStatuses } from "@/domain/centre-status";
import { defaultLocale, locales, type Locale } from "@/i18n/locales";

// The catalogues (messages/<locale>.json, decision 0026): every language has
// exactly English's keys, and every message is valid ICU.

type Catalogue = { [key: string]: string | Catalogue };

const catalogue = (locale: Locale): Catalogue =>
  JSON.parse(
    readFileSync(path.join(import.meta.dirname, "../../messages", `${locale}.json`), "utf8"),
  ) as Catalogue;

/** Every message as [dotted key, text]. */
function messagesOf(messages: Catalogue, prefix = ""): [string, string][] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : messagesOf(value, `${prefix}${key}.`),
  );
}

const english = catalogue(defaultLocale);
const englishKeys = messagesOf(english).map(([key]) => key);

describe.each(locales)("the %s catalogue", (locale) => {
  const messages = catalogue(locale);
  const keys = messagesOf(messages).map(([key]) => key);

  it("has every key English has, and none English lacks", () => {
    expect(englishKeys.filter((key) => !keys.includes(key))).toEqual([]);
    expect(keys.filter((key) => !englishKeys.includes(key))).toEqual([]);
  });

  it("has no empty message", () => {
    expect(messagesOf(messages).filter(([, text]) => text.trim() === "")).toEqual([]);
  });

  it("parses as ICU, every message", () => {
    const invalid = messagesOf(messages).flatMap(([key, text]) => {
      try {
        parse(text);
        return [];
      } catch (error) {
        return [`${key}: ${(error as Error).message}`];
      }
    });
    expect(invalid).toEqual([]);
  });

  it("quotes each status's own label where it explains the status", () => {
    const t = createTranslator({ locale, messages, namespace: "Status" as never });
    for (const status of centreStatuses) {
      expect(t(`meaning.${status}` as never)).toContain(t(`label.${status}` as never));
    }
  });
});

describe("the headline figure", () => {
  const headline = (locale: Locale, figure: { current: number; active: number; pending: number }) =>
    createTranslator({ locale, messages: catalogue(locale) }).markup(
      "CurrentCentres.headline" as never,
      {
        ...figure,
        currentLink: (chunks: string) => chunks,
        activeLink: (chunks: string) => chunks,
        pendingLink: (chunks: string) => chunks,
      } as never,
    );

  it("says both numbers, with the language's plurals and digit grouping", () => {
    expect(headline("en", { current: 1820, active: 6, pending: 1814 })).toBe(
      "1,820 current centres: 6 active, 1,814 pending renewal.",
    );
    expect(headline("en", { current: 1, active: 1, pending: 0 })).toBe(
      "1 current centre: 1 active, 0 pending renewal.",
    );
    expect(headline("fr", { current: 1820, active: 1, pending: 1819 })).toBe(
      "1\u202f820 centres actuels\u202f: 1 actif, 1\u202f819 en attente de renouvellement.",
    );
    expect(headline("ru", { current: 22, active: 21, pending: 1 })).toBe(
      "22 действующих центра: 21 активный, 1 ожидает продления.",
    );
  });
});
