import "server-only";

import { fromIsoDate, toIsoDate } from "@/domain/dates";
import {
  editProposal,
  eligibilityOf,
  institutionRecord,
  proposalEditSchema,
  type ProposalEditInput,
} from "@/domain/designation-proposal";
import { problem } from "@/domain/problem";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";
import { prisma } from "@/server/db/client";
import {
  createInstitution,
  sameNameInstitution,
  writeCentreInstitution,
} from "@/server/institutions/centre-institution";

import { reread } from "../change-record";
import { CommandError, ConflictError, type Command } from "../command";
import { designationRecords, readableDesignationFacts } from "./load-designation";

/**
 * The institution record after a change of name: the centre's own record
 * renamed when only the letter case changes (through writeCentreInstitution,
 * so a shared record is copied first); otherwise, like a new proposal, a new
 * record or — only when the officer chose it after being shown it — the
 * record of an institution of the country with that name.
 */
async function institutionFor(
  tx: Prisma.TransactionClient,
  centre: { id: number; countryId: number; institution: { id: number; name: string } | null },
  input: ProposalEditInput,
  department: string | null,
): Promise<{ id: number; shared: boolean }> {
  const { institution } = centre;
  if (institution && institution.name.toLowerCase() === input.institutionName.toLowerCase()) {
    const renamed = await writeCentreInstitution(tx, centre.id, { name: input.institutionName });
    if (renamed) return { id: renamed, shared: false };
  }
  const record = institutionRecord(
    input.institutionChoice,
    input.institutionShared,
    await sameNameInstitution(tx, centre.countryId, input.institutionName, institution?.id),
  );
  if (record.use === "ask") throw new CommandError(problem("checkFields"), record.fieldErrors, record.values);
  if (record.use === "existing") return { id: record.id, shared: true };
  return {
    id: await createInstitution(tx, centre.countryId, { name: input.institutionName, department }),
    shared: false,
  };
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
    const unit = await prisma.unit.findUnique({ where: { id: input.unitId }, select: { id: true } });
    if (!unit) throw new CommandError(problem("checkFields"), { unitId: [problem("chooseUnitFromList")] });
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
        if (designation.version !== input.version) throw new ConflictError();
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
        if (result.changed.length === 0) return { message: problem("nothingChanged") };

        const bumped = await tx.designation.updateMany({
          where: { id: input.designationId, version: input.version, state: "DRAFT", kind: "INITIAL" },
          data: {
            eligibility: eligibilityOf(input),
            jointWorkStart: fromIsoDate(input.jointWorkStart),
            jointWorkEnd: fromIsoDate(input.jointWorkEnd),
            version: { increment: 1 },
          },
        });
        if (bumped.count === 0) throw new ConflictError();
        const renamed = result.changed.includes("institutionName")
          ? await institutionFor(tx, centre, input, department)
          : null;
        let institutionId = renamed ? renamed.id : (centre.institution?.id ?? null);
        const sharedNow = renamed?.shared === true && department !== null;
        if (institutionId !== centre.institution?.id)
          await tx.centre.update({ where: { id: centre.id }, data: { institutionId } });
        // A shared record chosen just now has its own department: compare with that
        // (writeCentreInstitution writes nothing when it is the same), not the old record's.
        if (institutionId && (result.changed.includes("department") || sharedNow))
          institutionId = (await writeCentreInstitution(tx, centre.id, { department })) ?? institutionId;
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
        if (moved.count === 0) throw new ConflictError();
        await recordAudit(tx, {
          actor: { id: viewer.id, role },
          action: "designation.edit-proposal",
          entity: { type: "Designation", id: input.designationId },
          meta,
          details: { centreId: centre.id, changed: result.changed },
        });
        return { message: problem("proposalSaved") };
      });
    } catch (error) {
      if (error instanceof ConflictError) throw await reread(designationRecords, input.designationId);
      throw error;
    }
  },
};
