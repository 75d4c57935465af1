import { describe, expect, it } from "vitest";

import {
  createLegacyRecordParser,
  parseLegacyRecords,
  restoreCommas,
  type LegacyCentre,
  type LegacyLookups,
  type LegacyRecord,
} from "@/domain/legacy-import";
import { buildNameLookup, type ActivityTypeRow, type CountryRow } from "@/domain/reference-data";

const country = (
  whoCode: string,
  name: string,
  regionCode: CountryRow["regionCode"],
  sourceNames: string[],
): CountryRow => ({
  whoCode,
  isoCode: null,
  isoNumeric: null,
  name,
  regionCode,
  sourceNames,
});

const countries: CountryRow[] = [
  country("NOR", "Norway", "EURO", ["NORWAY"]),
  country("UNK", "United Kingdom of Great Britain and Northern Ireland", "EURO", ["UK", "UNITED KINGDOM"]),
  country("SOA", "South Africa", "AFRO", ["SOUTH AFRICA"]),
  country("NET", "Netherlands", "EURO", ["NETHERLANDS"]),
  country("IRA", "Iran (Islamic Republic of)", "EMRO", ["IRAN (ISLAMIC REP.)", "IRAN (ISLAMIC REPUBLIC OF)"]),
  country("TUR", "Türkiye", "EURO", ["TURKEY", "TÜRKIYE"]),
  country("KRD", "Democratic People's Republic of Korea", "SEARO", ["DEM.P.REP. OF KOREA"]),
];

const activityTypes: ActivityTypeRow[] = [
  { position: 6, name: "Research", sourceNames: [] },
  { position: 7, name: "Training and education", sourceNames: [] },
  { position: 10, name: "Product development (guidelines, manual, methodologies, etc.)", sourceNames: [] },
  {
    position: 12,
    name: "Organization of events",
    sourceNames: ["Organization of events (e.g. conferences, summits)"],
  },
];

const lookups: LegacyLookups = {
  country: buildNameLookup(countries),
  activityType: buildNameLookup(activityTypes),
};
const parse = createLegacyRecordParser(lookups);

// NOR-18 as the 2022 export has it.
function record(overrides: Partial<LegacyRecord> = {}): LegacyRecord {
  return {
    reference: "NOR-18",
    initiator: "EURO",
    region: "EURO",
    country: "NORWAY",
    designated_on: "2002-07-05",
    last_redesignated_on: "2020-09-23",
    expires_on: "2022-09-23",
    status: "Active",
    title: "WHO Collaborating Centre for Digital Health and Telemedicine",
    website: "http://https://ehealthresearch.no/who",
    subject_1: "Health systems research & development",
    subject_2: "Informatics and Telemedicine",
    subject_3: "Health Technology (including laboratory services; but excluding blood safety)",
    activity_type_1: "Research",
    activity_type_2: "Product development (guidelines; manual; methodologies; etc.)",
    activity_type_3: "",
    ...overrides,
  };
}

function centreOf(overrides: Partial<LegacyRecord> = {}): LegacyCentre {
  const result = parse(7, record(overrides));
  if (!result.ok) throw new Error(`expected a centre, got: ${result.reason}`);
  return result.centre;
}

function reasonOf(overrides: Partial<LegacyRecord>): string {
  const result = parse(7, record(overrides));
  if (result.ok) throw new Error("expected the record to be skipped");
  return result.reason;
}

