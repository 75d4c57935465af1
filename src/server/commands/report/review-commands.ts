import "server-only";

import {
  reportTransition,
  reportTransitions,
  reviewSchemas,
  type AcceptInput,
  type ReturnInput,
} from "@/domain/annual-report";
import { returnAnchor } from "@/domain/comment-anchor";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";
import { prisma } from "@/server/db/client";
import { deliverOutbox } from "@/server/mail/deliver-outbox";

import { answerOnce, claimKey } from "../idempotency";
import { CommandError, type Command } from "../command";
import { loadReport } from "./load-report";
import { notifyReport } from "./notify-report";
import {
  explainConflict,
  keyedReport,
  reportFactsFor,
  reportReplay,
  REPORT_TRANSACTION,
  ReportConflict,
} from "./write-report";

type ReviewAction = "accept" | "return";

/**
 * The officer's review of a submitted report: accept, or return with a note
 * the centre sees next to the report (a CENTRE comment anchored to the
 * return). Compare-and-set on (id, version, SUBMITTED), the comment, the
 * audit row and the centre's mail in one transaction; a repeated request
 * with the same idempotency key is answered like the first.
 */
function reviewCommand<I extends AcceptInput | ReturnInput>(
  action: ReviewAction,
  schema: Command<I>["schema"],
  effects: {
    note?: (input: I) => string;
    message: string;
  },
): Command<I> {
  const name = `report.${action}` as const;
  return {
    name,
    permission: reportTransitions[action].permission,
    schema,
    resource: (input, viewer) => reportFactsFor(input, viewer, name),
    async handle({ viewer, input, meta, role }) {
      const request = keyedReport(input.idempotencyKey, viewer.id, name);
      const answer = await answerOnce(request, reportReplay(input.reportId), async () => {
        const report = await loadReport(prisma, input.reportId);
        if (!report) throw new CommandError("We could not find that, or you do not have access to it.");
        if (report.version !== input.version) throw new ReportConflict(report.state);
        const result = reportTransition(action, report.state);
        if (!result.ok) throw new CommandError(result.message);
        const now = new Date();
        const note = effects.note?.(input);
        const answer = { message: effects.message, from: report.state };
        try {
          await prisma.$transaction(async (tx) => {
            const updated = await tx.annualReport.updateMany({
              where: { id: report.id, version: input.version, state: report.state },
              data: {
                state: result.to,
                stateChangedAt: now,
                reviewedAt: now,
                reviewedById: viewer.id,
                version: { increment: 1 },
              },
            });
            if (updated.count === 0) throw new ReportConflict(null);
            const details: Prisma.InputJsonObject = {
              centreId: report.centre.id,
              yearNumber: report.yearNumber,
            };
            if (note) {
              const comment = await tx.comment.create({
                data: {
                  reportId: report.id,
                  authorId: viewer.id,
                  visibility: "CENTRE",
                  anchor: returnAnchor(report.state),
                  body: note,
                },
                select: { id: true },
              });
              Object.assign(details, { commentId: comment.id });
            }
            await claimKey(tx, request, { ...answer, reportId: report.id });
            await recordAudit(tx, {
              actor: { id: viewer.id, role },
              action: name,
              entity: { type: "AnnualReport", id: report.id },
              from: report.state,
              to: result.to,
              meta,
              details,
            });
            await notifyReport(tx, report, action === "accept" ? "accepted" : "returned", note);
          }, REPORT_TRANSACTION);
        } catch (error) {
          if (error instanceof ReportConflict) await explainConflict(report.id);
          throw error;
        }
        void deliverOutbox(prisma).catch((error: unknown) => console.error("[mail]", error));
        return answer;
      });
      return { message: answer.message };
    },
  };
}

export const acceptReportCommand = reviewCommand<AcceptInput>("accept", reviewSchemas.accept, {
  message: "Report accepted. The centre has been told.",
});

export const returnReportCommand = reviewCommand<ReturnInput>("return", reviewSchemas.return, {
  note: (input) => (input as ReturnInput).note,
  message: "Report returned to the centre with your note.",
});
