import "server-only";

import { redirect } from "next/navigation";

import { centreLifeCycle } from "@/domain/centre-life-cycle";
import { startOfUtcDay, toIsoDate } from "@/domain/dates";
import { openDesignationStates } from "@/domain/designation";
import {
  redesignationStartable,
  startRedesignationSchema,
  terminateCentreSchema,
  type StartRedesignationInput,
  type TerminateCentreInput,
} from "@/domain/evaluation";
import { stepFrom } from "@/domain/life-cycle";
import { problem } from "@/domain/problem";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";
import { centreTerminatedMail } from "@/server/mail/compose";
import { enqueueMail } from "@/server/mail/enqueue-mail";
import { recipientSelect, uniqueRecipients } from "@/server/mail/recipient";
import { authorize } from "@/server/policy/authorize";
import { centreFacts } from "@/server/policy/resource-facts";
import { cancelUnopenedReports } from "@/server/reports/schedule-reports";

import { changeRecord } from "../change-record";
import type { Command } from "../command";
import { centreRecords, termCentreRecords } from "./centre-records";
import { centreFactsOf, readableEvaluationTerm, type EvaluationTerm } from "./load-evaluation";

const openStates = [...openDesignationStates];

/**
 * Starts the redesignation of a centre's current term (docs/domain.md §4): a new
 * Designation of kind REDESIGNATION in DRAFT, prefilled with a copy of the
 * current ToR and work plan (each activity relinked to its copied ToR item)
 * and the head of centre; from there it follows the designation review
 * chain. Compare-and-set on the centre's version makes "one open
 * redesignation at a time" hold against two officers starting at once.
 */
export const startRedesignationCommand: Command<StartRedesignationInput> = {
  name: "designation.start-redesignation",
  permission: "designation.start-redesignation",
  schema: startRedesignationSchema,
  async resource(input, viewer) {
    return centreFactsOf(await readableEvaluationTerm(input.designationId, viewer));
  },
  async handle(context) {
    const { viewer, input } = context;
    // The answer is where the request went: the new designation's page (every copy goes there too).
    const { message: path } = await changeRecord(context, termCentreRecords, {
      action: "designation.start-redesignation",
      id: input.designationId,
      version: input.centreVersion,
      key: input.idempotencyKey,
      async rule(term) {
        const open = await prisma.designation.count({
          where: { centreId: term.centre.id, kind: "REDESIGNATION", state: { in: openStates } },
        });
        const verdict = redesignationStartable({
          centreStatus: term.centre.status,
          termEnd: term.termEnd ? toIsoDate(term.termEnd) : null,
          today: toIsoDate(new Date()),
          openRedesignation: open > 0,
        });
        return verdict.ok ? { ok: true, to: term.centre.status } : verdict;
      },
      data: () => ({}),
      write: (tx, term) => copyTerm(tx, term, viewer.id),
      audit: (term, _decision, { result: copy }) => ({
        entity: { type: "Designation", id: copy.designationId },
        from: null,
        to: "DRAFT",
        details: {
          centreId: term.centre.id,
          currentTermDesignationId: term.id,
          torItems: copy.torItems,
          activities: copy.activities,
        },
      }),
      message: (_term, { result: copy }) => `/designations/${copy.designationId}`,
    });
    redirect(path);
  },
};

/**
 * The new redesignation in DRAFT, with a copy of the term's ToR and work plan
 * (each activity relinked to its copied ToR item) and its head of centre.
 */
