import "server-only";

import { workPlanActivityTypes } from "@/domain/centre-subjects";
import { fromIsoDate, toIsoDate } from "@/domain/dates";
import { termOf } from "@/domain/designation";
import { redesignationTermStart } from "@/domain/evaluation";
import { problem } from "@/domain/problem";
import type { Prisma } from "@/generated/prisma/client";
import { scheduleTermReports } from "@/server/reports/schedule-reports";

import { ConflictError } from "../command";

import type { LoadedDesignation } from "./load-designation";
import { transitionCommand } from "./transition-command";

export const recordConsultationCommand = transitionCommand("record-consultation", {
  data: (input) => ({
    consultationOutcome: input.outcome,
    consultationRequestedOn: input.outcome === "NOT_REQUIRED" ? null : fromIsoDate(input.requestedOn ?? ""),
    consultationRepliedOn: input.outcome === "NOT_REQUIRED" ? null : fromIsoDate(input.repliedOn ?? ""),
  }),
  details: (input) => ({ outcome: input.outcome }),
  message: problem("consultationRecorded"),
});

/** Moves the centre on with compare-and-set on its own version, like any other write. */
async function updateCentre(
  tx: Prisma.TransactionClient,
  designation: LoadedDesignation,
  data: Prisma.CentreUpdateManyMutationInput,
): Promise<void> {
  const { centre } = designation;
  const updated = await tx.centre.updateMany({
    where: { id: centre.id, version: centre.version },
    data: { ...data, version: { increment: 1 } },
  });
  // The write path names the conflict with the state the other change left.
  if (updated.count === 0) throw new ConflictError();
}

/**
 * The website and city the designation form recorded (on the institution)
 * become the centre's own, which the public page, the list, the exports and
 * the search show, as an imported centre's do. An institution without them
 * leaves the centre's as they were.
 */
async function institutionContact(tx: Prisma.TransactionClient, designation: LoadedDesignation) {
  const centre = await tx.centre.findUniqueOrThrow({
    where: { id: designation.centre.id },
    select: { institution: { select: { website: true, city: true } } },
  });
  const { website, city } = centre.institution ?? {};
  return { ...(website ? { website } : {}), ...(city ? { city } : {}) };
}

/**
 * The centre's types of activity follow from the work plan it is designated
 * for (decision 0025): those of its activities, in work-plan order. The
 * search document and the facet counts follow through their triggers.
 */
async function activityTypesFromWorkPlan(tx: Prisma.TransactionClient, designation: LoadedDesignation) {
  const activities = await tx.workPlanActivity.findMany({
    where: { designationId: designation.id },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { activityTypeId: true },
  });
  const types = workPlanActivityTypes(activities);
  if (types.length === 0) return;
  await tx.centreActivityType.deleteMany({ where: { centreId: designation.centre.id } });
  await tx.centreActivityType.createMany({
    data: types.map((activityTypeId, index) => ({
      centreId: designation.centre.id,
      activityTypeId,
      position: index + 1,
    })),
  });
}

/**
 * The term a decision opens. A first designation starts on the letter's date;
 * a redesignation follows the centre's current term (see
 * redesignationTermStart: the day after it ends, or the letter's date when
 * decided after it ended). The end is the anniversary, exclusive.
 */
async function decidedTerm(
  tx: Prisma.TransactionClient,
  designation: LoadedDesignation,
  decisionDate: string,
  termYears: number,
) {
  if (designation.kind !== "REDESIGNATION") return termOf(decisionDate, termYears);
  const current = await tx.designation.findFirst({
    where: { centreId: designation.centre.id, state: "DESIGNATED", id: { not: designation.id } },
    orderBy: [{ frozenVersion: "desc" }, { termStart: "desc" }],
    select: { termEnd: true },
  });
  const start = redesignationTermStart(current?.termEnd ? toIsoDate(current.termEnd) : null, decisionDate);
  return termOf(start, termYears);
}

/**
 * The decision: the term starts on the letter's date (a redesignation: see
 * decidedTerm); the centre becomes Active (a Pending one too) with that
 * term; the ToR and work plan of this designation become the centre's frozen
 * version n (n = how many terms it has had, this one included); the term's
 * annual reports are scheduled. Frozen means no permission allows editing
 * them any more.
 */
export const decideCommand = transitionCommand("decide", {
  data: (input) => {
    const term = termOf(input.decisionDate, input.termYears);
    return {
      decisionDate: fromIsoDate(input.decisionDate),
      letterDate: fromIsoDate(input.decisionDate),
      termYears: input.termYears,
      termStart: fromIsoDate(term.start),
      termEnd: fromIsoDate(term.end),
      approverName: input.approverName,
    };
  },
  async after(tx, designation, input, now) {
    const term = await decidedTerm(tx, designation, input.decisionDate, input.termYears);
    const terms = await tx.designation.count({
      where: { centreId: designation.centre.id, state: "DESIGNATED" },
    });
    await tx.designation.update({
      where: { id: designation.id },
      data: {
        termStart: fromIsoDate(term.start),
        termEnd: fromIsoDate(term.end),
        frozenVersion: terms,
        letterReference: `${designation.centre.reference}/${input.decisionDate.slice(0, 4)}/${terms}`,
      },
    });
    await updateCentre(tx, designation, {
      status: "ACTIVE",
      statusChangedAt: now,
      statusReason: null,
      termStart: fromIsoDate(term.start),
      termEnd: fromIsoDate(term.end),
      ...(designation.kind === "INITIAL" ? { firstDesignatedOn: fromIsoDate(term.start) } : {}),
      ...(await institutionContact(tx, designation)),
    });
    await activityTypesFromWorkPlan(tx, designation);
    await scheduleTermReports(
      tx,
      [
        {
          designationId: designation.id,
          centreId: designation.centre.id,
          termStart: fromIsoDate(term.start),
          termEnd: fromIsoDate(term.end),
        },
      ],
      now,
    );
  },
  details: (input) => ({ decisionDate: input.decisionDate, termYears: input.termYears }),
  message: problem("designated"),
});

/**
 * A first designation that ends without a decision leaves a centre that was
 * never designated; a redesignation that ends so leaves the current term
 * running to its end (the centre's status is not this process's to change).
 */
async function closeProposedCentre(
  tx: Prisma.TransactionClient,
  designation: LoadedDesignation,
  reason: string,
) {
  if (designation.kind !== "INITIAL" || designation.centre.status !== "PROPOSED") return;
  await updateCentre(tx, designation, {
    status: "NOT_DESIGNATED",
    statusChangedAt: new Date(),
    statusReason: reason,
  });
}

export const withdrawCommand = transitionCommand("withdraw", {
  data: (input) => ({ closedReason: input.reason }),
  after: (tx, designation, input) => closeProposedCentre(tx, designation, input.reason),
  details: (input) => ({ reason: input.reason }),
  message: problem("withdrawn"),
});

export const rejectCommand = transitionCommand("reject", {
  data: (input) => ({ closedReason: input.reason }),
  after: (tx, designation, input) => closeProposedCentre(tx, designation, input.reason),
  details: (input) => ({ reason: input.reason }),
  message: problem("rejected"),
});
