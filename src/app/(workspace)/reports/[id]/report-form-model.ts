import {
  activityField,
  outputField,
  REPORT_LIMITS,
  sectionFields,
  type SectionField,
} from "@/domain/annual-report";
import { fill } from "@/i18n/fill";

// The report form's values while someone edits them: outputs as rows with
// stable keys (so React keeps focus while rows come and go), everything else
// by field name; and back to the flat fields the form posts.

export type FormActivity = { id: number; title: string; description: string; torLabel: string };
export type OutputRow = { key: string; kind: string; title: string; url: string };
export type ReportFormModel = { fields: Record<string, string>; outputs: Record<number, OutputRow[]> };

const outputPattern = /^activity-(\d+)-output-(\d+)-(kind|title|url)$/;

let rowCounter = 0;
export const newRow = (values: Partial<OutputRow> = {}): OutputRow => ({
  key: `row-${(rowCounter += 1)}`,
  kind: values.kind ?? "PUBLICATION",
  title: values.title ?? "",
  url: values.url ?? "",
});
const isBlank = (row: OutputRow) => row.title.trim() === "" && row.url.trim() === "";

/** Form fields → the model: outputs as rows, one blank row at the end of each activity to type into. */
export function toModel(flat: Record<string, string>, activities: FormActivity[]): ReportFormModel {
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
export function toFlat(model: ReportFormModel, activities: FormActivity[]): Record<string, string> {
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

export function toFormData(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

export type FieldLabelWords = {
  errorProgress: string;
  errorNarrative: string;
  errorOutputType: string;
  errorOutputTitle: string;
  errorOutputLink: string;
  section: Record<SectionField, string>;
};

/** Labels for the error summary: which activity, which part. */
export function fieldLabels(activities: FormActivity[], words: FieldLabelWords): Record<string, string> {
  const labels: Record<string, string> = {};
  activities.forEach((activity, index) => {
    const number = index + 1;
    labels[activityField(activity.id, "status")] = fill(words.errorProgress, { number });
    labels[activityField(activity.id, "narrative")] = fill(words.errorNarrative, { number });
    for (let row = 0; row < REPORT_LIMITS.outputsPerActivity; row += 1) {
      const at = { number, row: row + 1 };
      labels[outputField(activity.id, row, "kind")] = fill(words.errorOutputType, at);
      labels[outputField(activity.id, row, "title")] = fill(words.errorOutputTitle, at);
      labels[outputField(activity.id, row, "url")] = fill(words.errorOutputLink, at);
    }
  });
  for (const field of sectionFields) labels[field] = words.section[field];
  return labels;
}
