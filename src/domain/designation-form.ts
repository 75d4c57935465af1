import { z } from "zod";

import { isChoosableAnchor } from "./comment-anchor";

// The designation form the centre's staff complete (docs/domain.md §2, §4): the
// head of centre, the institution's details, the terms of reference and the
// work plan. Each part is saved by its own small form, so a save never
// overwrites a part someone else is editing and a draft can be saved at any
// time; every save posts the designation's version (compare-and-set).

const id = z.coerce.number().int().positive();
const base = { designationId: id, version: id };
const text = (what: string, max: number) =>
  z.string().trim().min(1, `Enter ${what}.`).max(max, `Use at most ${max} characters.`);
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((value) => (value === "" ? null : value))
    .optional();

export const formDetailsSchema = z
  .object({
    ...base,
    headOfCentreName: optional(200),
    headOfCentreTitle: optional(200),
    headOfCentreEmail: z
      .string()
      .trim()
      .toLowerCase()
      .max(254, "Use at most 254 characters.")
      .refine((value) => value === "" || z.email().safeParse(value).success, {
        message: "Enter an e-mail address like name@example.org.",
      })
      .transform((value) => (value === "" ? null : value))
      .optional(),
    department: optional(300),
    address: optional(500),
    city: optional(120),
    postalCode: optional(40),
    website: z
      .string()
      .trim()
      .max(500, "Use at most 500 characters.")
      .refine((value) => value === "" || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(value), {
        message: "Enter a web address starting with https://",
      })
      .transform((value) => (value === "" ? null : value))
      .optional(),
  })
  .strict();

/** An empty item id means a new item. */
const optionalId = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    const number = Number(value);
    if (!Number.isInteger(number) || number <= 0) {
      ctx.addIssue({ code: "custom", message: "This item no longer exists. Reload the page." });
      return z.NEVER;
    }
    return number;
  })
  .optional();

export const torItemSchema = z
  .object({
    ...base,
    itemId: optionalId,
    text: text("the term of reference", 2000),
    position: z.coerce
      .number({ error: "Enter the position as a whole number." })
      .int("Enter the position as a whole number.")
      .min(1, "The first position is 1.")
      .max(99, "Use a position up to 99.")
      .optional(),
  })
  .strict();

export const removeItemSchema = z.object({ ...base, itemId: id }).strict();

export const activitySchema = z
  .object({
    ...base,
    itemId: optionalId,
    torItemId: z.coerce
      .number({ error: "Choose the term of reference this activity serves." })
      .int()
      .positive("Choose the term of reference this activity serves."),
    title: text("a short title", 300),
    activityTypeId: z.coerce
      .number({ error: "Choose the type of activity." })
      .int()
      .positive("Choose the type of activity."),
    description: text("a description", 4000),
    deliverables: text("the deliverables", 2000),
    timeframe: text("the timeframe", 200),
    responsiblePerson: text("the responsible person", 200),
  })
  .strict();

export const commentSchema = z
  .object({
    designationId: id,
    body: text("your comment", 4000),
    // What the comment is about: a ToR item or an activity (see comment-anchor.ts), or nothing for the whole designation.
    anchor: z
      .string()
      .trim()
      .refine(
        (value) => value === "" || isChoosableAnchor(value),
        "This comment's subject no longer exists. Reload the page.",
      )
      .transform((value) => (value === "" ? null : value))
      .optional(),
    visibility: z.enum(["INTERNAL", "CENTRE"], { error: "Choose who can see the comment." }),
  })
  .strict();

/** `version` is the comment's own: resolving is compare-and-set on the comment. */
export const resolveCommentSchema = z.object({ designationId: id, commentId: id, version: id }).strict();
