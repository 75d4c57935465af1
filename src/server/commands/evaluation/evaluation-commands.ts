import "server-only";

import { toIsoDate } from "@/domain/dates";
import {
  completeContent,
  draftContent,
  evaluationFormSchema,
  evaluationTransition,
  type EvaluationAction,
  type EvaluationContent,
  type EvaluationState,
  type EvaluationForm,
} from "@/domain/evaluation";
import { problem } from "@/domain/problem";
import type { Prisma } from "@/generated/prisma/client";
import { evaluationCompletedMail } from "@/server/mail/compose";
import { enqueueMail } from "@/server/mail/enqueue-mail";
import { recipientSelect, uniqueRecipients } from "@/server/mail/recipient";

import { changeRecord, type Verdict } from "../change-record";
import type { Command } from "../command";
import { factsAsFirstAuthorized } from "../idempotency";
import {
  evaluationFactsOf,
  evaluationRecords,
  readableEvaluationTerm,
  type EvaluationTerm,
} from "./load-evaluation";

type Mode = "save" | "complete";

const messages: Record<Mode, string> = {
  save: problem("draftSaved"),
  complete: problem("evaluationCompleted"),
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
    select: recipientSelect,
  });
  for (const person of uniqueRecipients(focalPoints)) {
    await enqueueMail(tx, {
      kind: "evaluation.completed",
      to: person.email,
      ...evaluationCompletedMail(person.locale, {
        designationId: term.id,
        reference: term.centre.reference,
        title: term.centre.title,
        recommendation: content.recommendation,
      }),
    });
  }
}

function evaluationCommand(mode: Mode): Command<EvaluationForm> {
  const action: EvaluationAction = mode === "save" ? "evaluation.save-draft" : "evaluation.complete";
  const request = (input: EvaluationForm, userId: number) => ({
    key: input.idempotencyKey,
    userId,
    action,
    subject: input.designationId,
  });
  return {
    name: action,
    permission: action,
    schema: evaluationFormSchema,
    async resource(input, viewer) {
      const term = await readableEvaluationTerm(input.designationId, viewer);
      const facts = evaluationFactsOf(term);
      // A repeat of a submission that already took effect is judged in the state
      // the first one was (a draft): it only gets the first one's answer back.
      return viewer ? (await factsAsFirstAuthorized(facts, request(input, viewer.id))).facts : facts;
    },
    handle: (context) => {
      const { viewer, input } = context;
      const now = new Date();
      return changeRecord(context, evaluationRecords, {
        action,
        id: input.designationId,
        version: input.version,
        key: input.idempotencyKey,
        rule(term): Verdict<{ to: EvaluationState; content: EvaluationContent }> {
          const step = evaluationTransition(action, {
            termEnd: term.termEnd ? toIsoDate(term.termEnd) : null,
            today: toIsoDate(now),
            state: term.evaluation?.state ?? null,
          });
          if (!step.ok) return step;
          const checked = mode === "save" ? draftContent(input) : completeContent(input);
          if (!checked.ok)
            return { ok: false, message: problem("checkFields"), fieldErrors: checked.fieldErrors };
          return { ok: true, to: step.to, content: checked.content };
        },
        data: (_term, { content }) => ({
          recommendation: content.recommendation,
          justification: content.justification,
          completedAt: mode === "complete" ? now : null,
          authorId: viewer.id,
        }),
        write: (tx, _term, { content }, evaluationId) => writeScores(tx, evaluationId, content),
        audit: (term, { content }) => ({
          from: term.evaluation?.state ?? null,
          details: {
            centreId: term.centre.id,
            designationId: term.id,
            ...(content.recommendation ? { recommendation: content.recommendation } : {}),
          },
        }),
        notify:
          mode === "complete" ? (tx, term, { content }) => notifyFocalPoints(tx, term, content) : undefined,
        message: messages[mode],
      });
    },
  };
}

export const saveEvaluationCommand = evaluationCommand("save");
export const completeEvaluationCommand = evaluationCommand("complete");