async function copyTerm(tx: Prisma.TransactionClient, term: EvaluationTerm, proposedById: number) {
  const source = await tx.designation.findUniqueOrThrow({
    where: { id: term.id },
    select: {
      termsOfReference: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, text: true },
      },
      activities: {
        orderBy: { position: "asc" },
        select: {
          torItemId: true,
          position: true,
          title: true,
          activityTypeId: true,
          description: true,
          deliverables: true,
          timeframe: true,
          responsiblePerson: true,
        },
      },
    },
  });
  const redesignation = await tx.designation.create({
    data: {
      centreId: term.centre.id,
      kind: "REDESIGNATION",
      state: "DRAFT",
      proposedById,
      headOfCentreName: term.headOfCentreName,
      headOfCentreTitle: term.headOfCentreTitle,
      headOfCentreEmail: term.headOfCentreEmail,
    },
    select: { id: true },
  });
  const copied = new Map<number, number>();
  for (const item of source.termsOfReference) {
    const row = await tx.termsOfReferenceItem.create({
      data: { designationId: redesignation.id, position: item.position, text: item.text },
      select: { id: true },
    });
    copied.set(item.id, row.id);
  }
  for (const { torItemId, ...activity } of source.activities) {
    const copy = copied.get(torItemId);
    if (copy === undefined) continue; // cannot happen: an activity's item is on the same designation
    await tx.workPlanActivity.create({
      data: { ...activity, designationId: redesignation.id, torItemId: copy },
    });
  }
  return {
    designationId: redesignation.id,
    torItems: source.termsOfReference.length,
    activities: source.activities.length,
  };
}

/**
 * The focal point ends a designation early (docs/domain.md §5): the centre
 * becomes Terminated with the reason, its current term ends today, the
 * reports nobody has started are cancelled, an open redesignation is
 * withdrawn with the same reason, one audit row (action "centre.status",
 * which the change feed reads) — all in one transaction. The public
 * directory reads the centre's status through the search row its trigger
 * keeps, so it shows the change the same moment.
 */
export const terminateCentreCommand: Command<TerminateCentreInput> = {
  name: "centre.terminate",
  permission: "centre.terminate",
  schema: terminateCentreSchema,
  async resource(input, viewer) {
    const facts = await centreFacts(input.centreId);
    // Reading the centre's internal record first: out of scope → not-found, never "not at this stage".
    await authorize(viewer, "centre.read-internal", facts);
    return facts;
  },
  handle: (context) => {
    const { input } = context;
    const now = new Date();
    return changeRecord(context, centreRecords, {
      // The change feed reads every change of a centre's status under one action.
      action: "centre.status",
      id: input.centreId,
      version: input.version,
      rule: (centre) =>
        stepFrom(centreLifeCycle, "centre.terminate", centre.status)
          ? { ok: true, to: "TERMINATED" }
          : { ok: false, message: problem("notAtThisStage") },
      // The term ends today, or stays ended where it already had (a Pending centre).
      data: (centre) => ({ statusReason: input.reason, termEnd: termEndOf(centre.termEnd, now) }),
      async write(tx, centre) {
        const termEnd = termEndOf(centre.termEnd, now);
        // The designation's own term too, so the public history shows when it really ended.
        await tx.designation.updateMany({
          where: { centreId: centre.id, state: "DESIGNATED", termEnd: { gt: termEnd } },
          data: { termEnd, version: { increment: 1 } },
        });
        const cancelled = await cancelUnopenedReports(tx, centre.id, now);
        const withdrawn = await tx.designation.updateMany({
          where: { centreId: centre.id, kind: "REDESIGNATION", state: { in: openStates } },
          data: {
            state: "WITHDRAWN",
            stateChangedAt: now,
            closedReason: problem("withdrawnCentreTerminated", { reason: input.reason }),
            version: { increment: 1 },
          },
        });
        return { cancelledReports: cancelled.length, withdrawnRedesignations: withdrawn.count };
      },
      audit: (_centre, _decision, { result }) => ({
        details: { change: "centre.terminate", reason: input.reason, ...result },
      }),
      // The officer and the centre's staff must know: reports and renewal stop here.
      async notify(tx, centre) {
        const people = await tx.user.findMany({
          where: {
            disabledAt: null,
            OR: [
              { id: centre.responsibleOfficerId ?? -1 },
              { roles: { some: { role: "CENTRE_STAFF", centreId: centre.id } } },
            ],
          },
          select: recipientSelect,
        });
        for (const person of uniqueRecipients(people)) {
          await enqueueMail(tx, {
            kind: "centre.terminated",
            to: person.email,
            ...centreTerminatedMail(person.locale, {
              reference: centre.reference,
              title: centre.title,
              reason: input.reason,
            }),
          });
        }
      },
      message: (centre) => `${centre.reference} is terminated. The public directory shows it as Terminated.`,
    });
  },
};

function termEndOf(current: Date | null, now: Date): Date {
  const today = startOfUtcDay(now);
  return current && current < today ? current : today;
}
