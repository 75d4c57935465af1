import { z } from "zod";

import { admin, officer, staff } from "./grants";
import { stepFrom, stepNamesOf, type LifeCycleStep, type StepName } from "./life-cycle";
import { problem } from "./problem";

// The annual report (docs/domain.md §6) as data: its life cycle as one table
// (who may take which step from which state), the form's fields with their
// limits, and the "what is missing" check of a submission. Pure: the server
// loads the report and its work plan and passes them in.

export const reportStates = [
  "SCHEDULED",
  "OPEN",
  "DRAFT",
  "SUBMITTED",
  "RETURNED",
  "ACCEPTED",
  "CANCELLED",
] as const;
export type ReportState = (typeof reportStates)[number];

export const reportStateLabels: Record<ReportState, string> = {
  SCHEDULED: "Not open yet",
  OPEN: "Open",
  DRAFT: "Draft",
  SUBMITTED: "Submitted for review",
  RETURNED: "Returned for changes",
  ACCEPTED: "Accepted",
  CANCELLED: "Cancelled",
};

/** The states in which the centre may still change the report. */
export const editableReportStates: readonly ReportState[] = ["OPEN", "DRAFT", "RETURNED"];
/** Submitting locks the report: nothing the centre sends changes it in these states. */
export const lockedReportStates: readonly ReportState[] = ["SUBMITTED", "ACCEPTED"];

/**
 * The report's life cycle. Saving moves an open or returned report to DRAFT
 * (RETURNED → DRAFT → SUBMITTED); a submission may also come straight from
 * OPEN or RETURNED, because it carries the whole form and so saves it on the
 * way. The responsible officer reviews: accept, or return with a note.
 */
export const reportLifeCycle = [
  { action: "report.save-draft", from: editableReportStates, to: "DRAFT", who: [admin, staff] },
  { action: "report.submit", from: editableReportStates, to: "SUBMITTED", who: [admin, staff] },
  { action: "report.accept", from: ["SUBMITTED"], to: "ACCEPTED", who: [admin, officer] },
  { action: "report.return", from: ["SUBMITTED"], to: "RETURNED", who: [admin, officer] },
] as const satisfies readonly LifeCycleStep<ReportState>[];

export type ReportPermission = (typeof reportLifeCycle)[number]["action"];
/** A step by its short name (`accept` for `report.accept`). */
export type ReportAction = StepName<ReportPermission>;
export const reportActions = stepNamesOf(reportLifeCycle);

/** The permission (and audit name) of a step: `report.accept` for `accept`. */
export function reportPermission<A extends ReportAction>(action: A): `report.${A}` {
  return `report.${action}`;
}

export type ReportTransitionResult = { ok: true; to: ReportState } | { ok: false; message: string };

/** The state `action` leads to from `from`, or a message saying why it cannot be done now. */
export function reportTransition(action: ReportAction, from: ReportState): ReportTransitionResult {
  const step = stepFrom(reportLifeCycle, reportPermission(action), from);
  if (step) return { ok: true, to: step.to };
  if ((action === "save-draft" || action === "submit") && lockedReportStates.includes(from))
    return { ok: false, message: lockedMessage };
  if (from === "SCHEDULED") return { ok: false, message: problem("reportNotOpen") };
  if (from === "CANCELLED") return { ok: false, message: problem("reportCancelled") };
  return { ok: false, message: problem("notAtThisStage") };
}

export const lockedMessage = problem("reportLocked");

// ── the form ──

export const progressStatuses = ["NOT_STARTED", "ONGOING", "COMPLETED", "CANCELLED"] as const;
export type ProgressStatus = (typeof progressStatuses)[number];

export const outputKinds = ["PUBLICATION", "EVENT", "TRAINING"] as const;
export type OutputKind = (typeof outputKinds)[number];

export const sectionFields = [
  "resourcesUsed",
  "collaboration",
  "difficulties",
  "suggestions",
  "useOfWhoName",
] as const;
export type SectionField = (typeof sectionFields)[number];

export const REPORT_LIMITS = {
  narrative: 10_000,
  section: 5_000,
  outputTitle: 300,
  outputUrl: 500,
  outputsPerActivity: 20,
  activities: 200,
} as const;

