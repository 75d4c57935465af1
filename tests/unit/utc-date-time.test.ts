import { describe, expect, it } from "vitest";

import { utcDateTime } from "@/domain/dates";

describe("utcDateTime", () => {
  it("shows a moment in UTC to the minute, or the second for the audit trail, whatever zone made the Date", () => {
    const moment = new Date("2026-12-05T16:07:09.123+02:00");
    expect(utcDateTime(moment)).toBe("2026-12-05 14:07 UTC");
    expect(utcDateTime(moment, { seconds: true })).toBe("2026-12-05 14:07:09 UTC");
  });
});
