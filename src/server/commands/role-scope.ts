import "server-only";

import { z } from "zod";

import { roles, type Role } from "@/domain/permissions";
import { problem } from "@/domain/problem";
import { prisma } from "@/server/db/client";

import { CommandError } from "./command";

/** A role with the scope it needs, as typed in the form (region code, unit code, centre reference). */
export const roleFields = {
  role: z.enum(roles, problem("chooseRole")),
  region: z.string().trim().max(10).optional(),
  unit: z.string().trim().max(20).optional(),
  centre: z.string().trim().toUpperCase().max(20).optional(),
};

export type ResolvedScope = {
  role: Role;
  regionId: number | null;
  unitId: number | null;
  centreId: number | null;
};

/** Resolves the scope a role needs; a missing or unknown one is an error on its field. */
export async function resolveScope(input: {
  role: Role;
  region?: string;
  unit?: string;
  centre?: string;
}): Promise<ResolvedScope> {
  const scope: ResolvedScope = { role: input.role, regionId: null, unitId: null, centreId: null };
  if (input.role === "FOCAL_POINT") {
    const region = input.region
      ? await prisma.region.findUnique({ where: { code: input.region }, select: { id: true } })
      : null;
    if (!region) throw new CommandError(problem("focalPointRegion"), { region: [problem("chooseRegion")] });
    scope.regionId = region.id;
  }
  if (input.role === "UNIT_HEAD") {
    const unit = input.unit
      ? await prisma.unit.findUnique({ where: { code: input.unit }, select: { id: true } })
      : null;
    if (!unit) throw new CommandError(problem("unitHeadUnit"), { unit: [problem("chooseUnit")] });
    scope.unitId = unit.id;
  }
  if (input.role === "CENTRE_STAFF") {
    const centre = input.centre
      ? await prisma.centre.findUnique({ where: { reference: input.centre }, select: { id: true } })
      : null;
    if (!centre) {
      throw new CommandError(problem("centreReferenceMissing"), { centre: [problem("centreReferenceHint")] });
    }
    scope.centreId = centre.id;
  }
  return scope;
}