describe("a legacy record", () => {
  it("becomes the centre it describes", () => {
    expect(centreOf()).toEqual({
      line: 7,
      reference: "NOR-18",
      countryCode: "NOR",
      referenceNumber: 18,
      regionCode: "EURO",
      initiator: "EURO",
      status: "ACTIVE",
      title: "WHO Collaborating Centre for Digital Health and Telemedicine",
      website: "https://ehealthresearch.no/who",
      firstDesignatedOn: "2002-07-05",
      term: { kind: "REDESIGNATION", start: "2020-09-23", end: "2022-09-23", years: 2 },
      subjects: [
        "Health systems research & development",
        "Informatics and Telemedicine",
        "Health Technology (including laboratory services, but excluding blood safety)",
      ],
      activityTypes: ["Research", "Product development (guidelines, manual, methodologies, etc.)"],
      warnings: [],
      repairs: ["doubled-scheme", "commas-restored"],
    });
  });

  it("trims and collapses spaces in values", () => {
    const centre = centreOf({
      reference: " NOR-18 ",
      title: "  WHO Collaborating  Centre\tfor X ",
      status: " active ",
    });
    expect(centre.reference).toBe("NOR-18");
    expect(centre.title).toBe("WHO Collaborating Centre for X");
    expect(centre.status).toBe("ACTIVE");
  });

  describe("restores the commas the export turned into semicolons", () => {
    it("in subjects", () => {
      expect(centreOf({ subject_1: "Gender; Women & health" }).subjects[0]).toBe("Gender, Women & health");
      expect(restoreCommas("Health information; statistics;measurement")).toBe(
        "Health information, statistics, measurement",
      );
    });

    it("in activity types, mapped onto the canonical list", () => {
      const centre = centreOf({
        activity_type_1: "Organization of events (e.g. conferences; summits)",
        activity_type_2: "",
      });
      expect(centre.activityTypes).toEqual(["Organization of events"]);
      expect(centre.repairs).toContain("commas-restored");
    });

    it("but not in titles, whose commas survived the export", () => {
      expect(centreOf({ title: "WHO CC for Research, Training; Policy" }).title).toBe(
        "WHO CC for Research, Training; Policy",
      );
    });
  });

  it("matches activity types regardless of case and spacing", () => {
    expect(
      centreOf({ activity_type_1: "training  AND education", activity_type_2: "" }).activityTypes,
    ).toEqual(["Training and education"]);
  });

  it("drops an unknown activity type with a warning", () => {
    const centre = centreOf({ activity_type_1: "Juggling", activity_type_2: "" });
    expect(centre.activityTypes).toEqual([]);
    expect(centre.warnings).toEqual(['activity type "Juggling" is not one of the known types: dropped']);
  });

  it("keeps a repeated subject or activity type once, with a warning", () => {
    const centre = centreOf({
      subject_2: "health systems research & development",
      activity_type_2: "Research",
    });
    expect(centre.subjects).toHaveLength(2);
    expect(centre.activityTypes).toEqual(["Research"]);
    expect(centre.warnings).toHaveLength(2);
  });

  it("closes gaps between subjects and allows none", () => {
    expect(centreOf({ subject_1: "", subject_2: "", subject_3: "Nursing" }).subjects).toEqual(["Nursing"]);
    expect(centreOf({ subject_1: "", subject_2: "", subject_3: "" }).subjects).toEqual([]);
  });

  describe("website", () => {
    it("may be empty", () => {
      const centre = centreOf({ website: "" });
      expect(centre.website).toBeNull();
      expect(centre.warnings).toEqual([]);
    });

    it("is repaired when it can be", () => {
      expect(centreOf({ website: "www.pasteur.fr" }).website).toBe("http://www.pasteur.fr/");
    });

    it("is dropped with a warning, not a skip, when it cannot", () => {
      const centre = centreOf({ website: "http://in re-construction" });
      expect(centre.website).toBeNull();
      expect(centre.warnings[0]).toMatch(/not a valid web address/);
    });
  });

  describe("country", () => {
    it.each([
      ["UNK-324", "UK", "UNK"],
      ["UNK-324", "United Kingdom", "UNK"],
      ["SOA-5", "SOUTH AFRICA", "SOA"],
      ["NET-17", "Netherlands", "NET"],
      ["IRA-19", "IRAN (ISLAMIC REP.)", "IRA"],
      ["IRA-19", "Iran (Islamic Republic of)", "IRA"],
      ["TUR-15", "TURKEY", "TUR"],
      ["TUR-15", "TÜRKIYE", "TUR"],
      ["TUR-15", "TURKIYE", "TUR"],
      ["KRD-1", "DEM.P.REP. OF KOREA", "KRD"],
    ])("%s in %j is matched to its WHO code", (reference, name, whoCode) => {
      const region = countries.find((row) => row.whoCode === whoCode)?.regionCode;
      const centre = centreOf({ reference, country: name, region });
      expect(centre.countryCode).toBe(whoCode);
      expect(centre.warnings).toEqual([]);
    });

    it("must be known", () => {
      expect(reasonOf({ country: "ATLANTIS" })).toMatch(/unknown country "ATLANTIS"/);
    });

    it("must own the reference's prefix", () => {
      expect(reasonOf({ reference: "SWE-18" })).toBe(
        "the reference SWE-18 does not belong to Norway, whose WHO code is NOR",
      );
      // An ISO code is not a WHO code.
      expect(reasonOf({ reference: "ZAF-5", country: "SOUTH AFRICA", region: "AFRO" })).toMatch(
        /WHO code is SOA/,
      );
    });

    it("decides the region: a different region column is overridden with a warning", () => {
      const centre = centreOf({ region: "EMRO" });
      expect(centre.regionCode).toBe("EURO");
      expect(centre.warnings).toEqual(["region EMRO differs from Norway's region EURO: used EURO"]);
    });
  });

  describe("initiator and status", () => {
    it("reads Headquarters as HQ and region codes as themselves", () => {
      expect(centreOf({ initiator: "Headquarters" }).initiator).toBe("HQ");
      expect(centreOf({ initiator: "wpro" }).initiator).toBe("WPRO");
    });

    it("rejects anything else", () => {
      expect(reasonOf({ initiator: "Geneva" })).toBe(
        'initiator: "Geneva" is neither Headquarters nor a region code',
      );
      expect(reasonOf({ region: "EUR" })).toMatch(/^region: "EUR" is not one of AFRO/);
      expect(reasonOf({ status: "Closed" })).toBe('status: "Closed" is neither Active nor Pending');
    });

    it("keeps Pending", () => {
      expect(centreOf({ status: "Pending" }).status).toBe("PENDING");
    });
  });

  describe("dates and term", () => {
    it("is an initial term when never redesignated", () => {
      const centre = centreOf({
        designated_on: "2018-07-09",
        last_redesignated_on: "2018-07-09",
        expires_on: "2022-07-09",
      });
      expect(centre.term).toEqual({ kind: "INITIAL", start: "2018-07-09", end: "2022-07-09", years: 4 });
    });

    it("starts the term at the first designation when there is no redesignation date", () => {
      const centre = centreOf({
        designated_on: "2018-07-09",
        last_redesignated_on: "",
        expires_on: "2022-07-09",
      });
      expect(centre.term).toMatchObject({ kind: "INITIAL", start: "2018-07-09" });
    });

    it("handles a term that starts on 29 February", () => {
      const centre = centreOf({
        designated_on: "2020-02-29",
        last_redesignated_on: "2020-02-29",
        expires_on: "2024-02-29",
      });
      expect(centre.term.years).toBe(4);
    });

    it("warns about terms that are not whole years or longer than 4 years", () => {
      expect(centreOf({ expires_on: "2022-09-30" }).warnings).toEqual([
        "the term 2020-09-23 to 2022-09-30 is not a whole number of years",
      ]);
      expect(centreOf({ expires_on: "2028-09-23" }).warnings).toEqual([
        "the term of 8 years is longer than 4 years: kept as recorded",
      ]);
    });

    it.each([
      [{ designated_on: "2022-02-30" }, 'designated_on: "2022-02-30" is not a calendar date (YYYY-MM-DD)'],
      [{ expires_on: "23/09/2022" }, 'expires_on: "23/09/2022" is not a calendar date (YYYY-MM-DD)'],
      [
        { last_redesignated_on: "2020-9-23" },
        'last_redesignated_on: "2020-9-23" is not a calendar date (YYYY-MM-DD)',
      ],
      [{ designated_on: "2021-01-01" }, "last_redesignated_on 2020-09-23 is before designated_on 2021-01-01"],
      [{ expires_on: "2020-09-23" }, "expires_on 2020-09-23 is not after the start of the term (2020-09-23)"],
      [{ expires_on: "2019-01-01" }, "expires_on 2019-01-01 is not after the start of the term (2020-09-23)"],
    ])("skips %j", (overrides, reason) => {
      expect(reasonOf(overrides)).toBe(reason);
    });
  });

  it("reports every field problem of a malformed row at once", () => {
    const reason = reasonOf({ reference: "NOR18", status: "", title: " ", expires_on: "soon" });
    expect(reason.split("; ").map((part) => part.split(":")[0])).toEqual([
      "reference",
      "expires_on",
      "status",
      "title",
    ]);
  });
});

