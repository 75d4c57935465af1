import "server-only";

import {
  reportPermission,
  reportTransition,
  reviewSchemas,
  type AcceptInput,
  type ReturnInput,
} from "@/domain/annual-report";
import { returnAnchor } from "@/domain/comment-anchor";
import { problem } from "@/domain/problem";
import { changeRecord } from "../change-record";
import type { Command } from "../command";
import { reportRecords } from "./load-report";
import { notifyReport } from "./notify-report";
import { reportFactsFor } from "./write-report";

type ReviewAction = "accept" | "return";

/**
 * The officer's review of a submitted report: accept, or return with a note
 * the centre sees next to the report (a CENTRE comment anchored to the
 * return). Through the write path: compare-and-set on (id, version,
 * SUBMITTED), the comment, the audit row and the centre's mail in one
 * transaction; a repeated request with the same idempotency key is answered
 * like the first.
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
    permission: reportPermission(action),
    schema,
    resource: (input, viewer) => reportFactsFor(input, viewer, name),
    handle: (context) => {
      const { viewer, input } = context;
      const note = effects.note?.(input);
      return changeRecord(context, reportRecords, {
        action: name,
        id: input.reportId,
        version: input.version,
        key: input.idempotencyKey,
        rule: (report) => reportTransition(action, report.state),
        data: () => ({ reviewedAt: new Date(), reviewedById: viewer.id }),
        async write(tx, report) {
          if (!note) return null;
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
          return comment.id;
        },
        audit: (report, _decision, { result: commentId }) => ({
          details: {
            centreId: report.centre.id,
            yearNumber: report.yearNumber,
            ...(commentId ? { commentId } : {}),
          },
        }),
        notify: (tx, report) => notifyReport(tx, report, action === "accept" ? "accepted" : "returned", note),
        message: effects.message,
      });
    },
  };
}

export const acceptReportCommand = reviewCommand<AcceptInput>("accept", reviewSchemas.accept, {
  message: problem("reportAccepted"),
});

export const returnReportCommand = reviewCommand<ReturnInput>("return", reviewSchemas.return, {
  note: (input) => (input as ReturnInput).note,
  message: problem("reportReturned"),
});
