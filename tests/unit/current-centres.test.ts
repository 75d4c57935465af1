import { describe, expect, it } from "vitest";

import { centreStatuses, centreStatusLabels, centreStatusMeanings } from "@/domain/centre-status";
import {
  currentCentresFigure,
  currentCentresSearch,
  currentCentresText,
} from "@/domain/directory/current-centres";

describe("currentCentresFigure", () => {
  it("adds every region's Active and Pending centres into one figure", () => {
    expect(
      currentCentresFigure([
        { active: 2, pending: 300 },
        { active: 4, pending: 514 },
        { active: 0, pending: 0 },
      ]),
    ).toEqual({ current: 820, active: 6, pending: 814 });
  });

  it("is zero without regions", () => {
    expect(currentCentresFigure([])).toEqual({ current: 0, active: 0, pending: 0 });
  });
});

describe("currentCentresText", () => {
  it("says both numbers", () => {
    expect(currentCentresText({ current: 1820, active: 6, pending: 1814 })).toEqual({
      current: "1,820 current centres",
      active: "6 active",
      pending: "1,814 pending renewal",
    });
  });

  it("says one centre in the singular", () => {
    expect(currentCentresText({ current: 1, active: 1, pending: 0 }).current).toBe("1 current centre");
  });
});

describe("currentCentresSearch", () => {
  it("links each part of the figure to the search listing those centres", () => {
    expect(currentCentresSearch("current")).toBe("/centres");
    expect(currentCentresSearch("ACTIVE")).toBe("/centres?status=active");
    expect(currentCentresSearch("PENDING", "EURO")).toBe("/centres?region=EURO&status=pending");
    expect(currentCentresSearch("current", "AFRO")).toBe("/centres?region=AFRO");
  });
});

describe("centreStatusMeanings", () => {
  it.each(centreStatuses)("explains %s in a sentence that starts with its label", (status) => {
    expect(centreStatusMeanings[status]).toMatch(new RegExp(`^${centreStatusLabels[status]} means .+\\.$`));
  });
});
