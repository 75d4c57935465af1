import "server-only";

import {
  lockedMessage,
  lockedReportStates,
  mergeDraft,
  missingForSubmit,
  reportFormSchema,
  reportPermission,
  reportTransition,
  sectionFields,
  unknownActivities,
  type ReportContent,
  type ReportFormInput,
  type ReportState,
} from "@/domain/annual-report";
import { problem } from "@/domain/problem";
import { changeRecord, type Verdict } from "../change-record";
import type { Command } from "../command";
import { reportRecords, type LoadedReport } from "./load-report";
import { notifyReport } from "./notify-report";
import { reportFactsFor, writeActivities } from "./write-report";

const lock = { states: lockedReportStates, message: lockedMessage };

/** The save's rule: only activities of this report's work plan, in a state the report can be edited in. */
function savable(report: LoadedReport, input: ReportFormInput, action: "save-draft" | "submit") {
  const unknown = unknownActivities(
    input.draft,
    report.workPlan.map((activity) => activity.id),
  );
  if (unknown.length)
    return {
      ok: false as const,
      message: problem("unexpectedFieldsReload"),
      fieldErrors: { form: [problem("unknownActivities")] },
    };
  return reportTransition(action, report.state);
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
    permission: reportPermission("save-draft"),
    schema: reportFormSchema,
    resource: (input, viewer) => reportFactsFor(input, viewer, null, lock),
    async handle(context) {
      const { input } = context;
      const savedAt = new Date();
      let stateChanged = false;
      const answer = await changeRecord(context, reportRecords, {
        action: "report.save-draft",
        id: input.reportId,
        version: input.version,
        rule: (report) => savable(report, input, "save-draft"),
        // Only the allow-listed sections the save names (the schema refuses any other field).
        data: () =>
          Object.fromEntries(
            sectionFields
              .filter((field) => field in input.draft.sections)
              .map((field) => [field, input.draft.sections[field] ?? null]),
          ),
        write: (tx, report, { to }) => {
          stateChanged = to !== report.state;
          return writeActivities(tx, report.id, input.draft.activities);
        },
        audit: (report, { to }) => ({
          // A transition only when the state moves (OPEN or RETURNED → DRAFT).
          from: stateChanged ? report.state : null,
          to: stateChanged ? to : null,
          details: {
            centreId: report.centre.id,
            activities: Object.keys(input.draft.activities).length,
            sections: Object.keys(input.draft.sections),
          },
        }),
        message: problem("draftSaved"),
      });
      onSaved?.({ version: input.version + 1, savedAt, stateChanged });
      return answer;
    },
  };
}

/** Submitting needs the whole report, the posted form merged into the saved draft, complete. */
function submittable(
  report: LoadedReport,
  input: ReportFormInput,
): Verdict<{ to: ReportState; content: ReportContent }> {
  const verdict = savable(report, input, "submit");
  if (!verdict.ok) return verdict;
  const content = mergeDraft(report.content, input.draft);
  const missing = missingForSubmit(content, report.workPlan);
  const count = Object.keys(missing).length;
  if (count)
    return {
      ok: false,
      message: problem("reportIncomplete", { count }),
      fieldErrors: missing,
    };
  return { ok: true, to: verdict.to, content };
}

/**
 * Submits the report: the posted form is merged into the saved draft, the
 * whole must be complete (every activity's status and narrative, every
 * closing section), then the content, the lock (SUBMITTED), the audit row and
 * the officer's mail are written in one transaction. An incomplete report
 * stores nothing and comes back with what is missing, at each field.
 */
export const submitReportCommand: Command<ReportFormInput> = {
  name: "report.submit",
  permission: reportPermission("submit"),
  schema: reportFormSchema,
  resource: (input, viewer) => reportFactsFor(input, viewer, "report.submit", lock),
  handle: (context) => {
    const { viewer, input } = context;
    return changeRecord(context, reportRecords, {
      action: "report.submit",
      id: input.reportId,
      version: input.version,
      key: input.idempotencyKey,
      rule: (report) => submittable(report, input),
      data: (_report, { content }) => ({
        ...Object.fromEntries(sectionFields.map((field) => [field, content.sections[field]])),
        submittedAt: new Date(),
        submittedById: viewer.id,
      }),
      write: (tx, report) => writeActivities(tx, report.id, input.draft.activities),
      audit: (report) => ({ details: { centreId: report.centre.id, yearNumber: report.yearNumber } }),
      notify: (tx, report) => notifyReport(tx, report, "submitted"),
      message: problem("reportSubmitted"),
    });
  },
};
