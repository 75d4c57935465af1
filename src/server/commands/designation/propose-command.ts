import "server-only";

import { redirect } from "next/navigation";

import { fromIsoDate } from "@/domain/dates";
import {
  eligibilityOf,
  institutionRecord,
  proposalSchema,
  type ProposalInput,
} from "@/domain/designation-proposal";
import { problem } from "@/domain/problem";
import { recordAudit } from "@/server/audit/record-audit";
import { takeReferenceNumber } from "@/server/centres/take-reference-number";
import { prisma } from "@/server/db/client";
import {
  createInstitution,
  sameNameInstitution,
  writeCentreInstitution,
} from "@/server/institutions/centre-institution";

import { CommandError, type Command } from "../command";

/**
 * A new proposal: the country's next reference number (incremented in the
 * same transaction, so two proposals never get the same one and numbers are
 * never reused), the institution (a new record, or — only when the proposer
 * chose it after being shown it — the record of an institution of that
 * country with the same name), the centre in PROPOSED with the proposer as
 * its responsible officer, and the designation as a DRAFT.
 */
export const proposeCommand: Command<ProposalInput> = {
  name: "designation.propose",
  permission: "designation.propose",
  schema: proposalSchema,
  async handle({ viewer, input, meta, role }) {
    const [country, unit] = await Promise.all([
      prisma.country.findUnique({ where: { id: input.countryId }, select: { id: true } }),
      prisma.unit.findUnique({ where: { id: input.unitId }, select: { id: true } }),
    ]);
    const fieldErrors: Record<string, string[]> = {};
    if (!country) fieldErrors.countryId = [problem("chooseCountryFromList")];
    if (!unit) fieldErrors.unitId = [problem("chooseUnitFromList")];
    if (Object.keys(fieldErrors).length) throw new CommandError(problem("checkFields"), fieldErrors);
    const designationId = await prisma.$transaction(async (tx) => {
      const numbered = await takeReferenceNumber(tx, { id: input.countryId });
      const match = await sameNameInstitution(tx, numbered.countryId, input.institutionName);
      const record = institutionRecord(input.institutionChoice, input.institutionShared, match);
      // Rolled back: the number is not used up, what was typed comes back with the question.
      if (record.use === "ask")
        throw new CommandError(problem("checkFields"), record.fieldErrors, record.values);
      const institutionId =
        record.use === "existing"
          ? record.id
          : await createInstitution(tx, numbered.countryId, {
              name: input.institutionName,
              department: input.department || null,
            });
      const centre = await tx.centre.create({
        data: {
          reference: numbered.reference,
          referenceNumber: numbered.referenceNumber,
          title: input.title,
          status: "PROPOSED",
          initiator: input.initiator,
          countryId: numbered.countryId,
          regionId: numbered.regionId,
          institutionId,
          responsibleOfficerId: viewer.id,
          unitId: input.unitId,
        },
        select: { id: true, reference: true },
      });
      // Sharing a record with another department: this centre's own copy (never the shared row).
      if (record.use === "existing" && input.department && input.department !== match?.department)
        await writeCentreInstitution(tx, centre.id, { department: input.department });
      const designation = await tx.designation.create({
        data: {
          centreId: centre.id,
          kind: "INITIAL",
          state: "DRAFT",
          proposedById: viewer.id,
          eligibility: eligibilityOf(input),
          jointWorkStart: fromIsoDate(input.jointWorkStart),
          jointWorkEnd: fromIsoDate(input.jointWorkEnd),
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action: "designation.propose",
        entity: { type: "Designation", id: designation.id },
        to: "DRAFT",
        meta,
        details: {
          centreId: centre.id,
          reference: centre.reference,
          institutionId,
          sharedInstitution: record.use === "existing",
        },
      });
      return designation.id;
    });
    redirect(`/designations/${designationId}`);
  },
};
