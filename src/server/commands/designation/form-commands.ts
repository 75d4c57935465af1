import "server-only";

import { centreSubjectsSchema, formChoosesSubjects } from "@/domain/centre-subjects";
import {
  activitySchema,
  formDetailsSchema,
  removeItemSchema,
  torItemSchema,
} from "@/domain/designation-form";
import { problem } from "@/domain/problem";
import type { Prisma } from "@/generated/prisma/client";
import { writeCentreInstitution } from "@/server/institutions/centre-institution";

import { CommandError } from "../command";
import { editFormCommand } from "./edit-form-command";

/**
 * The centre's subjects, chosen on a first designation's form only
 * (formChoosesSubjects): the list replaced in the chosen order, each id
 * checked against the reference list. The search document and the facet
 * counts follow through their triggers.
 */
export const saveSubjectsCommand = editFormCommand(
  "subjects",
  centreSubjectsSchema,
  async (tx, input) => {
    const designation = await tx.designation.findUniqueOrThrow({
      where: { id: input.designationId },
      select: { centreId: true, kind: true },
    });
    const chooses = formChoosesSubjects(designation.kind);
    if (!chooses.ok) throw new CommandError(chooses.message);
    const known = await tx.subject.findMany({
      where: { id: { in: input.subjectIds } },
      select: { id: true },
    });
    const unknown = input.subjectIds.findIndex((id) => !known.some((subject) => subject.id === id));
    if (unknown >= 0)
      throw new CommandError(problem("checkFields"), {
        [input.fields[unknown] ?? "subject1"]: [problem("subjectNotInList")],
      });
    await tx.centreSubject.deleteMany({ where: { centreId: designation.centreId } });
    await tx.centreSubject.createMany({
      data: input.subjectIds.map((subjectId, index) => ({
        centreId: designation.centreId,
        subjectId,
        position: index + 1,
      })),
    });
    return { part: "subjects", subjectIds: input.subjectIds };
  },
  problem("subjectsSaved"),
);

const gone = () => new CommandError(problem("itemGone"));

export const saveDetailsCommand = editFormCommand(
  "details",
  formDetailsSchema,
  async (tx, input) => {
    const { designationId, department, address, city, postalCode, website } = input;
    const { headOfCentreName, headOfCentreTitle, headOfCentreEmail } = input;
    await tx.designation.update({
      where: { id: designationId },
      data: { headOfCentreName, headOfCentreTitle, headOfCentreEmail },
    });
    const { centreId } = await tx.designation.findUniqueOrThrow({
      where: { id: designationId },
      select: { centreId: true },
    });
    // Through the one writer: a record other centres share is copied, never rewritten.
    await writeCentreInstitution(tx, centreId, { department, address, city, postalCode, website });
    return { part: "details" };
  },
  problem("draftSaved"),
);

/** Renumbers the items 1..n with `itemId` moved to `position` (reordering). */
async function reorder(
  tx: Prisma.TransactionClient,
  designationId: number,
  itemId: number,
  position: number,
) {
  const items = await tx.termsOfReferenceItem.findMany({
    where: { designationId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, position: true },
  });
  const ids = items.map((item) => item.id).filter((id) => id !== itemId);
  ids.splice(Math.min(position, items.length) - 1, 0, itemId);
  for (const [index, id] of ids.entries()) {
    if (items.find((item) => item.id === id)?.position !== index + 1)
      await tx.termsOfReferenceItem.update({ where: { id }, data: { position: index + 1 } });
  }
}

export const saveTorItemCommand = editFormCommand(
  "tor",
  torItemSchema,
  async (tx, input) => {
    if (input.itemId) {
      // Scoped by designation: an id from another designation is simply not found.
      const updated = await tx.termsOfReferenceItem.updateMany({
        where: { id: input.itemId, designationId: input.designationId },
        data: { text: input.text, version: { increment: 1 } },
      });
      if (updated.count === 0) throw gone();
      if (input.position) await reorder(tx, input.designationId, input.itemId, input.position);
      return { part: "tor", itemId: input.itemId };
    }
    const count = await tx.termsOfReferenceItem.count({ where: { designationId: input.designationId } });
    const item = await tx.termsOfReferenceItem.create({
      data: { designationId: input.designationId, text: input.text, position: count + 1 },
      select: { id: true },
    });
    if (input.position) await reorder(tx, input.designationId, item.id, input.position);
    return { part: "tor", itemId: item.id, created: true };
  },
  problem("torSaved"),
);

export const removeTorItemCommand = editFormCommand(
  "tor-remove",
  removeItemSchema,
  async (tx, input) => {
    const item = await tx.termsOfReferenceItem.findFirst({
      where: { id: input.itemId, designationId: input.designationId },
      select: { id: true, _count: { select: { activities: true } } },
    });
    if (!item) throw gone();
    if (item._count.activities > 0) {
      throw new CommandError(problem("torHasActivities"), {
        itemId: [problem("torStillHasActivities")],
      });
    }
    await tx.termsOfReferenceItem.delete({ where: { id: item.id } });
    return { part: "tor", itemId: item.id, removed: true };
  },
  problem("torRemoved"),
);

export const saveActivityCommand = editFormCommand(
  "activity",
  activitySchema,
  async (tx, input) => {
    const { designationId, itemId } = input;
    const fields = {
      torItemId: input.torItemId,
      title: input.title,
      activityTypeId: input.activityTypeId,
      description: input.description,
      deliverables: input.deliverables,
      timeframe: input.timeframe,
      responsiblePerson: input.responsiblePerson,
    };
    const tor = await tx.termsOfReferenceItem.findFirst({
      where: { id: fields.torItemId, designationId },
      select: { id: true },
    });
    if (!tor) {
      throw new CommandError(problem("checkFields"), {
        torItemId: [problem("torGoneChoose")],
      });
    }
    const type = await tx.activityType.findUnique({
      where: { id: fields.activityTypeId },
      select: { id: true },
    });
    if (!type)
      throw new CommandError(problem("checkFields"), {
        activityTypeId: [problem("chooseTypeFromList")],
      });
    if (itemId) {
      const updated = await tx.workPlanActivity.updateMany({
        where: { id: itemId, designationId },
        data: { ...fields, version: { increment: 1 } },
      });
      if (updated.count === 0) throw gone();
      return { part: "activity", itemId };
    }
    const position = (await tx.workPlanActivity.count({ where: { designationId } })) + 1;
    const activity = await tx.workPlanActivity.create({
      data: { designationId, position, ...fields },
      select: { id: true },
    });
    return { part: "activity", itemId: activity.id, created: true };
  },
  problem("activitySaved"),
);

export const removeActivityCommand = editFormCommand(
  "activity-remove",
  removeItemSchema,
  async (tx, input) => {
    const removed = await tx.workPlanActivity.deleteMany({
      where: { id: input.itemId, designationId: input.designationId },
    });
    if (removed.count === 0) throw gone();
    return { part: "activity", itemId: input.itemId, removed: true };
  },
  problem("activityRemoved"),
);