export type ReportOutputInput = { kind: OutputKind; title: string; url: string | null };
export type ActivityProgressInput = {
  status: ProgressStatus | null;
  narrative: string | null;
  outputs: ReportOutputInput[];
};
/** The report's content: activities by work-plan activity id, the closing sections. */
export type ReportContent = {
  activities: Record<number, ActivityProgressInput>;
  sections: Record<SectionField, string | null>;
};
/** A save: only the activities and sections it names are changed (a partial draft). */
export type ReportDraft = {
  activities: Record<number, ActivityProgressInput>;
  sections: Partial<Record<SectionField, string | null>>;
};

// Field names of the form, shared by the page, the browser's autosave and
// the server: flat, so that an error comes back keyed by the field's own name.
export const activityField = (activityId: number, part: "status" | "narrative") =>
  `activity-${activityId}-${part}`;
export const outputField = (activityId: number, index: number, part: "kind" | "title" | "url") =>
  `activity-${activityId}-output-${index}-${part}`;

const activityFieldPattern = /^activity-(\d{1,9})-(status|narrative)$/;
const outputFieldPattern = /^activity-(\d{1,9})-output-(\d{1,2})-(kind|title|url)$/;
const idPattern = /^\d{1,9}$/;
const idempotencyKeyPattern = /^[A-Za-z0-9_-]{16,64}$/;

const tooLong = (max: number) => problem("tooLong", { max });

/** Whether `value` is an absolute http(s) address (never javascript: or data:). */
export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

export type ReportFormInput = {
  reportId: number;
  version: number;
  idempotencyKey?: string;
  draft: ReportDraft;
};

type RawOutput = { kind?: string; title?: string; url?: string };

/**
 * The report form as the browser posts it (flat string fields, also from the
 * autosave), checked against an allow-list of field names and limits. Every
 * error is keyed by the field's name; unknown fields are refused. Empty
 * output rows (no title, no link) are dropped: that is how a row is removed
 * without JavaScript.
 */
export const reportFormSchema: z.ZodType<ReportFormInput, Record<string, string>> = z
  .record(z.string(), z.string())
  .transform((raw, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const activities = new Map<
      number,
      { status?: string; narrative?: string; outputs: Map<number, RawOutput> }
    >();
    const sections: Partial<Record<SectionField, string | null>> = {};
    let reportId: number | null = null;
    let version: number | null = null;
    let idempotencyKey: string | undefined;
    const activity = (id: number) => {
      let entry = activities.get(id);
      if (!entry) activities.set(id, (entry = { outputs: new Map() }));
      return entry;
    };
    for (const [key, value] of Object.entries(raw)) {
      if (key === "reportId" || key === "version") {
        if (!idPattern.test(value.trim()) || Number(value) < 1) issue(key, problem("formOutOfDate"));
        else if (key === "reportId") reportId = Number(value);
        else version = Number(value);
        continue;
      }
      if (key === "idempotencyKey") {
        if (!idempotencyKeyPattern.test(value)) issue(key, problem("formOutOfDate"));
        else idempotencyKey = value;
        continue;
      }
      if ((sectionFields as readonly string[]).includes(key)) {
        const text = value.trim();
        if (text.length > REPORT_LIMITS.section) issue(key, tooLong(REPORT_LIMITS.section));
        sections[key as SectionField] = text === "" ? null : text;
        continue;
      }
      const activityMatch = activityFieldPattern.exec(key);
      if (activityMatch) {
        const entry = activity(Number(activityMatch[1]));
        if (activityMatch[2] === "status") {
          if (value !== "" && !(progressStatuses as readonly string[]).includes(value))
            issue(key, problem("chooseProgressStatus"));
          entry.status = value;
        } else {
          if (value.trim().length > REPORT_LIMITS.narrative) issue(key, tooLong(REPORT_LIMITS.narrative));
          entry.narrative = value;
        }
        continue;
      }
      const outputMatch = outputFieldPattern.exec(key);
      if (outputMatch && Number(outputMatch[2]) < REPORT_LIMITS.outputsPerActivity) {
        const outputs = activity(Number(outputMatch[1])).outputs;
        const index = Number(outputMatch[2]);
        const row = outputs.get(index) ?? {};
        row[outputMatch[3] as keyof RawOutput] = value;
        outputs.set(index, row);
        continue;
      }
      issue("form", problem("unexpectedFields"));
    }
    if (reportId === null && !("reportId" in raw)) issue("reportId", problem("formOutOfDate"));
    if (version === null && !("version" in raw)) issue("version", problem("formOutOfDate"));
    if (activities.size > REPORT_LIMITS.activities) issue("form", problem("tooManyActivities"));

    const draft: ReportDraft = { activities: {}, sections };
    for (const [activityId, entry] of activities) {
      const outputs: ReportOutputInput[] = [];
      for (const index of [...entry.outputs.keys()].sort((a, b) => a - b)) {
        const row = entry.outputs.get(index)!;
        const title = (row.title ?? "").trim();
        const url = (row.url ?? "").trim();
        const kind = row.kind ?? "";
        if (title === "" && url === "") continue; // an empty row: nothing to keep
        const field = (part: "kind" | "title" | "url") => outputField(activityId, index, part);
        if (!(outputKinds as readonly string[]).includes(kind))
          issue(field("kind"), problem("chooseOutputKind"));
        if (title === "") issue(field("title"), problem("outputTitleMissing"));
        else if (title.length > REPORT_LIMITS.outputTitle)
          issue(field("title"), tooLong(REPORT_LIMITS.outputTitle));
        if (url.length > REPORT_LIMITS.outputUrl) issue(field("url"), tooLong(REPORT_LIMITS.outputUrl));
        else if (url !== "" && !isWebAddress(url)) issue(field("url"), problem("outputUrlInvalid"));
        outputs.push({ kind: kind as OutputKind, title, url: url === "" ? null : url });
      }
      const narrative = (entry.narrative ?? "").trim();
      draft.activities[activityId] = {
        status: entry.status ? (entry.status as ProgressStatus) : null,
        narrative: narrative === "" ? null : narrative,
        outputs,
      };
    }
    return { reportId: reportId ?? 0, version: version ?? 0, idempotencyKey, draft };
  });

