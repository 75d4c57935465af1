import "server-only";

import { commentSchema, resolveCommentSchema } from "@/domain/designation-form";
import { parseCommentAnchor } from "@/domain/comment-anchor";
import { problem } from "@/domain/problem";
import { recordAudit } from "@/server/audit/record-audit";
import { prisma } from "@/server/db/client";
import { authorize } from "@/server/policy/authorize";

import { readableDesignationFacts } from "./load-designation";
import { CommandError, ConflictError, type Command } from "../command";

type CommentInput = ReturnType<typeof commentSchema.parse>;

const anchorGone = (reason: string) => new CommandError(problem("commentNotSaved"), { anchor: [reason] });

/**
 * A comment on a designation. Writing needs "comment.create" on a
 * designation the viewer can read (staff do not see a draft proposal); an internal comment
 * needs "comment.create-internal", which only WHO roles hold.
 */
export const addCommentCommand: Command<CommentInput> = {
  name: "designation.comment",
  permission: "comment.create",
  schema: commentSchema,
  resource: (input, viewer) => readableDesignationFacts(input.designationId, viewer),
  async handle({ viewer, input, meta, role }) {
    if (input.visibility === "INTERNAL") {
      const facts = await readableDesignationFacts(input.designationId, viewer);
      await authorize(viewer, "comment.create-internal", facts, meta);
    }
    await prisma.$transaction(async (tx) => {
      // Scoped by designation: another designation's item or activity (a tampered anchor) is not found.
      const anchor = parseCommentAnchor(input.anchor);
      if (anchor?.kind === "tor") {
        const item = await tx.termsOfReferenceItem.findFirst({
          where: { id: anchor.torItemId, designationId: input.designationId },
          select: { id: true },
        });
        if (!item) throw anchorGone(problem("torGoneReload"));
      }
      if (anchor?.kind === "activity") {
        const activity = await tx.workPlanActivity.findFirst({
          where: { id: anchor.activityId, designationId: input.designationId },
          select: { id: true },
        });
        if (!activity) throw anchorGone(problem("activityGoneReload"));
      }
      const comment = await tx.comment.create({
        data: {
          designationId: input.designationId,
          authorId: viewer.id,
          visibility: input.visibility,
          anchor: input.anchor ?? null,
          body: input.body,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action: "designation.comment.added",
        entity: { type: "Designation", id: input.designationId },
        meta,
        details: { commentId: comment.id, visibility: input.visibility },
      });
    });
    return { message: problem("commentAdded") };
  },
};

type ResolveInput = ReturnType<typeof resolveCommentSchema.parse>;

export const resolveCommentCommand: Command<ResolveInput> = {
  name: "designation.comment.resolve",
  permission: "comment.resolve",
  schema: resolveCommentSchema,
  resource: (input, viewer) => readableDesignationFacts(input.designationId, viewer),
  async handle({ viewer, input, meta, role }) {
    await prisma.$transaction(async (tx) => {
      // Scoped by designation: a comment id of another designation is not found.
      const updated = await tx.comment.updateMany({
        where: {
          id: input.commentId,
          designationId: input.designationId,
          version: input.version,
          resolvedAt: null,
        },
        data: { resolvedAt: new Date(), resolvedById: viewer.id, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new ConflictError();
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action: "designation.comment.resolved",
        entity: { type: "Designation", id: input.designationId },
        meta,
        details: { commentId: input.commentId },
      });
    });
    return { message: problem("commentResolved") };
  },
};
