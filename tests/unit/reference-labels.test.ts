import { readFileSync } from "node:fs";
import path from "node:path";

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { localeFormat } from "@/i18n/format";
import { locales, type Locale } from "@/i18n/locales";
import { localizeFacet, referenceLabels, termKey, type CatalogueLookup } from "@/i18n/reference-labels";
import { loadReferenceData } from "@/server/import/reference-data";

// Reference data in six languages (decision 0026): regions, countries,
// subjects, types of activity, statuses; and dates and numbers through Intl.

const catalogue = (locale: Locale) =>
  createTranslator({
    locale,
    messages: JSON.parse(
      readFileSync(path.join(import.meta.dirname, "../../messages", `${locale}.json`), "utf8"),
    ) as Record<string, unknown>,
  }) as unknown as CatalogueLookup;
const labels = (locale: Locale) => referenceLabels(locale, catalogue(locale));

describe("termKey", () => {
  it("makes a catalogue key of a name, whatever its punctuation", () => {
    expect(termKey("HIV/AIDS")).toBe("hiv-aids");
    expect(termKey("Product development (guidelines, manual, methodologies, etc.)")).toBe(
      "product-development-guidelines-manual-methodologies-etc",
    );
    expect(termKey("Child & maternal health")).toBe("child-maternal-health");
    expect(termKey("Türkiye")).toBe("turkiye");
  });
});

describe("reference labels", () => {
  it("name WHO's regions by code as WHO does in each language", () => {
    expect(labels("fr").region("EMRO")).toBe("Région de la Méditerranée orientale");
    expect(labels("es").region("AMRO")).toBe("Región de las Américas");
    expect(labels("ar").region("EURO")).toBe("الإقليم الأوروبي");
    expect(labels("zh").region("WPRO")).toBe("西太平洋区域");
    expect(labels("ru").region("SEARO")).toBe("Регион Юго-Восточной Азии");
    // A code the catalogue does not know keeps what the database says.
    expect(labels("fr").region("MARS", "Mars Region")).toBe("Mars Region");
  });

  it("name countries from their ISO code through Intl, WHO's name where it differs, else the stored name", () => {
    const norway = { code: "NOR", isoCode: "NO", name: "Norway" };
    expect(locales.map((locale) => labels(locale).country(norway))).toEqual([
      "النرويج",
      "挪威",
      "Norway",
      "Norvège",
      "Норвегия",
      "Noruega",
    ]);
    const korea = { code: "KOR", isoCode: "KR", name: "Republic of Korea" };
    expect(labels("en").country(korea)).toBe("Republic of Korea");
    expect(labels("fr").country(korea)).toBe("République de Corée");
    expect(labels("fr").country({ code: "XYZ", isoCode: null, name: "Atlantis" })).toBe("Atlantis");
    expect(labels("fr").country({ code: "XYZ", isoCode: "Q!", name: "Atlantis" })).toBe("Atlantis");
  });

  it("translate every subject and type of activity of the reference data, English being the stored name", async () => {
    const data = await loadReferenceData();
    const names = [
      ...data.subjects.map((row) => ["subject", row.name] as const),
      ...data.activityTypes.map((row) => ["activity", row.name] as const),
    ];
    expect(names.length).toBeGreaterThan(90);
    for (const locale of locales) {
      const t = catalogue(locale);
      for (const [kind, name] of names) {
        const key = `${kind === "subject" ? "Subjects" : "ActivityTypes"}.${termKey(name)}`;
        expect(t.has(key), `${locale}: ${key}`).toBe(true);
        if (locale === "en") expect(labels(locale)[kind](name)).toBe(name);
      }
    }
    expect(labels("fr").subject("Nursing")).toBe("Soins infirmiers");
    expect(labels("ar").activity("Research")).toBe("البحث");
    // Every country of the reference data has a name in every language, never its code.
    for (const locale of locales) {
      for (const country of data.countries) {
        const shown = labels(locale).country({
          code: country.whoCode,
          isoCode: country.isoCode,
          name: country.name,
        });
        expect(shown).not.toMatch(/^[A-Z]{2,3}$/);
      }
    }
    // A subject added later by an import, unknown to the catalogues, keeps its name.
    expect(labels("ru").subject("Space medicine")).toBe("Space medicine");
  });

  it("name statuses and Headquarters", () => {
    expect(labels("fr").status("PENDING")).toBe("En attente");
    expect(labels("es").initiator("HQ")).toBe("Sede");
    expect(labels("es").initiator("EURO")).toBe("EURO");
  });
});

describe("localizeFacet", () => {
  const entry = (value: string, label: string, count: number) => ({ value, label, count, selected: false });
  const options = (locale: Locale) => ({
    countryIsoCodes: { SPA: "ES", EGY: "EG", ZAM: "ZM" } as Record<string, string>,
    compare: localeFormat(locale).compare,
  });

  it("labels values in the page's language and keeps them the URL's codes and names", () => {
    const regions = localizeFacet(
      "region",
      [entry("EURO", "European Region", 3)],
      labels("es"),
      options("es"),
    );
    expect(regions).toEqual([{ value: "EURO", label: "Región de Europa", count: 3, selected: false }]);
    const subjects = localizeFacet("subject", [entry("Nursing", "Nursing", 2)], labels("ru"), options("ru"));
    expect(subjects[0]).toMatchObject({ value: "Nursing", label: "Сестринское дело" });
  });

  it("sorts by count, then alphabetically in the page's language", () => {
    const countries = localizeFacet(
      "country",
      [
        entry("ZAM", "Zambia", 1),
        entry("SPA", "Spain", 1),
        entry("EGY", "Egypt", 1),
        entry("NOR", "Norway", 5),
      ],
      labels("fr"),
      options("fr"),
    );
    expect(countries.map((country) => country.label)).toEqual(["Norway", "Égypte", "Espagne", "Zambie"]);
  });

  it("keeps the status facet in the life cycle's order", () => {
    const statuses = localizeFacet(
      "status",
      [entry("active", "Active", 1), entry("pending", "Pending", 9)],
      labels("fr"),
      options("fr"),
    );
    expect(statuses.map((status) => status.label)).toEqual(["Actif", "En attente"]);
  });
});

describe("localeFormat", () => {
  it("writes English dates day first, as the registry always has, and each language its own way", () => {
    expect(localeFormat("en").day("2002-07-05")).toBe("5 July 2002");
    expect(localeFormat("fr").day("2002-07-05")).toBe("5 juillet 2002");
    expect(localeFormat("es").day("2002-07-05")).toBe("5 de julio de 2002");
    expect(localeFormat("zh").day("2002-07-05")).toBe("2002年7月5日");
    expect(localeFormat("en").month("2026-03")).toBe("Mar 2026");
    expect(localeFormat("ru").monthName("2027-09")).toBe("сент.");
    expect(localeFormat("zh").year("2027-09")).toBe("2027年");
  });

  it("groups digits and joins lists as the language does", () => {
    expect(localeFormat("en").number(1820)).toBe("1,820");
    expect(localeFormat("fr").number(1820)).toBe("1\u202f820");
    expect(localeFormat("en").list(["a", "b", "c"])).toBe("a, b and c");
    expect(localeFormat("es").list(["a", "b"])).toBe("a y b");
  });

  it("sorts in the language's order", () => {
    expect(["Zambie", "Égypte", "Espagne"].sort(localeFormat("fr").compare)).toEqual([
      "Égypte",
      "Espagne",
      "Zambie",
    ]);
  });
});