/** A save replaces the activities and sections it names and keeps the rest. */
export function mergeDraft(stored: ReportContent, draft: ReportDraft): ReportContent {
  const sections = { ...stored.sections };
  for (const field of sectionFields)
    if (field in draft.sections) sections[field] = draft.sections[field] ?? null;
  return { activities: { ...stored.activities, ...draft.activities }, sections };
}

/** Activity ids the draft names that are not in the report's work plan. */
export function unknownActivities(draft: ReportDraft, workPlan: readonly number[]): number[] {
  const known = new Set(workPlan);
  return Object.keys(draft.activities)
    .map(Number)
    .filter((id) => !known.has(id));
}

/**
 * What a submission still lacks, keyed by field: every work-plan activity
 * needs a progress status and a narrative, and every closing section must be
 * filled. Empty when the report can be submitted.
 */
export function missingForSubmit(
  content: ReportContent,
  workPlan: readonly { id: number; title: string }[],
): Record<string, string[]> {
  const missing: Record<string, string[]> = {};
  for (const { id, title } of workPlan) {
    const progress = content.activities[id];
    if (!progress?.status) missing[activityField(id, "status")] = [problem("progressStatusFor", { title })];
    if (!progress?.narrative)
      missing[activityField(id, "narrative")] = [problem("progressNarrativeFor", { title })];
  }
  for (const field of sectionFields) {
    if (!content.sections[field]) missing[field] = [problem("fillInSection", { section: field })];
  }
  return missing;
}

/** The content as form fields: what the page renders and the browser keeps a copy of. */
export function flattenReportContent(content: ReportContent): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [id, progress] of Object.entries(content.activities)) {
    const activityId = Number(id);
    values[activityField(activityId, "status")] = progress.status ?? "";
    values[activityField(activityId, "narrative")] = progress.narrative ?? "";
    progress.outputs.forEach((output, index) => {
      values[outputField(activityId, index, "kind")] = output.kind;
      values[outputField(activityId, index, "title")] = output.title;
      values[outputField(activityId, index, "url")] = output.url ?? "";
    });
  }
  for (const field of sectionFields) values[field] = content.sections[field] ?? "";
  return values;
}

// ── review ──

export const RETURN_NOTE_MAX = 4_000;
const id = z.coerce.number().int().positive();

export const reviewSchemas = {
  accept: z
    .object({
      reportId: id,
      version: id,
      idempotencyKey: z.string().regex(idempotencyKeyPattern).optional(),
    })
    .strict(),
  return: z
    .object({
      reportId: id,
      version: id,
      idempotencyKey: z.string().regex(idempotencyKeyPattern).optional(),
      note: z
        .string()
        .trim()
        .min(1, problem("enterCentreChange"))
        .max(RETURN_NOTE_MAX, tooLong(RETURN_NOTE_MAX)),
    })
    .strict(),
} as const;
export type AcceptInput = z.infer<(typeof reviewSchemas)["accept"]>;
export type ReturnInput = z.infer<(typeof reviewSchemas)["return"]>;
