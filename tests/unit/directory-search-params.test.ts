import { describe, expect, it } from "vitest";

import {
  effectiveStatuses,
  fromNextSearchParams,
  parseApiSearch,
  parseExportSearch,
  parsePageSearch,
  searchToParams,
  searchWords,
  toParamsRecord,
} from "@/domain/directory/search-params";

const record = (query: string) => toParamsRecord(new URLSearchParams(query).entries());

describe("parsePageSearch", () => {
  it("reads every filter from the URL, repeated parameters as lists", () => {
    const result = parsePageSearch(
      record(
        "q=Telemedicine&region=euro&region=AFRO&country=nor&status=Active&subject=Nursing&activity=Research&initiator=hq&former=1&sort=title&page=3",
      ),
    );
    expect(result).toEqual({
      ok: true,
      value: {
        q: "Telemedicine",
        region: ["EURO", "AFRO"],
        country: ["NOR"],
        status: ["ACTIVE"],
        subject: ["Nursing"],
        activity: ["Research"],
        initiator: ["HQ"],
        former: true,
        sort: "title",
        page: 3,
        expand: undefined,
      },
    });
  });

  it("defaults: no filters, current centres, relevance with words and reference without", () => {
    const plain = parsePageSearch({});
    expect(plain.ok && plain.value).toMatchObject({ q: "", former: false, sort: "reference", page: 1 });
    const withWords = parsePageSearch(record("q=nursing"));
    expect(withWords.ok && withWords.value.sort).toBe("relevance");
  });

  it("ignores unknown parameters (shared links carry tracking tags) but the API rejects them", () => {
    expect(parsePageSearch(record("utm_source=mail")).ok).toBe(true);
    const api = parseApiSearch(record("q=x&colour=blue"));
    expect(api).toEqual({
      ok: false,
      errors: [expect.stringMatching(/Unknown parameter "colour".*q, region/)],
    });
    expect(parseExportSearch(record("page=2")).ok).toBe(false);
  });

  it.each([
    ["q=" + "a".repeat(10_000), /too long/],
    ["q=" + Array.from({ length: 11 }, (_, i) => `w${i}`).join("+"), /too many words/],
    ["region=MARS", /Unknown region "MARS"/],
    ["status=proposed", /Unknown status "proposed"/],
    ["initiator=XX", /Unknown initiator/],
    ["country=Norway", /three-letter WHO code/],
    ["page=-1", /whole number/],
    ["page=0", /1 or more/],
    ["page=abc", /whole number/],
    ["page=501", /first 500 pages/],
    ["sort=price", /Unknown sort/],
    ["former=maybe", /former=1/],
    ["q=a&q=b", /at most once/],
  ])("rejects %s with a message saying what is wrong", (query, message) => {
    const result = parsePageSearch(record(query.length > 200 ? query : query));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join(" ")).toMatch(message);
  });

  it("never lets a proposed or not-designated status through", () => {
    for (const status of ["proposed", "not_designated", "PROPOSED"]) {
      expect(parseApiSearch(record(`status=${status}`)).ok).toBe(false);
    }
  });
});

describe("parseApiSearch limit and cursor", () => {
  it.each([
    ["limit=0", false],
    ["limit=101", false],
    ["limit=-5", false],
    ["limit=1.5", false],
    ["limit=100", true],
    ["limit=1", true],
  ])("%s → ok %s", (query, ok) => {
    expect(parseApiSearch(record(query)).ok).toBe(ok);
  });

  it("defaults to 20 per page", () => {
    const result = parseApiSearch({});
    expect(result.ok && result.value.limit).toBe(20);
  });
});

describe("effectiveStatuses", () => {
  it("is active and pending by default, all public with former centres, the chosen ones otherwise", () => {
    expect(effectiveStatuses({ status: [], former: false })).toEqual(["ACTIVE", "PENDING"]);
    expect(effectiveStatuses({ status: [], former: true })).toEqual([
      "ACTIVE",
      "PENDING",
      "CLOSED",
      "TERMINATED",
    ]);
    expect(effectiveStatuses({ status: ["CLOSED"], former: false })).toEqual(["CLOSED"]);
  });
});

describe("searchWords", () => {
  it("lower-cases, folds accents and keeps only letters and digits, so no tsquery syntax survives", () => {
    expect(searchWords("Santé  publique")).toEqual(["sante", "publique"]);
    expect(searchWords("<script>alert(1)</script>")).toEqual(["script", "alert", "1", "script"]);
    expect(searchWords('x\' OR 1=1; DROP TABLE "Centre" --')).toEqual([
      "x",
      "or",
      "1",
      "1",
      "drop",
      "table",
      "centre",
    ]);
    expect(searchWords("a:* & !b | (c)")).toEqual(["a", "b", "c"]);
  });
});

describe("searchToParams", () => {
  it("round-trips through the parser", () => {
    const parsed = parsePageSearch(record("q=tb&region=EURO&subject=Nursing&former=1&sort=expiry"));
    if (!parsed.ok) throw new Error("parse failed");
    const again = parsePageSearch(toParamsRecord(searchToParams(parsed.value).entries()));
    expect(again.ok && { ...again.value, page: 1 }).toEqual({ ...parsed.value, page: 1 });
  });
});

describe("parameter names that are also names of Object.prototype (issue #11)", () => {
  const inherited = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "isPrototypeOf"];

  it.each(inherited)("the API and exports answer ?%s=1 with an unknown-parameter error", (name) => {
    for (const parse of [parseApiSearch, parseExportSearch]) {
      const result = parse(record(`${name}=1&region=EURO`));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.join(" ")).toContain(`Unknown parameter "${name}"`);
    }
  });

  it.each(inherited)("the search page ignores ?%s=1 like any tracking tag", (name) => {
    expect(parsePageSearch(record(`${name}=1&${name}=2&region=EURO`))).toMatchObject({
      ok: true,
      value: { region: ["EURO"], page: 1 },
    });
  });

  it("a record keeps every name as its own key, never touching a prototype", () => {
    const params = record("__proto__=x&constructor=y&constructor=z");
    expect(Object.getPrototypeOf(params)).toBeNull();
    expect(Object.entries(params)).toEqual([
      ["__proto__", ["x"]],
      ["constructor", ["y", "z"]],
    ]);
    const fromNext = fromNextSearchParams(
      JSON.parse('{"__proto__":"x","toString":["a","b"],"gone":null}') as Record<string, string>,
    );
    expect(Object.getPrototypeOf(fromNext)).toBeNull();
    expect(Object.entries(fromNext)).toEqual([
      ["__proto__", ["x"]],
      ["toString", ["a", "b"]],
    ]);
  });
});
