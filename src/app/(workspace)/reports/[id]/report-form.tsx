"use client";

import {
  startTransition,
  useActionState,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { useRouter } from "next/navigation";

import { FormMessage } from "@/components/forms/error-summary";
import { Field } from "@/components/forms/field";
import {
  activityField,
  outputField,
  outputKindLabels,
  outputKinds,
  progressStatuses,
  progressStatusLabels,
  REPORT_LIMITS,
  sectionFields,
  sectionLabels,
} from "@/domain/annual-report";
import { initialFormState, type FormState } from "@/domain/form-state";
import { autosaveReportAction, reportFormAction } from "@/server/commands/report/actions";

import { clearLocalDraft, readLocalDraft, writeLocalDraft } from "./local-draft";

export type FormActivity = { id: number; title: string; description: string; torLabel: string };

type Props = {
  reportId: number;
  version: number;
  idempotencyKey: string;
  activities: FormActivity[];
  /** The draft as stored, as form fields. */
  stored: Record<string, string>;
};

type OutputRow = { key: string; kind: string; title: string; url: string };
type Model = { fields: Record<string, string>; outputs: Record<number, OutputRow[]> };
type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "retry" }
  | { kind: "failed"; message: string }
  | { kind: "restore"; writtenAt: number };

const AUTOSAVE_DELAY_MS = 1_200;
const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000];
const outputPattern = /^activity-(\d+)-output-(\d+)-(kind|title|url)$/;
const inputClass =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";

const noSubscription = () => () => {};

let rowCounter = 0;
const newRow = (values: Partial<OutputRow> = {}): OutputRow => ({
  key: `row-${(rowCounter += 1)}`,
  kind: values.kind ?? "PUBLICATION",
  title: values.title ?? "",
  url: values.url ?? "",
});
const isBlank = (row: OutputRow) => row.title.trim() === "" && row.url.trim() === "";

/** Form fields → the model: outputs as rows, one blank row at the end of each activity to type into. */
function toModel(flat: Record<string, string>, activities: FormActivity[]): Model {
  const fields: Record<string, string> = {};
  const byActivity = new Map<number, Map<number, Partial<OutputRow>>>();
  for (const [key, value] of Object.entries(flat)) {
    const match = outputPattern.exec(key);
    if (!match) {
      fields[key] = value;
      continue;
    }
    const rows = byActivity.get(Number(match[1])) ?? new Map<number, Partial<OutputRow>>();
    const row = rows.get(Number(match[2])) ?? {};
    row[match[3] as "kind" | "title" | "url"] = value;
    rows.set(Number(match[2]), row);
    byActivity.set(Number(match[1]), rows);
  }
  const outputs: Record<number, OutputRow[]> = {};
  for (const activity of activities) {
    const rows = byActivity.get(activity.id);
    const list = rows ? [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => newRow(row)) : [];
    if (list.length < REPORT_LIMITS.outputsPerActivity && (list.length === 0 || !isBlank(list.at(-1)!)))
      list.push(newRow());
    outputs[activity.id] = list;
  }
  return { fields, outputs };
}

/** The model → the form's fields, exactly as the form without JavaScript would post them. */
function toFlat(model: Model, activities: FormActivity[]): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const activity of activities) {
    for (const part of ["status", "narrative"] as const) {
      const name = activityField(activity.id, part);
      flat[name] = model.fields[name] ?? "";
    }
    (model.outputs[activity.id] ?? []).forEach((row, index) => {
      flat[outputField(activity.id, index, "kind")] = row.kind;
      flat[outputField(activity.id, index, "title")] = row.title;
      flat[outputField(activity.id, index, "url")] = row.url;
    });
  }
  for (const field of sectionFields) flat[field] = model.fields[field] ?? "";
  return flat;
}

function formData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

const clock = (date: Date) => date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });

function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case "idle":
      return "Your draft is saved as you type.";
    case "saving":
      return "Saving…";
    case "saved":
      return `Saved at ${clock(status.at)}`;
    case "retry":
      return "Not saved — will retry. What you typed is kept on this device.";
    case "failed":
      return `Not saved: ${status.message}`;
    case "restore":
      return "";
  }
}

/** Labels for the error summary: which activity, which part. */
function fieldLabels(activities: FormActivity[]): Record<string, string> {
  const labels: Record<string, string> = {};
  activities.forEach((activity, index) => {
    const name = `Activity ${index + 1}`;
    labels[activityField(activity.id, "status")] = `${name}, progress`;
    labels[activityField(activity.id, "narrative")] = `${name}, narrative`;
    for (let row = 0; row < REPORT_LIMITS.outputsPerActivity; row += 1) {
      labels[outputField(activity.id, row, "kind")] = `${name}, output ${row + 1}, type`;
      labels[outputField(activity.id, row, "title")] = `${name}, output ${row + 1}, title`;
      labels[outputField(activity.id, row, "url")] = `${name}, output ${row + 1}, link`;
    }
  });
  for (const field of sectionFields) labels[field] = sectionLabels[field];
  return labels;
}

