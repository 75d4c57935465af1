import { describe, expect, it } from "vitest";

import { legacyColumns, parseLegacyRecords } from "@/domain/legacy-import";
import { buildNameLookup, countryRowSchema, matchKey } from "@/domain/reference-data";
import { readCsvFile } from "@/server/import/csv-file";
import { defaultReferenceDataDir, loadReferenceData } from "@/server/import/reference-data";

describe("matchKey", () => {
  it("ignores case, accents, spacing and semicolons-for-commas", () => {
    expect(matchKey("Türkiye")).toBe(matchKey("TURKIYE"));
    expect(matchKey("  Gender;  Women & health ")).toBe(matchKey("gender, women & health"));
    expect(matchKey("Iran (Islamic Rep.)")).not.toBe(matchKey("Iran"));
  });
});

describe("buildNameLookup", () => {
  const rows = [
    { name: "Norway", sourceNames: ["NORWAY"] },
    { name: "Türkiye", sourceNames: ["TURKEY"] },
  ];

  it("finds a row by its name or any known spelling", () => {
    const lookup = buildNameLookup(rows);
    expect(lookup("norway")).toBe(rows[0]);
    expect(lookup("Turkey")).toBe(rows[1]);
    expect(lookup("TÜRKIYE")).toBe(rows[1]);
    expect(lookup("Sweden")).toBeUndefined();
  });

  it("refuses a spelling claimed by two rows", () => {
    expect(() => buildNameLookup([...rows, { name: "Turkey", sourceNames: [] }])).toThrow(
      /both "Türkiye" and "Turkey"/,
    );
  });
});

describe("countryRowSchema", () => {
  it("reads a row of countries.csv", () => {
    const row = {
      who_code: "SOA",
      iso_code: "ZA",
      iso_numeric: "710",
      name: "South Africa",
      region: "AFRO",
      source_names: "SOUTH AFRICA| RSA ",
    };
    expect(countryRowSchema.parse(row)).toEqual({
      whoCode: "SOA",
      isoCode: "ZA",
      isoNumeric: "710",
      name: "South Africa",
      regionCode: "AFRO",
      sourceNames: ["SOUTH AFRICA", "RSA"],
    });
  });

  it("rejects malformed codes", () => {
    const row = {
      who_code: "SA",
      iso_code: "ZAF",
      iso_numeric: "71",
      name: "",
      region: "AFR",
      source_names: "",
    };
    const issues = countryRowSchema.safeParse(row).error?.issues.map((issue) => issue.path.join("."));
    expect(issues).toEqual(["who_code", "iso_code", "iso_numeric", "name", "region"]);
  });
});

describe("the reference data files of prisma/data", async () => {
  const data = await loadReferenceData();

  it("hold the 6 WHO regions with their offices", () => {
    expect(data.regions.map((region) => `${region.code} ${region.office}`)).toEqual([
      "AFRO Brazzaville",
      "AMRO Washington DC",
      "SEARO New Delhi",
      "EURO Copenhagen",
      "EMRO Cairo",
      "WPRO Manila",
    ]);
  });

  it("hold the 15 activity types in the order of docs/domain.md §3, with real commas", () => {
    expect(data.activityTypes.map((type) => type.position)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    expect(data.activityTypes[9]?.name).toBe("Product development (guidelines, manual, methodologies, etc.)");
    expect(data.activityTypes.at(-1)?.name).toBe("Others");
  });

  it("give every country a WHO code, an ISO alpha-2 and numeric code and a region", () => {
    expect(data.countries.length).toBeGreaterThanOrEqual(95);
    for (const country of data.countries) {
      expect(country.isoCode, country.name).toMatch(/^[A-Z]{2}$/);
      expect(country.isoNumeric, country.name).toMatch(/^\d{3}$/);
    }
    const byWho = new Map(data.countries.map((country) => [country.whoCode, country]));
    expect(byWho.get("SOA")).toMatchObject({ isoCode: "ZA", isoNumeric: "710", regionCode: "AFRO" });
    expect(byWho.get("UNK")).toMatchObject({
      isoCode: "GB",
      name: "United Kingdom of Great Britain and Northern Ireland",
    });
    expect(byWho.get("NET")).toMatchObject({ isoCode: "NL", isoNumeric: "528" });
    expect(byWho.get("SWI")).toMatchObject({ isoCode: "CH", isoNumeric: "756" });
    expect(byWho.get("KRD")).toMatchObject({ isoCode: "KP", regionCode: "SEARO" });
  });

  it("cover every record of the 2022 export: none is skipped", async () => {
    const records = await readCsvFile(
      `${defaultReferenceDataDir}/who-collaborating-centres-2022.csv`,
      legacyColumns,
    );
    const result = parseLegacyRecords(records, {
      country: buildNameLookup(data.countries),
      activityType: buildNameLookup(data.activityTypes),
    });
    expect(records).toHaveLength(821);
    expect(result.skipped).toEqual([]);
    expect(result.centres).toHaveLength(821);
    // The record's region always agrees with the country's, and every activity type is known.
    const warnings = result.centres.flatMap((centre) => centre.warnings);
    expect(warnings.filter((warning) => /region|activity type ".*" is not/.test(warning))).toEqual([]);
    // Subjects are seeded from subjects.csv: the export's subjects are all in it.
    const subjects = new Set(data.subjects.map((subject) => matchKey(subject.name)));
    expect(
      result.centres.flatMap((centre) => centre.subjects).filter((name) => !subjects.has(matchKey(name))),
    ).toEqual([]);
  });
});
