import "server-only";

import {
  lockedMessage,
  lockedReportStates,
  mergeDraft,
  missingForSubmit,
  reportFormSchema,
  reportTransition,
  reportTransitions,
  sectionFields,
  unknownActivities,
  type ReportFormInput,
} from "@/domain/annual-report";
import { recordAudit } from "@/server/audit/record-audit";
import { prisma } from "@/server/db/client";
import { deliverOutbox } from "@/server/mail/deliver-outbox";

import { answerOnce, claimKey } from "../idempotency";
import { CommandError, type Command } from "../command";
import { loadReport, type LoadedReport } from "./load-report";
import { notifyReport } from "./notify-report";
import {
  explainConflict,
  keyedReport,
  reportFactsFor,
  reportReplay,
  REPORT_TRANSACTION,
  ReportConflict,
  writeActivities,
} from "./write-report";

const NOT_FOUND = "We could not find that, or you do not have access to it.";
const lock = { states: lockedReportStates, message: lockedMessage };

async function loadChecked(input: ReportFormInput): Promise<LoadedReport> {
  const report = await loadReport(prisma, input.reportId);
  if (!report) throw new CommandError(NOT_FOUND);
  const unknown = unknownActivities(
    input.draft,
    report.workPlan.map((activity) => activity.id),
  );
  if (unknown.length)
    throw new CommandError("This form has fields it should not have. Reload the page.", {
      form: ["This form names activities that are not in this report's work plan."],
    });
  if (report.version !== input.version) throw new ReportConflict(report.state);
  return report;
}

/** `stateChanged`: this save moved the report (OPEN or RETURNED → DRAFT), so the page's state badge is out of date. */
export type SavedDraft = { version: number; savedAt: Date; stateChanged: boolean };

/**
 * Saves what the draft names (a partial save: only the activities and
 * sections posted), as often as the autosave sends it. Compare-and-set on
 * the report's version; the new version goes back to the browser
 * (`onSaved`), so the next save from the same tab is never a false conflict.
 */
export function saveDraftCommand(onSaved?: (saved: SavedDraft) => void): Command<ReportFormInput> {
  return {
    name: "report.save-draft",
    permission: reportTransitions["save-draft"].permission,
    schema: reportFormSchema,
    resource: (input, viewer) => reportFactsFor(input, viewer, null, lock),
    async handle({ viewer, input, meta, role }) {
      const report = await loadChecked(input);
      const result = reportTransition("save-draft", report.state);
      if (!result.ok) throw new CommandError(result.message);
      const now = new Date();
      const changed = result.to !== report.state;
      try {
        await prisma.$transaction(async (tx) => {
          const updated = await tx.annualReport.updateMany({
            where: { id: report.id, version: input.version, state: report.state },
            data: {
              // Only the allow-listed sections the save names (the schema refuses any other field).
              ...Object.fromEntries(
                sectionFields
                  .filter((field) => field in input.draft.sections)
                  .map((field) => [field, input.draft.sections[field] ?? null]),
              ),
              state: result.to,
              ...(changed ? { stateChangedAt: now } : {}),
              version: { increment: 1 },
            },
          });
          if (updated.count === 0) throw new ReportConflict(null);
          await writeActivities(tx, report.id, input.draft.activities);
          await recordAudit(tx, {
            actor: { id: viewer.id, role },
            action: "report.save-draft",
            entity: { type: "AnnualReport", id: report.id },
            // A transition only when the state moves (OPEN or RETURNED → DRAFT).
            from: changed ? report.state : null,
            to: changed ? result.to : null,
            meta,
            details: {
              centreId: report.centre.id,
              activities: Object.keys(input.draft.activities).length,
              sections: Object.keys(input.draft.sections),
            },
          });
        }, REPORT_TRANSACTION);
      } catch (error) {
        if (error instanceof ReportConflict) await explainConflict(report.id);
        throw error;
      }
      onSaved?.({ version: input.version + 1, savedAt: now, stateChanged: changed });
      return { message: "Draft saved." };
    },
  };
}

export const SUBMITTED_MESSAGE = "Report submitted. It is now locked while WHO reviews it.";

/**
 * Submits the report: the posted form is merged into the saved draft, the
 * whole must be complete (every activity's status and narrative, every
 * closing section), then the content, the lock (SUBMITTED), the audit row and
 * the officer's mail are written in one transaction. An incomplete report
 * stores nothing and comes back with what is missing, at each field.
 */
export const submitReportCommand: Command<ReportFormInput> = {
  name: "report.submit",
  permission: reportTransitions.submit.permission,
  schema: reportFormSchema,
  resource: (input, viewer) => reportFactsFor(input, viewer, "report.submit", lock),
  async handle({ viewer, input, meta, role }) {
    const request = keyedReport(input.idempotencyKey, viewer.id, "report.submit");
    const answer = await answerOnce(request, reportReplay(input.reportId), async () => {
      const report = await loadChecked(input);
      const result = reportTransition("submit", report.state);
      if (!result.ok) throw new CommandError(result.message);
      const content = mergeDraft(report.content, input.draft);
      const missing = missingForSubmit(content, report.workPlan);
      const count = Object.keys(missing).length;
      if (count)
        throw new CommandError(
          `The report is not complete: ${count} ${count === 1 ? "answer is" : "answers are"} missing. Nothing was submitted; your text is kept.`,
          missing,
        );
      const now = new Date();
      const answer = { message: SUBMITTED_MESSAGE, from: report.state };
      try {
        await prisma.$transaction(async (tx) => {
          const updated = await tx.annualReport.updateMany({
            where: { id: report.id, version: input.version, state: report.state },
            data: {
              ...Object.fromEntries(sectionFields.map((field) => [field, content.sections[field]])),
              state: result.to,
              stateChangedAt: now,
              submittedAt: now,
              submittedById: viewer.id,
              version: { increment: 1 },
            },
          });
          if (updated.count === 0) throw new ReportConflict(null);
          await writeActivities(tx, report.id, input.draft.activities);
          await claimKey(tx, request, { ...answer, reportId: report.id });
          await recordAudit(tx, {
            actor: { id: viewer.id, role },
            action: "report.submit",
            entity: { type: "AnnualReport", id: report.id },
            from: report.state,
            to: result.to,
            meta,
            details: { centreId: report.centre.id, yearNumber: report.yearNumber },
          });
          await notifyReport(tx, report, "submitted");
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
