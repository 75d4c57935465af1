import { describe, expect, it } from "vitest";

import { expiryDecision, isImportedTerm, reportOpening, type CentreForExpiry } from "@/domain/centre-expiry";
import { centreStatuses } from "@/domain/centre-status";

const active: CentreForExpiry = {
  status: "ACTIVE",
  termEnd: "2026-11-25",
  hasOpenRedesignation: false,
  termImported: false,
};

describe("centre expiry (docs/domain.md §5)", () => {
  it("leaves an Active centre alone until its term's end date", () => {
    expect(expiryDecision(active, "2026-11-24")).toBeNull();
  });

  it("on the end date: Closed without a redesignation", () => {
    expect(expiryDecision(active, "2026-11-25")).toEqual({ to: "CLOSED", reason: "term-ended" });
    expect(expiryDecision(active, "2027-03-01")).toEqual({ to: "CLOSED", reason: "term-ended" });
  });

  it("Pending when a redesignation is under way", () => {
    expect(expiryDecision({ ...active, hasOpenRedesignation: true }, "2026-11-25")).toEqual({
      to: "PENDING",
      reason: "redesignation-under-way",
    });
  });

  it("Pending for an imported term, whose later history is unknown", () => {
    expect(expiryDecision({ ...active, termImported: true }, "2026-11-25")).toEqual({
      to: "PENDING",
      reason: "imported-history-unknown",
    });
    // An open redesignation is the stronger reason.
    expect(
      expiryDecision({ ...active, termImported: true, hasOpenRedesignation: true }, "2026-11-25")?.reason,
    ).toBe("redesignation-under-way");
  });

  it("touches no other status, nor a centre without a term end", () => {
    for (const status of centreStatuses.filter((s) => s !== "ACTIVE"))
      expect(expiryDecision({ ...active, status, hasOpenRedesignation: true }, "2030-01-01")).toBeNull();
    expect(expiryDecision({ ...active, termEnd: null }, "2030-01-01")).toBeNull();
  });

  it("a term that started on 29 February ends on the anniversary (28 February in a common year)", () => {
    // 2024-02-29 + 3 years = 2027-02-28 (term.ts).
    const leap = { ...active, termEnd: "2027-02-28" };
    expect(expiryDecision(leap, "2027-02-27")).toBeNull();
    expect(expiryDecision(leap, "2027-02-28")?.to).toBe("CLOSED");
    const fourYears = { ...active, termEnd: "2028-02-29" };
    expect(expiryDecision(fourYears, "2028-02-28")).toBeNull();
    expect(expiryDecision(fourYears, "2028-02-29")?.to).toBe("CLOSED");
  });

  it("a term ending on a weekend ends that day (no moving to a working day)", () => {
    const sunday = { ...active, termEnd: "2026-11-29" };
    expect(expiryDecision(sunday, "2026-11-28")).toBeNull();
    expect(expiryDecision(sunday, "2026-11-29")?.to).toBe("CLOSED");
  });
});

describe("opening reports (docs/domain.md §6)", () => {
  it("opens a scheduled report on its opening day, not before", () => {
    expect(reportOpening({ state: "SCHEDULED", opensOn: "2026-11-25" }, "2026-11-24")).toBeNull();
    expect(reportOpening({ state: "SCHEDULED", opensOn: "2026-11-25" }, "2026-11-25")).toBe("OPEN");
    expect(reportOpening({ state: "SCHEDULED", opensOn: "2026-10-01" }, "2026-11-25")).toBe("OPEN");
  });

  it("opens on 29 February in a leap year", () => {
    expect(reportOpening({ state: "SCHEDULED", opensOn: "2028-02-29" }, "2028-02-28")).toBeNull();
    expect(reportOpening({ state: "SCHEDULED", opensOn: "2028-02-29" }, "2028-02-29")).toBe("OPEN");
  });

  it("changes only scheduled reports", () => {
    for (const state of ["OPEN", "DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED", "CANCELLED"])
      expect(reportOpening({ state, opensOn: "2026-01-01" }, "2026-11-25")).toBeNull();
  });
});

describe("isImportedTerm", () => {
  const imported = { importedAt: new Date("2024-01-01T00:00:00Z") };
  it("is an imported centre's term that nobody proposed in the registry", () => {
    expect(isImportedTerm(imported, { proposedById: null })).toBe(true);
    expect(isImportedTerm(imported, undefined)).toBe(true);
  });
  it("is not a term the registry designated, nor any term of a centre created in the registry", () => {
    expect(isImportedTerm(imported, { proposedById: 7 })).toBe(false);
    expect(isImportedTerm({ importedAt: null }, { proposedById: null })).toBe(false);
    expect(isImportedTerm({ importedAt: null }, undefined)).toBe(false);
  });
});
