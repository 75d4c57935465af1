import "server-only";

import type { z } from "zod";

import type { Prisma } from "@/generated/prisma/client";

import { changeRecord } from "../change-record";
import type { Command } from "../command";
import { designationRecords, readableDesignationFacts } from "./load-designation";

type Base = { designationId: number; version: number };

/**
 * One save of a part of the designation form: permission
 * "designation.edit-form" (staff while it is with the institution, the
 * officer while it is a draft or with the institution), then the write path:
 * the change and an audit row in one transaction that moves the
 * designation's version on by compare-and-set (its state stays), so a stale
 * tab gets a conflict instead of overwriting.
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
    handle: (context) =>
      changeRecord(context, designationRecords, {
        action: `designation.form.${name}`,
        id: context.input.designationId,
        version: context.input.version,
        rule: (designation) => ({ ok: true, to: designation.state }),
        data: () => ({}),
        write: (tx) => apply(tx, context.input),
        audit: (_designation, _decision, { result }) => ({ from: null, to: null, details: result }),
        message,
      }),
  };
}
