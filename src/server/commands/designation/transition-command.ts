import "server-only";

import { returnAnchor } from "@/domain/comment-anchor";
import { toIsoDate } from "@/domain/dates";
import {
  designationInputSchemas,
  designationStateLabels,
  designationTransitions,
  transition,
  type DesignationAction,
  type DesignationInput,
  type DesignationState,
} from "@/domain/designation";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";
import { prisma } from "@/server/db/client";
import { deliverOutbox } from "@/server/mail/deliver-outbox";

import { CommandError, type Command } from "../command";
import { loadDesignation, readableDesignationFacts, type LoadedDesignation } from "./load-designation";
import { notifyNext } from "./notify-next";

/** The other person's change, named: the loser of a race learns what happened. */
export class DesignationConflict extends CommandError {
  constructor(state: DesignationState | null) {
    super(
      state
        ? `Someone else changed this designation in the meantime; it is now “${designationStateLabels[state]}”. Reload the page to see their change.`
        : "Someone else changed this designation in the meantime. Reload the page to see their change.",
    );
  }
}

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
 * strict schema of the domain, the domain's transition and guards, then
 * compare-and-set on (id, version, state), the audit row and the mail to
 * whoever acts next, all in one transaction.
 */
export function transitionCommand<A extends DesignationAction>(
  action: A,
  effects: TransitionEffects<A>,
): Command<DesignationInput<A>> {
  return {
    name: `designation.${action}`,
    permission: designationTransitions[action].permission,
    schema: designationInputSchemas[action] as unknown as Command<DesignationInput<A>>["schema"],
    resource: (input, viewer) => readableDesignationFacts(input.designationId, viewer),
    async handle({ viewer, input, meta, role }) {
      const now = new Date();
      const designation = await loadDesignation(prisma, input.designationId);
      if (!designation) throw new CommandError("We could not find that, or you do not have access to it.");
      if (designation.version !== input.version) throw new DesignationConflict(designation.state);
      const result = transition(action, designation.facts, input, {
        actorId: viewer.id,
        today: toIsoDate(now),
      });
      if (!result.ok) throw new CommandError(result.message, result.fieldErrors);
      const from = designation.state;
      try {
        await prisma.$transaction(async (tx) => {
          const updated = await tx.designation.updateMany({
            where: { id: designation.id, version: input.version, state: from },
            data: {
              ...effects.data?.(input, { now, actorId: viewer.id }),
              state: result.to,
              stateChangedAt: now,
              version: { increment: 1 },
            },
          });
          if (updated.count === 0) throw new DesignationConflict(null);
          const comment = effects.comment?.(input);
          if (comment) {
            await tx.comment.create({
              data: {
                designationId: designation.id,
                authorId: viewer.id,
                anchor: returnAnchor(from),
                ...comment,
              },
            });
          }
          await effects.after?.(tx, designation, input, now);
          await recordAudit(tx, {
            actor: { id: viewer.id, role },
            action: `designation.${action}`,
            entity: { type: "Designation", id: designation.id },
            from,
            to: result.to,
            meta,
            details: { centreId: designation.centre.id, ...effects.details?.(input) },
          });
          await notifyNext(
            tx,
            designation,
            result.to,
            comment?.visibility === "CENTRE" ? comment.body : undefined,
          );
        });
      } catch (error) {
        if (error instanceof DesignationConflict) {
          const current = await prisma.designation.findUnique({
            where: { id: designation.id },
            select: { state: true },
          });
          throw new DesignationConflict(current?.state ?? null);
        }
        throw error;
      }
      void deliverOutbox(prisma).catch((error: unknown) => console.error("[mail]", error));
      return { message: effects.message };
    },
  };
}
