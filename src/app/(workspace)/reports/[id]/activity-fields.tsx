import { Field } from "@/components/forms/field";
import {
  activityField,
  outputField,
  outputKinds,
  progressStatuses,
  REPORT_LIMITS,
} from "@/domain/annual-report";
import { fill } from "@/i18n/fill";

import type { ReportFormWords } from "./report-form";
import { newRow, type FormActivity, type OutputRow } from "./report-form-model";

export const reportInputClass =
  "block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";

type Part = "kind" | "title" | "url";

type Props = {
  activity: FormActivity;
  /** Its position in the work plan, from 0. */
  index: number;
  fields: Record<string, string>;
  rows: OutputRow[];
  errorsOf: (name: string) => string[] | undefined;
  /** Whether JavaScript runs: adding and removing rows needs it. */
  hydrated: boolean;
  setField: (name: string, value: string) => void;
  setRows: (rows: OutputRow[], field?: string) => void;
  words: ReportFormWords;
};

/** One activity of the work plan: its progress, its narrative and its outputs. */
export function ActivityFields({
  activity,
  index,
  fields,
  rows,
  errorsOf,
  hydrated,
  setField,
  setRows,
  words,
}: Props) {
  const number = index + 1;
  const status = activityField(activity.id, "status");
  const narrative = activityField(activity.id, "narrative");
  return (
    <fieldset
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      data-testid={`activity-${index + 1}`}
    >
      <legend className="px-1 text-lg font-semibold">
        {fill(words.activity, { number, title: activity.title })}
      </legend>
      <p className="text-sm text-muted">
        {activity.torLabel}
        {activity.description ? ` — ${activity.description}` : ""}
      </p>
      <Field name={status} label={words.progress} errors={errorsOf(status)} errorLabel={words.errorLabel}>
        {(props) => (
          <select
            {...props}
            name={status}
            value={fields[status] ?? ""}
            onChange={(event) => setField(status, event.target.value)}
            className={`${reportInputClass} max-w-xs`}
          >
            <option value="">{words.choose}</option>
            {progressStatuses.map((value) => (
              <option key={value} value={value}>
                {words.progressStatus[value]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name={narrative}
        label={words.narrative}
        hint={words.narrativeHint}
        errors={errorsOf(narrative)}
        errorLabel={words.errorLabel}
      >
        {(props) => (
          <textarea
            {...props}
            name={narrative}
            rows={5}
            value={fields[narrative] ?? ""}
            onChange={(event) => setField(narrative, event.target.value)}
            className={reportInputClass}
          />
        )}
      </Field>
      <fieldset className="space-y-3">
        <legend className="font-medium">{words.outputs}</legend>
        <p className="text-sm text-muted">{words.outputsHint}</p>
        <ol className="space-y-3">
          {rows.map((row, rowIndex) => {
            const name = (part: Part) => outputField(activity.id, rowIndex, part);
            const update = (part: Part, value: string) =>
              setRows(
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
                  label={fill(words.outputType, { row: rowIndex + 1 })}
                  errors={errorsOf(name("kind"))}
                  errorLabel={words.errorLabel}
                >
                  {(props) => (
                    <select
                      {...props}
                      name={name("kind")}
                      value={row.kind}
                      onChange={(event) => update("kind", event.target.value)}
                      className={reportInputClass}
                    >
                      {outputKinds.map((kind) => (
                        <option key={kind} value={kind}>
                          {words.outputKind[kind]}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field
                  name={name("title")}
                  label={fill(words.outputTitle, { row: rowIndex + 1 })}
                  errors={errorsOf(name("title"))}
                  errorLabel={words.errorLabel}
                >
                  {(props) => (
                    <input
                      {...props}
                      name={name("title")}
                      value={row.title}
                      onChange={(event) => update("title", event.target.value)}
                      className={reportInputClass}
                    />
                  )}
                </Field>
                <Field
                  name={name("url")}
                  label={fill(words.outputLink, { row: rowIndex + 1 })}
                  errors={errorsOf(name("url"))}
                  errorLabel={words.errorLabel}
                >
                  {(props) => (
                    <input
                      {...props}
                      name={name("url")}
                      type="url"
                      inputMode="url"
                      // A web address's beginning: the same in every language.
                      // eslint-disable-next-line i18next/no-literal-string
                      placeholder="https://"
                      value={row.url}
                      onChange={(event) => update("url", event.target.value)}
                      className={reportInputClass}
                    />
                  )}
                </Field>
                {hydrated && (
                  <button
                    type="button"
                    onClick={() => setRows(rows.filter((other) => other.key !== row.key))}
                    className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm"
                  >
                    {words.remove}
                    <span className="sr-only">{fill(words.removeWhich, { row: rowIndex + 1, number })}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ol>
        {hydrated && rows.length < REPORT_LIMITS.outputsPerActivity && (
          <button
            type="button"
            onClick={() => setRows([...rows, newRow()])}
            className="rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium"
          >
            {words.add}
            <span className="sr-only">{fill(words.addWhere, { number })}</span>
          </button>
        )}
      </fieldset>
    </fieldset>
  );
}
