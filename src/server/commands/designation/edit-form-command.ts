import "server-only";

import type { z } from "zod";

import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";
import { prisma } from "@/server/db/client";

import { readableDesignationFacts } from "./load-designation";
import type { Command } from "../command";
import { DesignationConflict } from "./transition-command";

type Base = { designationId: number; version: number };

/**
 * One save of a part of the designation form: permission
 * "designation.edit-form" (staff while it is with the institution, the
 * officer while it is a draft or with the institution), then the change and
 * an audit row in one transaction that moves the designation's version on by
 * compare-and-set, so a stale tab gets a conflict instead of overwriting.
 */
export function editFormCommand<I extends Base>(
  name: string,
  schema: z.ZodType<I>,
  apply: (tx: Prisma.TransactionClient, input: I) => Promise<Prisma.InputJsonObject>,
  message: string,
): Command<I> {
  return {
    name: `designation.form.${name}`,
    permission: "designation.edit-form",
    schema,
    resource: (input, viewer) => readableDesignationFacts(input.designationId, viewer),
    async handle({ viewer, input, meta, role }) {
      try {
        await prisma.$transaction(async (tx) => {
          const bumped = await tx.designation.updateMany({
            where: { id: input.designationId, version: input.version },
            data: { version: { increment: 1 } },
          });
          if (bumped.count === 0) throw new DesignationConflict(null);
          const details = await apply(tx, input);
          await recordAudit(tx, {
            actor: { id: viewer.id, role },
            action: `designation.form.${name}`,
            entity: { type: "Designation", id: input.designationId },
            meta,
            details,
          });
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
      return { message };
    },
  };
}
