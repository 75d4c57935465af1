import type { CentreStatus } from "@/domain/centre-status";

// The directory's headline figure: how many centres are current (the search's
// default set), and how many of those are Active and Pending. The home page,
// the map and the statistics all show it from these functions, so the three
// pages cannot disagree (issue #12: home said "6 active" while the map and
// statistics said "820 current").

/** Current centres of one WHO region, by the two current statuses. */
export type RegionCurrentCentres = {
  code: string;
  name: string;
  office: string;
  active: number;
  pending: number;
};

export type CurrentCentresFigure = { current: number; active: number; pending: number };

/** The headline figure: every region's current centres added up. */
export function currentCentresFigure(
  regions: readonly Pick<RegionCurrentCentres, "active" | "pending">[],
): CurrentCentresFigure {
  const active = regions.reduce((sum, region) => sum + region.active, 0);
  const pending = regions.reduce((sum, region) => sum + region.pending, 0);
  return { current: active + pending, active, pending };
}

/** The search behind each part of the figure, optionally within one region. */
export function currentCentresSearch(
  part: "current" | Extract<CentreStatus, "ACTIVE" | "PENDING">,
  region?: string,
): string {
  const params = new URLSearchParams();
  if (region) params.set("region", region);
  if (part !== "current") params.set("status", part.toLowerCase());
  const query = params.toString();
  return query ? `/centres?${query}` : "/centres";
}
