import { describe, expect, it } from "vitest";

import {
  fieldLabels,
  newRow,
  toFlat,
  toFormData,
  toModel,
  type FormActivity,
} from "@/app/(workspace)/reports/[id]/report-form-model";
import { REPORT_LIMITS, sectionFields } from "@/domain/annual-report";

import en from "../../messages/en.json";
import fr from "../../messages/fr.json";

// The catalogue's own sentences: the server passes them with their placeholders left in.
const labelWords = (messages: typeof en) => ({
  ...messages.ReportForm,
  section: messages.ReportWords.section,
});

const activities: FormActivity[] = [
  { id: 11, title: "Framework", description: "", torLabel: "ToR 1: Norms" },
  { id: 12, title: "Training", description: "", torLabel: "ToR 2: Capacity" },
];
const rowsOf = (flat: Record<string, string>, activityId: number) =>
  toModel(flat, activities).outputs[activityId]?.map(({ kind, title, url }) => ({ kind, title, url }));
const blank = { kind: "PUBLICATION", title: "", url: "" };

describe("the report form's model", () => {
  it("puts outputs in rows by their index and leaves one blank row to type into", () => {
    const flat = {
      "activity-11-status": "ONGOING",
      "activity-11-output-1-title": "Webinar",
      "activity-11-output-1-kind": "EVENT",
      "activity-11-output-0-title": "Framework",
      "activity-11-output-0-url": "https://example.org",
    };
    const model = toModel(flat, activities);
    expect(model.fields).toEqual({ "activity-11-status": "ONGOING" });
    expect(rowsOf(flat, 11)).toEqual([
      { kind: "PUBLICATION", title: "Framework", url: "https://example.org" },
      { kind: "EVENT", title: "Webinar", url: "" },
      blank,
    ]);
    expect(rowsOf(flat, 12)).toEqual([blank]);
  });

  it("adds no second blank row, and none beyond the limit of outputs", () => {
    expect(rowsOf({ "activity-11-output-0-title": " " }, 11)).toEqual([{ ...blank, title: " " }]);
    const full: Record<string, string> = {};
    for (let index = 0; index < REPORT_LIMITS.outputsPerActivity; index += 1)
      full[`activity-11-output-${index}-title`] = `Output ${index}`;
    expect(rowsOf(full, 11)).toHaveLength(REPORT_LIMITS.outputsPerActivity);
  });

  it("gives every row its own key, so React keeps each input while rows come and go", () => {
    const keys = [newRow(), newRow(), ...toModel({}, activities).outputs[11]!].map((row) => row.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("posts every field of the form, rows numbered in order, whatever the model leaves out", () => {
    const model = toModel({ "activity-12-narrative": "Done", resourcesUsed: "Two people" }, activities);
    model.outputs[11] = [newRow({ title: "Second" }), newRow({ kind: "TRAINING", title: "Third" })];
    const flat = toFlat(model, activities);
    expect(flat).toMatchObject({
      "activity-11-status": "",
      "activity-11-narrative": "",
      "activity-11-output-0-title": "Second",
      "activity-11-output-1-kind": "TRAINING",
      "activity-12-narrative": "Done",
      "activity-12-output-0-kind": "PUBLICATION",
      resourcesUsed: "Two people",
    });
    for (const field of sectionFields) expect(flat).toHaveProperty(field);
  });

  it("comes back to the same fields from its own flat form", () => {
    const flat = toFlat(
      toModel({ "activity-11-output-0-title": "A", difficulties: "None" }, activities),
      activities,
    );
    expect(toFlat(toModel(flat, activities), activities)).toEqual(flat);
  });

  it("names each field for the error summary by activity and part", () => {
    const labels = fieldLabels(activities, labelWords(en));
    expect(labels["activity-11-status"]).toBe("Activity 1, progress");
    expect(labels["activity-12-narrative"]).toBe("Activity 2, narrative");
    expect(labels["activity-12-output-2-url"]).toBe("Activity 2, output 3, link");
    expect(labels.useOfWhoName).toBe("Use of WHO's name");
    const french = fieldLabels(activities, labelWords(fr));
    expect(french["activity-12-output-2-url"]).toBe("Activité 2, produit 3, lien");
  });

  it("turns values into form data as posted", () => {
    const data = toFormData({ reportId: "7", narrative: "x" });
    expect([...data.entries()]).toEqual([
      ["reportId", "7"],
      ["narrative", "x"],
    ]);
  });
});
