import { z } from "zod";

import { isChoosableAnchor } from "./comment-anchor";
import { problem, type ProblemKey } from "./problem";

// The designation form the centre's staff complete (docs/domain.md §2, §4): the
// head of centre, the institution's details, the terms of reference and the
// work plan. Each part is saved by its own small form, so a save never
// overwrites a part someone else is editing and a draft can be saved at any
// time; every save posts the designation's version (compare-and-set).

const id = z.coerce.number().int().positive();
const base = { designationId: id, version: id };
const text = (missing: ProblemKey, max: number) =>
  z.string().trim().min(1, problem(missing)).max(max, problem("tooLong", { max }));
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, problem("tooLong", { max }))
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
      .max(254, problem("tooLong", { max: 254 }))
      .refine((value) => value === "" || z.email().safeParse(value).success, {
        message: problem("emailInvalid"),
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
      .max(500, problem("tooLong", { max: 500 }))
      .refine((value) => value === "" || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(value), {
        message: problem("websiteInvalid"),
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
      ctx.addIssue({ code: "custom", message: problem("itemGone") });
      return z.NEVER;
    }
    return number;
  })
  .optional();

export const torItemSchema = z
  .object({
    ...base,
    itemId: optionalId,
    text: text("enterTorText", 2000),
    position: z.coerce
      .number({ error: problem("positionWhole") })
      .int(problem("positionWhole"))
      .min(1, problem("positionMin"))
      .max(99, problem("positionMax"))
      .optional(),
  })
  .strict();

export const removeItemSchema = z.object({ ...base, itemId: id }).strict();

export const activitySchema = z
  .object({
    ...base,
    itemId: optionalId,
    torItemId: z.coerce
      .number({ error: problem("chooseTorForActivity") })
      .int()
      .positive(problem("chooseTorForActivity")),
    title: text("enterShortTitle", 300),
    activityTypeId: z.coerce
      .number({ error: problem("chooseActivityType") })
      .int()
      .positive(problem("chooseActivityType")),
    description: text("enterDescription", 4000),
    deliverables: text("enterDeliverables", 2000),
    timeframe: text("enterTimeframe", 200),
    responsiblePerson: text("enterResponsiblePerson", 200),
  })
  .strict();

export const commentSchema = z
  .object({
    designationId: id,
    body: text("enterComment", 4000),
    // What the comment is about: a ToR item or an activity (see comment-anchor.ts), or nothing for the whole designation.
    anchor: z
      .string()
      .trim()
      .refine((value) => value === "" || isChoosableAnchor(value), problem("commentAnchorGone"))
      .transform((value) => (value === "" ? null : value))
      .optional(),
    visibility: z.enum(["INTERNAL", "CENTRE"], { error: problem("chooseCommentVisibility") }),
  })
  .strict();

/** `version` is the comment's own: resolving is compare-and-set on the comment. */
export const resolveCommentSchema = z.object({ designationId: id, commentId: id, version: id }).strict();
