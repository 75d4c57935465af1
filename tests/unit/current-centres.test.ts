import { describe, expect, it } from "vitest";

import { currentCentresFigure, currentCentresSearch } from "@/domain/directory/current-centres";

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

describe("currentCentresSearch", () => {
  it("links each part of the figure to the search listing those centres", () => {
    expect(currentCentresSearch("current")).toBe("/centres");
    expect(currentCentresSearch("ACTIVE")).toBe("/centres?status=active");
    expect(currentCentresSearch("PENDING", "EURO")).toBe("/centres?region=EURO&status=pending");
    expect(currentCentresSearch("current", "AFRO")).toBe("/centres?region=AFRO");
  });
});
