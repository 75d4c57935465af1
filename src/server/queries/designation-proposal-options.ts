import "server-only";

import { initiators } from "@/domain/designation-proposal";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { authorize } from "@/server/policy/authorize";

/** The choices of the proposal form, for a viewer who may propose. */
export async function proposalOptions(viewer: Viewer) {
  await authorize(viewer, "designation.propose");
  const [countries, units] = await Promise.all([
    prisma.country.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.unit.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return {
    countries: countries.map((country) => ({ value: String(country.id), label: country.name })),
    units: units.map((unit) => ({ value: String(unit.id), label: unit.name })),
    initiators: initiators.map((code) => ({ value: code, label: code === "HQ" ? "WHO headquarters" : code })),
  };
}
