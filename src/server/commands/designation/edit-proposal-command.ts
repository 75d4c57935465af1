import "server-only";

import { fromIsoDate, toIsoDate } from "@/domain/dates";
import {
  editProposal,
  eligibilityOf,
  proposalEditSchema,
  type ProposalEditInput,
} from "@/domain/designation-proposal";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";
import { prisma } from "@/server/db/client";

import { CommandError, type Command } from "../run-command";
import { readableDesignationFacts } from "./load-designation";
import { DesignationConflict } from "./transition-command";

/**
 * The institution a changed name points to, like the proposal's own rule: an
 * institution of the centre's country with that name (case-insensitive) is
 * reused, otherwise one is created. A change of case renames the
 * centre's own institution, split off first when other centres share it.
 */
async function institutionFor(
  tx: Prisma.TransactionClient,
  centreId: number,
  countryId: number,
  current: { id: number; name: string } | null,
  name: string,
  department: string | null,
): Promise<number> {
  const existing = await tx.institution.findFirst({
    where: { countryId, name: { equals: name, mode: "insensitive" } },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (existing && current && existing.id === current.id) {
    if (await sharedWithOtherCentres(tx, current.id, centreId)) {
      return (await tx.institution.create({ data: { name, department, countryId }, select: { id: true } }))
        .id;
    }
    await tx.institution.update({
      where: { id: current.id },
      data: { name, version: { increment: 1 } },
    });
    return current.id;
  }
  if (existing) return existing.id;
  const created = await tx.institution.create({
    data: { name, department, countryId },
    select: { id: true },
  });
  return created.id;
}

/** Institutions are shared by name: another centre's record (and its issued letters) must not change. */
async function sharedWithOtherCentres(
  tx: Prisma.TransactionClient,
  institutionId: number,
  centreId: number,
): Promise<boolean> {
  return (await tx.centre.count({ where: { institutionId, id: { not: centreId } } })) > 0;
}

/** The department belongs to this centre's institution row; a shared row is split off first. */
async function withDepartment(
  tx: Prisma.TransactionClient,
  institutionId: number,
  centreId: number,
  department: string | null,
): Promise<number> {
  if (await sharedWithOtherCentres(tx, institutionId, centreId)) {
    const shared = await tx.institution.findUniqueOrThrow({
      where: { id: institutionId },
      select: { name: true, countryId: true, address: true, city: true, postalCode: true, website: true },
    });
    return (await tx.institution.create({ data: { ...shared, department }, select: { id: true } })).id;
  }
  await tx.institution.update({
    where: { id: institutionId },
    data: { department, version: { increment: 1 } },
  });
  return institutionId;
}

/**
 * The officer corrects a draft proposal (permission
 * "designation.edit-proposal": the responsible officer or an administrator,
 * DRAFT only). The reference number and country stay: the number was taken
 * from the country's sequence. Compare-and-set on the designation's and the
 * centre's versions; the audit row names the parts that changed.
 */
export const editProposalCommand: Command<ProposalEditInput> = {
  name: "designation.edit-proposal",
  permission: "designation.edit-proposal",
  schema: proposalEditSchema,
  resource: (input, viewer) => readableDesignationFacts(input.designationId, viewer),
  async handle({ viewer, input, meta, role }) {
    if (!viewer) throw new CommandError("Sign in again to continue.");
    const unit = await prisma.unit.findUnique({ where: { id: input.unitId }, select: { id: true } });
    if (!unit)
      throw new CommandError("Check the highlighted fields.", { unitId: ["Choose a unit from the list."] });
    const department = input.department ? input.department : null;
    try {
      return await prisma.$transaction(async (tx) => {
        const designation = await tx.designation.findUniqueOrThrow({
          where: { id: input.designationId },
          select: {
            state: true,
            kind: true,
            version: true,
            eligibility: true,
            jointWorkStart: true,
            jointWorkEnd: true,
            centre: {
              select: {
                id: true,
                version: true,
                title: true,
                unitId: true,
                initiator: true,
                countryId: true,
                institution: { select: { id: true, name: true, department: true } },
              },
            },
          },
        });
        if (designation.version !== input.version) throw new DesignationConflict(null);
        const { centre } = designation;
        const result = editProposal(
          {
            state: designation.state,
            kind: designation.kind,
            institutionName: centre.institution?.name ?? null,
            department: centre.institution?.department ?? null,
            title: centre.title,
            unitId: centre.unitId,
            initiator: centre.initiator,
            jointWorkStart: designation.jointWorkStart ? toIsoDate(designation.jointWorkStart) : null,
            jointWorkEnd: designation.jointWorkEnd ? toIsoDate(designation.jointWorkEnd) : null,
            eligibility: designation.eligibility,
          },
          input,
        );
        if (!result.ok) throw new CommandError(result.message);
        if (result.changed.length === 0) return { message: "Nothing changed." };

        const bumped = await tx.designation.updateMany({
          where: { id: input.designationId, version: input.version, state: "DRAFT", kind: "INITIAL" },
          data: {
            eligibility: eligibilityOf(input),
            jointWorkStart: fromIsoDate(input.jointWorkStart),
            jointWorkEnd: fromIsoDate(input.jointWorkEnd),
            version: { increment: 1 },
          },
        });
        if (bumped.count === 0) throw new DesignationConflict(null);
        let institutionId = result.changed.includes("institutionName")
          ? await institutionFor(
              tx,
              centre.id,
              centre.countryId,
              centre.institution,
              input.institutionName,
              department,
            )
          : (centre.institution?.id ?? null);
        if (institutionId && result.changed.includes("department")) {
          institutionId = await withDepartment(tx, institutionId, centre.id, department);
        }
        const moved = await tx.centre.updateMany({
          where: { id: centre.id, version: centre.version },
          data: {
            title: input.title,
            unitId: input.unitId,
            initiator: input.initiator,
            institutionId,
            version: { increment: 1 },
          },
        });
        if (moved.count === 0) throw new DesignationConflict(null);
        await recordAudit(tx, {
          actor: { id: viewer.id, role },
          action: "designation.edit-proposal",
          entity: { type: "Designation", id: input.designationId },
          meta,
          details: { centreId: centre.id, changed: result.changed },
        });
        return { message: "Proposal saved." };
      });
    } catch (error) {
      if (error instanceof DesignationConflict) {
        const current = await prisma.designation.findUnique({
          where: { id: input.designationId },
          select: { state: true },
        });
        throw new DesignationConflict(current?.state ?? null);
      }
      throw error;
    }
  },
};
