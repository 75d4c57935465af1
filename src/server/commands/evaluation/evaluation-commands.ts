import "server-only";

import { toIsoDate } from "@/domain/dates";
import {
  completeContent,
  draftContent,
  evaluationFormSchema,
  evaluationWritable,
  recommendationLabels,
  type EvaluationContent,
  type EvaluationForm,
} from "@/domain/evaluation";
import type { Action } from "@/domain/permissions";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";
import { appUrl } from "@/server/auth/tokens";
import { prisma } from "@/server/db/client";
import { deliverOutbox } from "@/server/mail/deliver-outbox";
import { enqueueMail } from "@/server/mail/enqueue-mail";

import { answerOnce, claimKey, isUniqueViolation, storedResult, type KeyedRequest } from "../idempotency";
import { CommandError, ConflictError, type Command } from "../command";
import { loadEvaluationTerm, readableEvaluationTerm, type EvaluationTerm } from "./load-evaluation";

type Mode = "save" | "complete";

const messages: Record<Mode, string> = {
  save: "Draft saved.",
  complete: "Evaluation completed. The region's focal point has been told.",
};

/** Writes the scores: one row per scored criterion; criteria left empty lose their row. */
async function writeScores(tx: Prisma.TransactionClient, evaluationId: number, content: EvaluationContent) {
  await tx.evaluationScore.deleteMany({
    where: {
      evaluationId,
      criterion: { notIn: content.scores.map((score) => score.criterion) },
    },
  });
  for (const score of content.scores) {
    await tx.evaluationScore.upsert({
      where: { evaluationId_criterion: { evaluationId, criterion: score.criterion } },
      create: { evaluationId, ...score },
      update: { score: score.score, comment: score.comment, version: { increment: 1 } },
    });
  }
}

/** The region's focal points hear that the evaluation is complete (the regional review may need it). */
async function notifyFocalPoints(
  tx: Prisma.TransactionClient,
  term: EvaluationTerm,
  content: EvaluationContent,
) {
  const focalPoints = await tx.user.findMany({
    where: { disabledAt: null, roles: { some: { role: "FOCAL_POINT", regionId: term.centre.regionId } } },
    select: { email: true },
  });
  const recommendation = content.recommendation ? recommendationLabels[content.recommendation] : "—";
  for (const email of new Set(focalPoints.map((user) => user.email))) {
    await enqueueMail(tx, {
      kind: "evaluation.completed",
      to: email,
      subject: `${term.centre.reference} ${term.centre.title}: final evaluation completed`,
      text: [
        `The final evaluation of ${term.centre.reference} (${term.centre.title}) is complete.`,
        `Recommendation: ${recommendation}.`,
        "",
        `Open it in the registry: ${appUrl()}/evaluations/${term.id}`,
      ].join("\n"),
    });
  }
}

/** The first submission's answer, stored with claimKey, when it was for this term's evaluation. */
const recall = (designationId: number) => (stored: Prisma.JsonObject) =>
  stored.designationId === designationId && typeof stored.message === "string"
    ? { message: stored.message }
    : null;

function evaluationCommand(mode: Mode): Command<EvaluationForm> {
  const permission: Action = mode === "save" ? "evaluation.edit" : "evaluation.complete";
  const action = mode === "save" ? "evaluation.save-draft" : "evaluation.complete";
  const keyed = (input: EvaluationForm, userId: number): KeyedRequest => ({
    key: input.idempotencyKey,
    userId,
    action,
  });
  return {
    name: action,
    permission,
    schema: evaluationFormSchema,
    async resource(input, viewer) {
      const term = await readableEvaluationTerm(input.designationId, viewer);
      // A repeat of a submission that already took effect is judged in the state
      // the first one was (a draft): it only gets the first one's answer back.
      // Only an answer for this term counts: the same key used on another term is no repeat.
      const stored = viewer ? await storedResult(keyed(input, viewer.id)) : null;
      const repeat = stored !== null && recall(input.designationId)(stored) !== null;
      const state = repeat ? "DRAFT" : (term.evaluation?.state ?? "DRAFT");
      return {
        centreId: term.centre.id,
        regionId: term.centre.regionId,
        unitId: term.centre.unitId,
        responsibleOfficerId: term.centre.responsibleOfficerId,
        state,
      };
    },
    async handle({ viewer, input, meta, role }) {
      const request = keyed(input, viewer.id);
      return answerOnce(request, recall(input.designationId), async () => {
        const now = new Date();
        const term = await loadEvaluationTerm(prisma, input.designationId);
        if (!term) throw new CommandError("We could not find that, or you do not have access to it.");
        const current = term.evaluation;
        if ((current?.version ?? 0) !== input.version) throw new ConflictError();
        const writable = evaluationWritable({
          termEnd: term.termEnd ? toIsoDate(term.termEnd) : null,
          today: toIsoDate(now),
          state: current?.state ?? null,
        });
        if (!writable.ok) throw new CommandError(writable.message);
        const checked = mode === "save" ? draftContent(input) : completeContent(input);
        if (!checked.ok) throw new CommandError("Check the highlighted fields.", checked.fieldErrors);
        const { content } = checked;
        const state = mode === "complete" ? "COMPLETED" : "DRAFT";
        try {
          await prisma.$transaction(async (tx) => {
            await claimKey(tx, request, { message: messages[mode], designationId: term.id });
            const data = {
              recommendation: content.recommendation,
              justification: content.justification,
              state,
              completedAt: mode === "complete" ? now : null,
            } as const;
            let evaluationId: number;
            if (!current) {
              // The unique designationId makes a racing first save fail (P2002 → conflict).
              const created = await tx.evaluation.create({
                data: { designationId: term.id, authorId: viewer.id, ...data },
                select: { id: true },
              });
              evaluationId = created.id;
            } else {
              const updated = await tx.evaluation.updateMany({
                where: { id: current.id, version: input.version, state: "DRAFT" },
                data: { ...data, authorId: viewer.id, version: { increment: 1 } },
              });
              if (updated.count === 0) throw new ConflictError();
              evaluationId = current.id;
            }
            await writeScores(tx, evaluationId, content);
            await recordAudit(tx, {
              actor: { id: viewer.id, role },
              action,
              entity: { type: "Evaluation", id: evaluationId },
              from: current?.state ?? null,
              to: state,
              meta,
              details: {
                centreId: term.centre.id,
                designationId: term.id,
                ...(content.recommendation ? { recommendation: content.recommendation } : {}),
              },
            });
            if (mode === "complete") await notifyFocalPoints(tx, term, content);
          });
        } catch (error) {
          // Another change won the race (a copy of this one is answered by answerOnce).
          if (isUniqueViolation(error)) throw new ConflictError();
          throw error;
        }
        if (mode === "complete")
          void deliverOutbox(prisma).catch((error: unknown) => console.error("[mail]", error));
        return { message: messages[mode] };
      });
    },
  };
}

export const saveEvaluationCommand = evaluationCommand("save");
export const completeEvaluationCommand = evaluationCommand("complete");