describe("parseLegacyRecords", () => {
  const rows = (...records: Partial<LegacyRecord>[]) =>
    records.map((overrides, i) => ({ line: i + 2, record: record(overrides) }));

  it("keeps the first of two records with one reference and skips the other", () => {
    const result = parseLegacyRecords(rows({}, { reference: "NOR-19" }, { title: "Another title" }), lookups);
    expect(result.centres.map((centre) => [centre.line, centre.reference])).toEqual([
      [2, "NOR-18"],
      [3, "NOR-19"],
    ]);
    expect(result.skipped).toEqual([
      { line: 4, reference: "NOR-18", reason: "duplicate of line 2, which owns this reference" },
    ]);
  });

  it("skips a later duplicate even when the first record was skipped", () => {
    const result = parseLegacyRecords(rows({ status: "Closed" }, {}), lookups);
    expect(result.centres).toEqual([]);
    expect(result.skipped.map((skip) => skip.line)).toEqual([2, 3]);
    expect(result.skipped[1]?.reason).toMatch(/duplicate of line 2/);
  });

  it("reports skipped records with their line and reference", () => {
    const result = parseLegacyRecords(
      rows({}, { reference: "NOR-20", country: "ATLANTIS" }, { reference: "" }),
      lookups,
    );
    expect(result.centres).toHaveLength(1);
    expect(result.skipped).toEqual([
      { line: 3, reference: "NOR-20", reason: expect.stringMatching(/unknown country/) as unknown },
      { line: 4, reference: "", reason: "reference: the reference is empty" },
    ]);
  });
});