/**
 * The annual report form for the centre's staff. Without JavaScript it is a
 * plain form with "Save draft" and "Submit report". With JavaScript every
 * change is kept on this device at once and saved to the server shortly
 * after (one save at a time, each carrying the version the previous save
 * returned, so the tab never conflicts with itself); a failed save is
 * retried, and sent again when the connection is back or the page reopens.
 */
export function ReportForm({ reportId, version, idempotencyKey, activities, stored }: Props) {
  const router = useRouter();
  const [formState, formAction, pending] = useActionState(reportFormAction, initialFormState);
  // Without JavaScript the page comes back with the posted values after an error.
  const echoed = formState.status === "error" ? formState.values : null;
  const [model, setModel] = useState<Model>(() => toModel({ ...stored, ...echoed }, activities));
  const [errors, setErrors] = useState<Record<string, string[]>>(() => formState.fieldErrors ?? {});
  const [outcome, setOutcome] = useState<FormState>(formState);
  const [status, setStatus] = useState<SaveStatus>({ kind: "idle" });
  // Buttons that only work with JavaScript appear once it runs.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // A new outcome of "Save draft" / "Submit report" replaces the shown one (adjusted while rendering).
  const [seen, setSeen] = useState(formState);
  if (seen !== formState) {
    setSeen(formState);
    if (formState.status !== "idle") {
      setOutcome(formState);
      setErrors(formState.fieldErrors ?? {});
    }
  }

  const modelRef = useRef(model);
  // Versions only grow: the page's (after a reload or refresh) or the one our own last save returned.
  const versionRef = useRef(version);
  useEffect(() => {
    versionRef.current = Math.max(versionRef.current, version);
  }, [version]);
  const dirty = useRef(false);
  const blocked = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef<() => Promise<boolean>>(async () => true);
  const retries = useRef(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const labels = useMemo(() => fieldLabels(activities), [activities]);

  const persistLocally = useCallback(() => {
    writeLocalDraft(reportId, {
      values: toFlat(modelRef.current, activities),
      baseVersion: versionRef.current,
      writtenAt: Date.now(),
    });
  }, [reportId, activities]);

  /** Sends the current draft if it changed; resolves true when the server has everything. */
  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inFlight.current) await inFlight.current;
    if (!dirty.current) return true;
    if (blocked.current) return false;
    dirty.current = false;
    const retryLater = () => {
      dirty.current = true;
      setStatus({ kind: "retry" });
      const delay = RETRY_DELAYS_MS[Math.min(retries.current, RETRY_DELAYS_MS.length - 1)];
      retries.current += 1;
      timer.current = setTimeout(() => void saveRef.current(), delay);
      return false;
    };
    const values = toFlat(modelRef.current, activities);
    setStatus({ kind: "saving" });
    const attempt = autosaveReportAction(
      formData({ reportId: String(reportId), version: String(versionRef.current), ...values }),
    ).then(
      (result) => {
        if (result.status === "success" && result.version) {
          versionRef.current = Math.max(versionRef.current, result.version);
          retries.current = 0;
          setStatus({ kind: "saved", at: new Date(result.savedAt ?? Date.now()) });
          // The first save of an open or returned report makes it a draft: show the page's new state.
          if (result.stateChanged) router.refresh();
          setErrors((previous) => (Object.keys(previous).length ? {} : previous));
          if (dirty.current) persistLocally();
          else clearLocalDraft(reportId);
          return true;
        }
        if (result.retry) return retryLater();
        // Refused (a field over its limit, someone else's change, the lock): no retry until the next change.
        setStatus({ kind: "failed", message: result.message ?? "Please try again." });
        if (result.fieldErrors) setErrors(result.fieldErrors);
        if (!result.fieldErrors) blocked.current = true;
        return false;
      },
      // The connection failed: keep the change and try again, sooner when the browser is back online.
      () => retryLater(),
    );
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
  }, [activities, persistLocally, reportId, router]);

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const changed = useCallback(
    (next: Model, field?: string) => {
      modelRef.current = next;
      setModel(next);
      dirty.current = true;
      if (field) setErrors((previous) => (previous[field] ? { ...previous, [field]: [] } : previous));
      persistLocally();
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [persistLocally, save],
  );

  // On opening: a copy on this device that never reached the server is restored and sent.
  useEffect(() => {
    const restoreFromDevice = () => {
      const local = readLocalDraft(reportId);
      if (!local) return;
      const current = toFlat(modelRef.current, activities);
      const differs = Object.entries(local.values).some(([key, value]) => (current[key] ?? "") !== value);
      if (!differs) clearLocalDraft(reportId);
      else if (local.baseVersion === versionRef.current) changed(toModel(local.values, activities));
      // The server copy moved on since (another device): ask before replacing it.
      else setStatus({ kind: "restore", writtenAt: local.writtenAt });
    };
    const handle = setTimeout(restoreFromDevice, 0);
    return () => clearTimeout(handle);
    // Once per report page: `changed` and `activities` are fixed for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reportId]);

  useEffect(() => {
    const online = () => {
      if (dirty.current) void save();
    };
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [save]);

  // A refused submission: the error summary takes the focus, so the person hears what is missing.
  useEffect(() => {
    if (formState.status === "error") summaryRef.current?.querySelector<HTMLElement>("[role=alert]")?.focus();
  }, [formState]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    // With JavaScript both buttons go through the autosave path, which keeps the version current.
    event.preventDefault();
    const intent = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value;
    const savedAll = await save();
    if (intent !== "submit") {
      if (savedAll) setOutcome({ status: "success", message: "Draft saved." });
      return;
    }
    if (!savedAll) {
      setOutcome({
        status: "error",
        message:
          "Your latest changes are not saved yet, so the report was not submitted. Try again in a moment.",
      });
      return;
    }
    const values = toFlat(modelRef.current, activities);
    startTransition(() =>
      formAction(
        formData({
          reportId: String(reportId),
          version: String(versionRef.current),
          idempotencyKey,
          intent: "submit",
          ...values,
        }),
      ),
    );
  }

  function restore() {
    const local = readLocalDraft(reportId);
    if (local) changed(toModel(local.values, activities));
  }
  function discard() {
    clearLocalDraft(reportId);
    setStatus({ kind: "idle" });
  }

  const setField = (name: string, value: string) =>
    changed({ ...modelRef.current, fields: { ...modelRef.current.fields, [name]: value } }, name);
  const setRows = (activityId: number, rows: OutputRow[], field?: string) =>
    changed({ ...modelRef.current, outputs: { ...modelRef.current.outputs, [activityId]: rows } }, field);

  const errorProps = (name: string) => errors[name]?.filter(Boolean);

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      noValidate
      aria-label="Annual report"
      className="space-y-8"
      data-testid="report-form"
    >
      <input type="hidden" name="reportId" value={reportId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div ref={summaryRef}>
        <FormMessage state={outcome} labels={labels} />
      </div>
      {status.kind === "restore" && (
        <div className="space-y-2 rounded-md border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-950">
          <p>
            This device has changes you made on {new Date(status.writtenAt).toLocaleString("en-GB")} that were
            not saved, and the report has changed since. Restore them over the saved version?
          </p>
          <div className="flex gap-3">
            <button
              type="button"
              onClick={restore}
              className="rounded-md bg-brand-700 px-3 py-1.5 text-white"
            >
              Restore my changes
            </button>
            <button
              type="button"
              onClick={discard}
              className="rounded-md border border-slate-400 bg-white px-3 py-1.5"
            >
              Discard them
            </button>
          </div>
        </div>
      )}

      <section aria-labelledby="progress-heading" className="space-y-4">
        <h2 id="progress-heading" className="text-xl font-semibold">
          Progress on the work plan
        </h2>
        <p className="text-muted">
          For each activity: how far it got, what was done, and what came out of it (optional, each with a
          link if there is one).
        </p>
        {activities.map((activity, index) => {
          const rows = model.outputs[activity.id] ?? [];
          const status = activityField(activity.id, "status");
          const narrative = activityField(activity.id, "narrative");
          return (
            <fieldset
              key={activity.id}
              className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
              data-testid={`activity-${index + 1}`}
            >
              <legend className="px-1 text-lg font-semibold">
                Activity {index + 1}. {activity.title}
              </legend>
              <p className="text-sm text-muted">
                {activity.torLabel}
                {activity.description ? ` — ${activity.description}` : ""}
              </p>
              <Field name={status} label="Progress" errors={errorProps(status)}>
                {(props) => (
                  <select
                    {...props}
                    name={status}
                    value={model.fields[status] ?? ""}
                    onChange={(event) => setField(status, event.target.value)}
                    className={`${inputClass} max-w-xs`}
                  >
                    <option value="">Choose…</option>
                    {progressStatuses.map((value) => (
                      <option key={value} value={value}>
                        {progressStatusLabels[value]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                name={narrative}
                label="Narrative"
                hint={`What was done this year and what is next. Up to ${REPORT_LIMITS.narrative.toLocaleString("en-GB")} characters.`}
                errors={errorProps(narrative)}
              >
                {(props) => (
                  <textarea
                    {...props}
                    name={narrative}
                    rows={5}
                    value={model.fields[narrative] ?? ""}
                    onChange={(event) => setField(narrative, event.target.value)}
                    className={inputClass}
                  />
                )}
              </Field>
              <fieldset className="space-y-3">
                <legend className="font-medium">Outputs</legend>
                <p className="text-sm text-muted">
                  Publications, events and trainings. To remove one, clear its title and link.
                </p>
                <ol className="space-y-3">
                  {rows.map((row, rowIndex) => {
                    const name = (part: "kind" | "title" | "url") => outputField(activity.id, rowIndex, part);
                    const update = (part: "kind" | "title" | "url", value: string) =>
                      setRows(
                        activity.id,
                        rows.map((other) => (other.key === row.key ? { ...other, [part]: value } : other)),
                        name(part),
                      );
                    return (
                      <li
                        key={row.key}
                        className="grid gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-[10rem_1fr_1fr_auto] md:items-end"
                      >
                        <Field
                          name={name("kind")}
                          label={`Type of output ${rowIndex + 1}`}
                          errors={errorProps(name("kind"))}
                        >
                          {(props) => (
                            <select
                              {...props}
                              name={name("kind")}
                              value={row.kind}
                              onChange={(event) => update("kind", event.target.value)}
                              className={inputClass}
                            >
                              {outputKinds.map((kind) => (
                                <option key={kind} value={kind}>
                                  {outputKindLabels[kind]}
                                </option>
                              ))}
                            </select>
                          )}
                        </Field>
                        <Field
                          name={name("title")}
                          label={`Title of output ${rowIndex + 1}`}
                          errors={errorProps(name("title"))}
                        >
                          {(props) => (
                            <input
                              {...props}
                              name={name("title")}
                              value={row.title}
                              onChange={(event) => update("title", event.target.value)}
                              className={inputClass}
                            />
                          )}
                        </Field>
                        <Field
                          name={name("url")}
                          label={`Link of output ${rowIndex + 1} (optional)`}
                          errors={errorProps(name("url"))}
                        >
                          {(props) => (
                            <input
                              {...props}
                              name={name("url")}
                              type="url"
                              inputMode="url"
                              placeholder="https://"
                              value={row.url}
                              onChange={(event) => update("url", event.target.value)}
                              className={inputClass}
                            />
                          )}
                        </Field>
                        {hydrated && (
                          <button
                            type="button"
                            onClick={() =>
                              setRows(
                                activity.id,
                                rows.filter((other) => other.key !== row.key),
                              )
                            }
                            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
                          >
                            Remove
                            <span className="sr-only">
                              {" "}
                              output {rowIndex + 1} of activity {index + 1}
                            </span>
                          </button>
                        )}
                      </li>
                    );
                  })}
                </ol>
                {hydrated && rows.length < REPORT_LIMITS.outputsPerActivity && (
                  <button
                    type="button"
                    onClick={() => setRows(activity.id, [...rows, newRow()])}
                    className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium"
                  >
                    Add an output<span className="sr-only"> to activity {index + 1}</span>
                  </button>
                )}
              </fieldset>
            </fieldset>
          );
        })}
      </section>

      <section aria-labelledby="closing-heading" className="space-y-4">
        <h2 id="closing-heading" className="text-xl font-semibold">
          Resources, collaboration and use of WHO&apos;s name
        </h2>
        {sectionFields.map((field) => (
          <Field
            key={field}
            name={field}
            label={sectionLabels[field]}
            hint={`Up to ${REPORT_LIMITS.section.toLocaleString("en-GB")} characters.`}
            errors={errorProps(field)}
          >
            {(props) => (
              <textarea
                {...props}
                name={field}
                rows={4}
                value={model.fields[field] ?? ""}
                onChange={(event) => setField(field, event.target.value)}
                className={inputClass}
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
          Save draft
        </button>
        <button
          type="submit"
          name="intent"
          value="submit"
          disabled={pending}
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {pending ? "Please wait…" : "Submit report"}
        </button>
        <p role="status" aria-live="polite" className="text-sm text-muted" data-testid="save-status">
          {hydrated ? statusText(status) : ""}
        </p>
      </div>
    </form>
  );
}
