import { describe, expect, it } from "vitest";

import { addYears, isIsoDate, isLeapYear, termHasBegun, termLengthYears, termYear } from "@/domain/term";

describe("isIsoDate", () => {
  it.each(["2022-07-09", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])("accepts %s", (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    "2023-02-29",
    "1900-02-29",
    "2022-13-01",
    "2022-00-10",
    "2022-04-31",
    "2022-7-9",
    "09/07/2022",
    "",
    "2022-07-09T00:00:00Z",
    "0000-01-01",
  ])("rejects %j", (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe("isLeapYear", () => {
  it("follows the Gregorian rule", () => {
    expect([2024, 2000, 1600].map(isLeapYear)).toEqual([true, true, true]);
    expect([2023, 1900, 2100].map(isLeapYear)).toEqual([false, false, false]);
  });
});

describe("addYears", () => {
  it("keeps the calendar day", () => {
    expect(addYears("2018-07-09", 4)).toBe("2022-07-09");
    expect(addYears("2022-07-09", -4)).toBe("2018-07-09");
    expect(addYears("2022-12-31", 0)).toBe("2022-12-31");
  });

  it("turns 29 February into 28 February in a year without it", () => {
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2000-02-29", 100)).toBe("2100-02-28");
    expect(addYears("2024-02-29", -1)).toBe("2023-02-28");
  });

  it("refuses invalid input", () => {
    expect(() => addYears("2023-02-29", 1)).toThrow(RangeError);
    expect(() => addYears("2022-07-09", 1.5)).toThrow(RangeError);
    expect(() => addYears("9999-01-01", 1)).toThrow(RangeError);
  });
});

describe("termLengthYears", () => {
  it("counts whole years between anniversaries", () => {
    expect(termLengthYears("2018-07-09", "2022-07-09")).toBe(4);
    expect(termLengthYears("2020-09-23", "2022-09-23")).toBe(2);
    expect(termLengthYears("2014-01-01", "2022-01-01")).toBe(8);
  });

  it("knows that a term from 29 February ends on 28 February", () => {
    expect(termLengthYears("2024-02-29", "2028-02-29")).toBe(4);
    expect(termLengthYears("2024-02-29", "2027-02-28")).toBe(3);
    expect(termLengthYears("2024-02-29", "2027-03-01")).toBeNull();
  });

  it("has no length in years for a term that does not end on an anniversary", () => {
    expect(termLengthYears("2018-07-09", "2022-07-08")).toBeNull();
    expect(termLengthYears("2018-07-09", "2018-12-31")).toBeNull();
  });

  it("has no length for an empty or inverted term", () => {
    expect(termLengthYears("2022-07-09", "2022-07-09")).toBeNull();
    expect(termLengthYears("2022-07-09", "2018-07-09")).toBeNull();
  });

  it("refuses invalid dates", () => {
    expect(() => termLengthYears("2022-02-30", "2026-02-28")).toThrow(RangeError);
  });
});

describe("termYear", () => {
  const start = "2020-09-23";
  const end = "2024-09-23";

  it("is 1 from the first day", () => {
    expect(termYear(start, end, "2020-09-23")).toBe(1);
    expect(termYear(start, end, "2021-09-22")).toBe(1);
  });

  it("moves on at each anniversary", () => {
    expect(termYear(start, end, "2021-09-23")).toBe(2);
    expect(termYear(start, end, "2023-09-23")).toBe(4);
    expect(termYear(start, end, "2024-09-22")).toBe(4);
  });

  it("is null outside the term, the end date included", () => {
    expect(termYear(start, end, "2020-09-22")).toBeNull();
    expect(termYear(start, end, "2024-09-23")).toBeNull();
    expect(termYear(start, end, "2030-01-01")).toBeNull();
  });

  it("starts year 2 of a 29 February term on 28 February", () => {
    expect(termYear("2024-02-29", "2028-02-29", "2025-02-27")).toBe(1);
    expect(termYear("2024-02-29", "2028-02-29", "2025-02-28")).toBe(2);
    expect(termYear("2024-02-29", "2028-02-29", "2028-02-28")).toBe(4);
    expect(termYear("2024-02-29", "2028-02-29", "2028-02-29")).toBeNull();
  });

  it("refuses invalid dates rather than comparing them", () => {
    expect(() => termYear("2020-09-23", "2024-13-01", "2021-01-01")).toThrow(RangeError);
    expect(() => termYear("2020-09-23", "2024-09-23", "soon")).toThrow(RangeError);
  });
});

describe("termHasBegun", () => {
  it("has begun on its first day and after, not before (an early redesignation's next term)", () => {
    expect(termHasBegun("2026-11-25", "2026-11-24")).toBe(false);
    expect(termHasBegun("2026-11-25", "2026-11-25")).toBe(true);
    expect(termHasBegun("2026-11-25", "2027-01-01")).toBe(true);
  });

  it("refuses invalid dates", () => {
    expect(() => termHasBegun("2026-02-30", "2026-01-01")).toThrow(RangeError);
    expect(() => termHasBegun("2026-01-01", "today")).toThrow(RangeError);
  });
});
