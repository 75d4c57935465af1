import { describe, expect, it } from "vitest";

import { formatReferenceNumber, parseReferenceNumber } from "@/domain/reference-number";

describe("parseReferenceNumber", () => {
  it.each([
    ["NOR-18", "NOR", 18],
    ["UNK-324", "UNK", 324],
    ["SOA-5", "SOA", 5],
    ["NET-1", "NET", 1],
  ])("reads %s", (input, countryCode, number) => {
    expect(parseReferenceNumber(input)).toEqual({ ok: true, value: { countryCode, number } });
  });

  it.each([
    ["", /empty/],
    ["NOR18", /expected a 3-letter WHO country code/],
    ["NOR-18-2", /expected a 3-letter WHO country code/],
    ["nor-18", /3 upper-case letters/],
    ["NO-18", /3 upper-case letters/],
    ["NORW-18", /3 upper-case letters/],
    ["N0R-18", /3 upper-case letters/],
    [" NOR-18", /3 upper-case letters/],
    ["NOR-", /positive whole number/],
    ["NOR-0", /positive whole number/],
    ["NOR-018", /without leading zeros/],
    ["NOR--18", /expected/],
    ["NOR-1.5", /positive whole number/],
    ["NOR-18 ", /positive whole number/],
    ["NOR-99999999999", /too large/],
  ])("rejects %j with a reason", (input, reason) => {
    const result = parseReferenceNumber(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});

describe("formatReferenceNumber", () => {
  it("writes code, hyphen, number", () => {
    expect(formatReferenceNumber({ countryCode: "UNK", number: 324 })).toBe("UNK-324");
  });

  it("round-trips with the parser", () => {
    const parsed = parseReferenceNumber("SWI-42");
    expect(parsed.ok && formatReferenceNumber(parsed.value)).toBe("SWI-42");
  });

  it.each([
    { countryCode: "no", number: 1 },
    { countryCode: "NOR", number: 0 },
    { countryCode: "NOR", number: 1.5 },
  ])("refuses %j", (reference) => {
    expect(() => formatReferenceNumber(reference)).toThrow(RangeError);
  });
});
