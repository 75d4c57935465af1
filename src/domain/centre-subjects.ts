import { z } from "zod";

import type { DesignationFacts } from "./designation";
import type { Verdict } from "./evaluation";
import { problem } from "./problem";

// A centre designated through the registry is a full member of the directory
// (issue #12 item 2, decision 0025): its staff choose its subjects on the
// designation form, one to three from the reference list, in order (the
// first is the main subject); its types of activity follow from the work
// plan when it is designated (workPlanActivityTypes).

export const maxCentreSubjects = 3;

/**
 * Whether a designation's form chooses the centre's subjects. Only a first
 * designation's does: a redesignation keeps the subjects the centre has from
 * its previous designation, so its form neither offers nor needs them.
 */
export function formChoosesSubjects(kind: DesignationFacts["kind"]): Verdict {
  switch (kind) {
    case "INITIAL":
      return { ok: true };
    case "REDESIGNATION":
      return { ok: false, message: problem("redesignationKeepsSubjects") };
    default:
      return kind satisfies never;
  }
}

/** The form's subject fields: subject1 (the main subject), subject2, subject3. */
const subjectField = /^subject(\d{1,2})$/;
const position = (key: string) => Number(subjectField.exec(key)?.[1]);

const id = z.coerce.number().int().positive();

/**
 * The subjects part of the designation form. The choices arrive as fields
 * subject1…subjectN (empty = not chosen) and are gathered in field order, so
 * zero or more than three choices get a message of their own rather than a
 * bare "unexpected field". Whether the ids are in the reference list is the
 * command's check (it reads the list).
 */
export const centreSubjectsSchema = z.preprocess(
  (raw) => {
    if (typeof raw !== "object" || raw === null) return raw;
    const rest: Record<string, unknown> = {};
    const chosen: { key: string; value: string }[] = [];
    for (const [key, value] of Object.entries(raw)) {
      if (!subjectField.test(key)) rest[key] = value;
      else if (typeof value !== "string" || value.trim() !== "") chosen.push({ key, value: String(value) });
    }
    chosen.sort((a, b) => position(a.key) - position(b.key));
    return { ...rest, subjects: chosen };
  },
  z
    .object({
      designationId: id,
      version: id,
      subjects: z.array(z.object({ key: z.string(), value: z.string() })),
    })
    .strict()
    .transform((input, ctx) => {
      if (input.subjects.length === 0)
        ctx.addIssue({
          code: "custom",
          path: ["subject1"],
          message: problem("chooseMainSubject"),
        });
      if (input.subjects.length > maxCentreSubjects)
        ctx.addIssue({
          code: "custom",
          path: ["subject1"],
          message: problem("tooManySubjects", { max: maxCentreSubjects, count: input.subjects.length }),
        });
      const seen = new Set<number>();
      const subjectIds: number[] = [];
      // The field each id came from, for a message next to it (the reference list is checked later).
      const fields: string[] = [];
      for (const { key, value } of input.subjects) {
        const parsed = id.safeParse(value.trim());
        if (!parsed.success) {
          ctx.addIssue({ code: "custom", path: [key], message: problem("chooseSubjectFromList") });
        } else if (seen.has(parsed.data)) {
          ctx.addIssue({ code: "custom", path: [key], message: problem("chooseSubjectOnce") });
        } else {
          seen.add(parsed.data);
          subjectIds.push(parsed.data);
          fields.push(key);
        }
      }
      return { designationId: input.designationId, version: input.version, subjectIds, fields };
    }),
);

export type CentreSubjectsInput = z.output<typeof centreSubjectsSchema>;

/**
 * The centre's types of activity: those of its work plan's activities, each
 * once, in the order of the first activity of each type.
 */
export function workPlanActivityTypes(activities: readonly { activityTypeId: number }[]): number[] {
  return [...new Set(activities.map((activity) => activity.activityTypeId))];
}
