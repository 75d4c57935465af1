import "server-only";

import type { ResourceFacts } from "@/domain/permissions";
import { prisma } from "@/server/db/client";

/** The centre columns that scope and state conditions read (docs/domain.md §2). */
export const centreScope = {
  id: true,
  regionId: true,
  unitId: true,
  responsibleOfficerId: true,
  status: true,
} as const;

type CentreScope = {
  id: number;
  regionId: number;
  unitId: number | null;
  responsibleOfficerId: number | null;
};

/** A record's centre as the permission table sees it. */
export function scopeOf(centre: CentreScope): Omit<ResourceFacts, "state" | "proposedById"> {
  return {
    centreId: centre.id,
    regionId: centre.regionId,
    unitId: centre.unitId,
    responsibleOfficerId: centre.responsibleOfficerId,
  };
}

/** The scope facts of a centre (its status is the state for centre actions); null when it does not exist. */
export async function centreFacts(centreId: number): Promise<ResourceFacts | null> {
  const centre = await prisma.centre.findUnique({ where: { id: centreId }, select: centreScope });
  return centre ? { ...scopeOf(centre), state: centre.status } : null;
}

export async function centreFactsByReference(reference: string): Promise<ResourceFacts | null> {
  const centre = await prisma.centre.findUnique({ where: { reference }, select: centreScope });
  return centre ? centreFacts(centre.id) : null;
}

/** A designation's facts: its centre's scope and its own state and proposer. */
export async function designationFacts(designationId: number): Promise<ResourceFacts | null> {
  const designation = await prisma.designation.findUnique({
    where: { id: designationId },
    select: { state: true, proposedById: true, centre: { select: centreScope } },
  });
  if (!designation) return null;
  return { ...scopeOf(designation.centre), state: designation.state, proposedById: designation.proposedById };
}

/** An annual report's facts: its centre's scope and its own state. */
export async function reportFacts(reportId: number): Promise<ResourceFacts | null> {
  const report = await prisma.annualReport.findUnique({
    where: { id: reportId },
    select: { state: true, centre: { select: centreScope } },
  });
  if (!report) return null;
  return { ...scopeOf(report.centre), state: report.state };
}
