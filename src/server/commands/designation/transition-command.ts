import "server-only";

import { returnAnchor } from "@/domain/comment-anchor";
import { toIsoDate } from "@/domain/dates";
import {
  designationInputSchemas,
  designationPermission,
  transition,
  type DesignationAction,
  type DesignationInput,
} from "@/domain/designation";
import type { Prisma } from "@/generated/prisma/client";

import { changeRecord } from "../change-record";
import type { Command } from "../command";
import { designationRecords, readableDesignationFacts, type LoadedDesignation } from "./load-designation";
import { notifyNext } from "./notify-next";

export type TransitionEffects<A extends DesignationAction> = {
  /** Extra designation columns the transition sets (never copied from the form wholesale). */
  data?: (
    input: DesignationInput<A>,
    context: { now: Date; actorId: number },
  ) => Prisma.DesignationUncheckedUpdateManyInput;
  /** A comment written with a return (every return carries one). */
  comment?: (input: DesignationInput<A>) => { body: string; visibility: "INTERNAL" | "CENTRE" } | null;
  /** Further writes in the same transaction (the centre on a decision or a withdrawal). */
  after?: (
    tx: Prisma.TransactionClient,
    designation: LoadedDesignation,
    input: DesignationInput<A>,
    now: Date,
  ) => Promise<void>;
  /** What the audit row keeps besides from → to (reasons, dates; never free personal data). */
  details?: (input: DesignationInput<A>) => Prisma.InputJsonObject;
  message: string;
};

/**
 * One life-cycle action as a command: permission from the one table, the
 * strict schema of the domain, then the write path (changeRecord): the
 * domain's transition and guards, compare-and-set on (id, version, state),
 * the return's comment, the audit row and the mail to whoever acts next, all
 * in one transaction.
 */
export function transitionCommand<A extends DesignationAction>(
  action: A,
  effects: TransitionEffects<A>,
): Command<DesignationInput<A>> {
  return {
    name: `designation.${action}`,
    permission: designationPermission(action),
    schema: designationInputSchemas[action] as unknown as Command<DesignationInput<A>>["schema"],
    resource: (input, viewer) => readableDesignationFacts(input.designationId, viewer),
    async handle(context) {
      const { viewer, input } = context;
      const now = new Date();
      const comment = effects.comment?.(input);
      return changeRecord(context, designationRecords, {
        action: `designation.${action}`,
        id: input.designationId,
        version: input.version,
        rule: (designation) =>
          transition(action, designation.facts, input, { actorId: viewer.id, today: toIsoDate(now) }),
        data: () => effects.data?.(input, { now, actorId: viewer.id }) ?? {},
        async write(tx, designation) {
          if (comment) {
            await tx.comment.create({
              data: {
                designationId: designation.id,
                authorId: viewer.id,
                anchor: returnAnchor(designation.state),
                ...comment,
              },
            });
          }
          await effects.after?.(tx, designation, input, now);
        },
        audit: (designation) => ({
          details: { centreId: designation.centre.id, ...effects.details?.(input) },
        }),
        notify: (tx, designation, { to }) =>
          notifyNext(tx, designation, to, comment?.visibility === "CENTRE" ? comment.body : undefined),
        message: effects.message,
      });
    },
  };
}
