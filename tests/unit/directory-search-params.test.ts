import { describe, expect, it } from "vitest";

import { canonicalPageQuery, canonicalSearchLocation, givenQuery } from "@/domain/directory/canonical-query";
import { csvHeaderRow } from "@/domain/directory/csv";
import {
  effectiveSort,
  effectiveStatuses,
  fromNextSearchParams,
  pageParameterNames,
  parseApiSearch,
  parseCsvExportSearch,
  parseExportSearch,
  parsePageSearch,
  searchToParams,
  searchWords,
  statusChoices,
  toParamsRecord,
} from "@/domain/directory/search-params";
import { englishSearchProblems } from "@/i18n/search-problems";

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
        region: ["AFRO", "EURO"],
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

  it("defaults: no filters, current centres, no sort chosen (relevance with words, reference without)", () => {
    const plain = parsePageSearch({});
    expect(plain.ok && plain.value).toMatchObject({ q: "", former: false, sort: null, page: 1 });
    // The form's "Best match" is an empty sort: the default, not a choice.
    const fromForm = parsePageSearch(record("q=nursing&sort="));
    expect(fromForm.ok && fromForm.value.sort).toBeNull();
    expect(effectiveSort(null, false)).toBe("reference");
    expect(effectiveSort(null, true)).toBe("relevance");
    expect(effectiveSort("relevance", false)).toBe("reference");
    // A chosen order is kept, with or without words.
    expect(effectiveSort("reference", true)).toBe("reference");
    expect(effectiveSort("title", false)).toBe("title");
  });

  it("gives each facet's values in one order, without repeats, whatever the URL's order", () => {
    const a = parsePageSearch(record("region=euro&region=AFRO&region=EURO&status=pending&status=active"));
    const b = parsePageSearch(record("status=Active&region=AFRO&status=pending&region=EURO"));
    expect(a.ok && a.value).toMatchObject({ region: ["AFRO", "EURO"], status: ["ACTIVE", "PENDING"] });
    expect(a.ok && b.ok && searchToParams(a.value).toString()).toBe(
      b.ok && searchToParams(b.value).toString(),
    );
    expect(a.ok && searchToParams(a.value).toString()).toBe(
      "region=AFRO&region=EURO&status=active&status=pending",
    );
  });

  it("ignores unknown parameters (shared links carry tracking tags) but the API rejects them", () => {
    expect(parsePageSearch(record("utm_source=mail")).ok).toBe(true);
    const api = parseApiSearch(record("q=x&colour=blue"));
    expect(api.ok).toBe(false);
    expect(!api.ok && englishSearchProblems(api.errors)).toEqual([
      expect.stringMatching(/^Unknown parameter "colour": the parameters are q, region/),
    ]);
    const two = parseApiSearch(record("a=1&b=2"));
    expect(!two.ok && englishSearchProblems(two.errors)).toEqual([
      expect.stringMatching(/^Unknown parameters "a", "b": /),
    ]);
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
    expect(!result.ok && englishSearchProblems(result.errors).join(" ")).toMatch(message);
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

describe("statusChoices", () => {
  it("offers the statuses a search covers without a status chosen, plus any chosen beyond them", () => {
    expect(statusChoices({ status: ["ACTIVE"], former: false })).toEqual(["ACTIVE", "PENDING"]);
    expect(statusChoices({ status: ["CLOSED"], former: false })).toEqual(["ACTIVE", "PENDING", "CLOSED"]);
    expect(statusChoices({ status: ["PENDING"], former: true })).toEqual([
      "ACTIVE",
      "PENDING",
      "CLOSED",
      "TERMINATED",
    ]);
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

  it("writes the sort only when one was chosen, so links keep relevance for words and a chosen order", () => {
    const words = parsePageSearch(record("q=telemedicine"));
    expect(words.ok && searchToParams(words.value).toString()).toBe("q=telemedicine");
    const chosen = parsePageSearch(record("sort=reference"));
    expect(chosen.ok && searchToParams({ ...chosen.value, q: "telemedicine" }).toString()).toBe(
      "q=telemedicine&sort=reference",
    );
  });
});

describe("canonicalPageQuery", () => {
  const canonicalOf = (query: string) => {
    const given = record(query);
    const parsed = parsePageSearch(given);
    if (!parsed.ok) throw new Error(englishSearchProblems(parsed.errors).join("; "));
    const { page, expand } = parsed.value;
    return canonicalPageQuery({ search: parsed.value, page, expand }, given, pageParameterNames);
  };

  it("turns what the form submits into the links' URL, keeping tags the page ignores", () => {
    expect(canonicalOf("q=telemedicine&former=&sort=&region=EURO&region=AFRO")).toBe(
      "q=telemedicine&region=AFRO&region=EURO",
    );
    expect(canonicalOf("q=&sort=&page=1")).toBe("");
    expect(canonicalOf("utm_source=mail&q=x&page=2&sort=title")).toBe(
      "q=x&sort=title&page=2&utm_source=mail",
    );
  });

  it("says where the page redirects: nowhere for a canonical URL or one it cannot parse", () => {
    expect(canonicalSearchLocation(record("q=telemedicine&sort="))).toBe("/centres?q=telemedicine");
    expect(canonicalSearchLocation(record("q=&sort="))).toBe("/centres");
    expect(canonicalSearchLocation(record("q=telemedicine&sort=reference"))).toBeNull();
    expect(canonicalSearchLocation(record("region=ATLANTIS&region=EURO"))).toBeNull();
    expect(canonicalSearchLocation({})).toBeNull();
  });

  it("is a fixed point: the canonical URL is its own canonical form", () => {
    for (const query of [
      "q=x&region=AFRO&region=EURO&sort=title&page=3&expand=country&ref=a",
      "",
      "former=1",
    ]) {
      const once = canonicalOf(query);
      expect(canonicalOf(once)).toBe(once);
      expect(givenQuery(record(once))).toBe(once);
    }
  });
});

describe("parameter names that are also names of Object.prototype (issue #11)", () => {
  const inherited = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__", "isPrototypeOf"];

  it.each(inherited)("the API and exports answer ?%s=1 with an unknown-parameter error", (name) => {
    for (const parse of [parseApiSearch, parseExportSearch]) {
      const result = parse(record(`${name}=1&region=EURO`));
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(englishSearchProblems(result.errors).join(" ")).toContain(`Unknown parameter "${name}"`);
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

describe("the CSV export's header row", () => {
  it("is in English labels by default, in the language `lang` names, or the stable machine names", () => {
    const header = (query: string) => {
      const parsed = parseCsvExportSearch(record(query));
      return parsed.ok ? parsed.value.header : englishSearchProblems(parsed.errors);
    };
    expect(header("region=EURO")).toEqual({ kind: "labels", locale: "en" });
    expect(header("region=EURO&lang=fr")).toEqual({ kind: "labels", locale: "fr" });
    expect(header("header=machine")).toEqual({ kind: "machine" });
    expect(header("header=machine&lang=ar")).toEqual({ kind: "machine" });
    expect(header("lang=de")).toEqual(['Unknown language "de": use one of ar, zh, en, fr, ru, es.']);
    expect(header("header=pretty")).toEqual([
      'Unknown header "pretty": use header=machine for stable column names, or leave it out.',
    ]);
    expect(header("lang=fr&lang=es")).toEqual(['Give "lang" at most once.']);
  });

  it("is a CSV parameter only: JSON and NDJSON refuse it", () => {
    const json = parseExportSearch(record("lang=fr"));
    expect(!json.ok && englishSearchProblems(json.errors).join(" ")).toContain('Unknown parameter "lang"');
  });

  it("names the columns by their machine names or by labels", () => {
    expect(csvHeaderRow()).toBe(
      "reference,title,status,region,country,city,institution,initiator,subjects,activity_types,first_designated_on,term_start,term_end,website,url\r\n",
    );
    expect(csvHeaderRow((column) => (column === "title" ? "Titre, complet" : column.toUpperCase()))).toMatch(
      /^REFERENCE,"Titre, complet",STATUS,/,
    );
  });
});
