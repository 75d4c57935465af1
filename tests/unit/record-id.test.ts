import { describe, expect, it } from "vitest";

import { parseRecordId } from "@/domain/record-id";

describe("parseRecordId", () => {
  it.each([
    ["1", 1],
    ["42", 42],
    ["999999999", 999_999_999],
  ])("reads %s as %i", (segment, id) => {
    expect(parseRecordId(segment)).toBe(id);
  });

  it.each([
    ["", "empty"],
    ["0", "zero"],
    ["007", "a leading zero"],
    ["-1", "a sign"],
    ["+1", "a sign"],
    ["1.5", "a fraction"],
    ["1e3", "an exponent"],
    [" 1", "white space"],
    ["1 ", "white space"],
    ["1000000000", "ten digits"],
    ["12abc", "letters"],
    ["０１", "non-ASCII digits"],
  ])("refuses %j (%s)", (segment) => {
    expect(parseRecordId(segment)).toBeNull();
  });
});
