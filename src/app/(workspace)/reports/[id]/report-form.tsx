"use client";

import { startTransition, useActionState, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";

import { FormMessage } from "@/components/forms/error-summary";
import { Field } from "@/components/forms/field";
import {
  sectionFields,
  type OutputKind,
  type ProgressStatus,
  type SectionField,
} from "@/domain/annual-report";
import { initialFormState, type FormState } from "@/domain/form-state";
import { saveStatusText } from "@/hooks/autosave";
import { useAutosave } from "@/hooks/use-autosave";
import { useHydrated } from "@/hooks/use-hydrated";
import { fill } from "@/i18n/fill";
import { autosaveReportAction, reportFormAction } from "@/server/commands/report/actions";

import { ActivityFields, reportInputClass } from "./activity-fields";
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from "./local-draft";
import {
  fieldLabels,
  toFlat,
  toFormData,
  toModel,
  type FormActivity,
  type OutputRow,
  type ReportFormModel,
} from "./report-form-model";

export type { FormActivity } from "./report-form-model";

/** The form's words in the page's language, from the server (placeholders in braces). */
export type ReportFormWords = {
  formLabel: string;
  /** "Error: ", read before a field's errors. */
  errorLabel: string;
  progressHeading: string;
  closingHeading: string;
  /** `{number}`, `{title}`. */
  activity: string;
  progress: string;
  narrative: string;
  outputs: string;
  progressStatus: Record<ProgressStatus, string>;
  outputKind: Record<OutputKind, string>;
  section: Record<SectionField, string>;
  draftSaved: string;
  notSavedYet: string;
  /** `{when}`. */
  restorePrompt: string;
  restore: string;
  discard: string;
  progressIntro: string;
  sectionHint: string;
  saveDraft: string;
  submit: string;
  pleaseWait: string;
  statusIdle: string;
  statusSaving: string;
  /** `{time}`. */
  statusSaved: string;
  statusRetry: string;
  /** `{message}`. */
  statusFailed: string;
  /** `{number}`; the output ones `{row}` too. */
  errorProgress: string;
  errorNarrative: string;
  errorOutputType: string;
  errorOutputTitle: string;
  errorOutputLink: string;
  choose: string;
  narrativeHint: string;
  outputsHint: string;
  /** `{row}`. */
  outputType: string;
  outputTitle: string;
  outputLink: string;
  remove: string;
  /** `{row}`, `{number}`. */
  removeWhich: string;
  add: string;
  /** `{number}`. */
  addWhere: string;
};

type Props = {
  reportId: number;
  version: number;
  idempotencyKey: string;
  activities: FormActivity[];
  /** The draft as stored, as form fields. */
  stored: Record<string, string>;
  words: ReportFormWords;
  /** Dates and times on this device in the page's language (English is British). */
  dateLocale: string;
};

/**
 * The annual report form for the centre's staff. Without JavaScript it is a
 * plain form with "Save draft" and "Submit report". With JavaScript every
 * change is autosaved (useAutosave: kept on this device at once, saved to the
 * server shortly after, retried when it fails) and both buttons go through
 * the autosave first.
 */
export function ReportForm({
  reportId,
  version,
  idempotencyKey,
  activities,
  stored,
  words,
  dateLocale,
}: Props) {
  const router = useRouter();
  const [formState, formAction, pending] = useActionState(reportFormAction, initialFormState);
  // Without JavaScript the page comes back with the posted values after an error.
  const echoed = formState.status === "error" ? formState.values : null;
  const [model, setModel] = useState<ReportFormModel>(() => toModel({ ...stored, ...echoed }, activities));
  const [errors, setErrors] = useState<Record<string, string[]>>(() => formState.fieldErrors ?? {});
  const [outcome, setOutcome] = useState<FormState>(formState);
  const hydrated = useHydrated();
  // A new outcome of "Save draft" / "Submit report" replaces the shown one (adjusted while rendering).
  const [seen, setSeen] = useState(formState);
  if (seen !== formState) {
    setSeen(formState);
    if (formState.status !== "idle") {
      setOutcome(formState);
      setErrors(formState.fieldErrors ?? {});
    }
  }
  const summaryRef = useRef<HTMLDivElement>(null);
  const labels = useMemo(() => fieldLabels(activities, words), [activities, words]);
  const statusWords = {
    idle: words.statusIdle,
    saving: words.statusSaving,
    saved: words.statusSaved,
    retry: words.statusRetry,
    failed: words.statusFailed,
  };

  const autosave = useAutosave({
    version,
    initialValues: toFlat(model, activities),
    send: (values, base) =>
      autosaveReportAction(toFormData({ reportId: String(reportId), version: String(base), ...values })),
    deviceCopy: {
      read: () => readLocalDraft(reportId),
      write: (copy) => writeLocalDraft(reportId, copy),
      clear: () => clearLocalDraft(reportId),
    },
    onRestore: (values) => changed(toModel(values, activities)),
    onSaved: (answer) => {
      // The first save of an open or returned report makes it a draft: show the page's new state.
      if (answer.stateChanged) router.refresh();
      setErrors((previous) => (Object.keys(previous).length ? {} : previous));
    },
    // Refused (a field over its limit, someone else's change, the lock): say why, next to the field.
    onRefused: (answer) => {
      if (answer.fieldErrors) setErrors(answer.fieldErrors);
    },
  });

  function changed(next: ReportFormModel, field?: string) {
    setModel(next);
    if (field) setErrors((previous) => (previous[field] ? { ...previous, [field]: [] } : previous));
    autosave.changed(toFlat(next, activities));
  }
  const setField = (name: string, value: string) =>
    changed({ ...model, fields: { ...model.fields, [name]: value } }, name);
  const setRows = (activityId: number, rows: OutputRow[], field?: string) =>
    changed({ ...model, outputs: { ...model.outputs, [activityId]: rows } }, field);
  const errorsOf = (name: string) => errors[name]?.filter(Boolean);

  // A refused submission: the error summary takes the focus, so the person hears what is missing.
  useEffect(() => {
    if (formState.status === "error") summaryRef.current?.querySelector<HTMLElement>("[role=alert]")?.focus();
  }, [formState]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    // With JavaScript both buttons go through the autosave path, which keeps the version current.
    event.preventDefault();
    const intent = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value;
    const savedAll = await autosave.save();
    if (intent !== "submit") {
      if (savedAll) setOutcome({ status: "success", message: words.draftSaved });
      return;
    }
    if (!savedAll) {
      setOutcome({
        status: "error",
        message: words.notSavedYet,
      });
      return;
    }
    const latest = autosave.latest();
    const submission = { reportId: String(reportId), version: String(latest.version), idempotencyKey };
    startTransition(() => formAction(toFormData({ ...submission, intent: "submit", ...latest.values })));
  }

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      aria-label={words.formLabel}
      className="space-y-8"
      data-testid="report-form"
    >
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div ref={summaryRef}>
        <FormMessage state={outcome} labels={labels} />
      </div>
      {autosave.status.kind === "restore" && (
        <div className="space-y-2 rounded-md border-s-4 border-amber-600 bg-amber-50 p-4 text-amber-950">
          <p>
            {fill(words.restorePrompt, {
              when: new Date(autosave.status.writtenAt).toLocaleString(dateLocale),
            })}
          </p>
          <div className="flex gap-3">
            <button
              type="button"
              onClick={autosave.restore}
              className="rounded-md bg-brand-700 px-3 py-1.5 text-white"
            >
              {words.restore}
            </button>
            <button
              type="button"
              onClick={autosave.discard}
              className="rounded-md border border-slate-400 bg-white px-3 py-1.5"
            >
              {words.discard}
            </button>
          </div>
        </div>
      )}

      <section aria-labelledby="progress-heading" className="space-y-4">
        <h2 id="progress-heading" className="text-xl font-semibold">
          {words.progressHeading}
        </h2>
        <p className="text-muted">{words.progressIntro}</p>
        {activities.map((activity, index) => (
          <ActivityFields
            key={activity.id}
            activity={activity}
            index={index}
            fields={model.fields}
            rows={model.outputs[activity.id] ?? []}
            errorsOf={errorsOf}
            hydrated={hydrated}
            words={words}
            setField={setField}
            setRows={(rows, field) => setRows(activity.id, rows, field)}
          />
        ))}
      </section>

      <section aria-labelledby="closing-heading" className="space-y-4">
        <h2 id="closing-heading" className="text-xl font-semibold">
          {words.closingHeading}
        </h2>
        {sectionFields.map((field) => (
          <Field
            key={field}
            name={field}
            label={words.section[field]}
            hint={words.sectionHint}
            errors={errorsOf(field)}
            errorLabel={words.errorLabel}
          >
            {(props) => (
              <textarea
                {...props}
                name={field}
                rows={4}
                value={model.fields[field] ?? ""}
                onChange={(event) => setField(field, event.target.value)}
                className={reportInputClass}
              />
            )}
          </Field>
        ))}
      </section>

      <div className="sticky bottom-0 flex flex-wrap items-center gap-4 border-t border-slate-200 bg-white/95 py-4">
        <button
          type="submit"
          name="intent"
          value="save"
          className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-ink hover:bg-slate-50"
        >
          {words.saveDraft}
        </button>
        <button
          type="submit"
          name="intent"
          value="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {pending ? words.pleaseWait : words.submit}
        </button>
        <p role="status" aria-live="polite" className="text-sm text-muted" data-testid="save-status">
          {hydrated ? saveStatusText(autosave.status, statusWords, dateLocale) : ""}
        </p>
      </div>
    </form>
  );
}
