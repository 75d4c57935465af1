import "server-only";

import { redirect } from "next/navigation";

import { startOfUtcDay, toIsoDate } from "@/domain/dates";
import { openDesignationStates } from "@/domain/designation";
import {
  redesignationStartable,
  startRedesignationSchema,
  terminateCentreSchema,
  type StartRedesignationInput,
  type TerminateCentreInput,
} from "@/domain/evaluation";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit/record-audit";
import type { Viewer } from "@/server/auth/load-viewer";
import type { RequestMeta } from "@/server/auth/request-meta";
import { prisma } from "@/server/db/client";
import { centreFacts } from "@/server/policy/resource-facts";
import { authorize } from "@/server/policy/authorize";
import { enqueueMail } from "@/server/mail/enqueue-mail";
import { cancelUnopenedReports } from "@/server/reports/schedule-reports";

import { answerOnce, claimKey, isUniqueViolation, type KeyedRequest } from "../idempotency";
import { CommandError, ConflictError, type Command } from "../command";
import { centreFactsOf, loadEvaluationTerm, readableEvaluationTerm } from "./load-evaluation";

const openStates = [...openDesignationStates];

/**
 * Starts the redesignation of a centre's current term (domain.md §4): a new
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
  async handle({ viewer, input, meta, role }) {
    const request = {
      key: input.idempotencyKey,
      userId: viewer.id,
      action: "designation.start-redesignation",
    };
    // The stored answer is where the first request went: the new designation's page.
    const recall = (stored: Prisma.JsonObject) =>
      stored.termId === input.designationId && typeof stored.message === "string" ? stored.message : null;
    redirect(await answerOnce(request, recall, () => start(viewer, input, meta, role, request)));
  },
};

/** Starts it (the command's change, run once per idempotency key); the new designation's page. */
async function start(
  viewer: Viewer,
  input: StartRedesignationInput,
  meta: RequestMeta,
  role: Viewer["role"],
  request: KeyedRequest,
): Promise<string> {
  const term = await loadEvaluationTerm(prisma, input.designationId);
  if (!term) throw new CommandError("We could not find that, or you do not have access to it.");
  if (term.centre.version !== input.centreVersion) throw new ConflictError();
  const open = await prisma.designation.count({
    where: { centreId: term.centre.id, kind: "REDESIGNATION", state: { in: openStates } },
  });
  const verdict = redesignationStartable({
    centreStatus: term.centre.status,
    termEnd: term.termEnd ? toIsoDate(term.termEnd) : null,
    today: toIsoDate(new Date()),
    openRedesignation: open > 0,
  });
  if (!verdict.ok) throw new CommandError(verdict.message);
  let designationId: number;
  try {
    designationId = await prisma.$transaction(async (tx) => {
      const updated = await tx.centre.updateMany({
        where: { id: term.centre.id, version: input.centreVersion },
        data: { version: { increment: 1 } },
      });
      if (updated.count === 0) throw new ConflictError();
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
          proposedById: viewer.id,
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
      await claimKey(tx, request, { message: `/designations/${redesignation.id}`, termId: term.id });
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action: request.action,
        entity: { type: "Designation", id: redesignation.id },
        to: "DRAFT",
        meta,
        details: {
          centreId: term.centre.id,
          currentTermDesignationId: term.id,
          torItems: source.termsOfReference.length,
          activities: source.activities.length,
        },
      });
      return redesignation.id;
    });
  } catch (error) {
    // Another change won the race (a copy of this one is answered by answerOnce).
    if (isUniqueViolation(error)) throw new ConflictError();
    throw error;
  }
  return `/designations/${designationId}`;
}

/**
 * The focal point ends a designation early (domain.md §5): the centre
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
  async handle({ viewer, input, meta, role }) {
    const now = new Date();
    const centre = await prisma.centre.findUnique({
      where: { id: input.centreId },
      select: {
        id: true,
        status: true,
        version: true,
        reference: true,
        title: true,
        responsibleOfficerId: true,
        termEnd: true,
      },
    });
    if (!centre) throw new CommandError("We could not find that, or you do not have access to it.");
    if (centre.version !== input.version) throw new ConflictError();
    // The term ends today, or stays ended where it already had (a Pending centre).
    const today = startOfUtcDay(now);
    const termEnd = centre.termEnd && centre.termEnd < today ? centre.termEnd : today;
    await prisma.$transaction(async (tx) => {
      const updated = await tx.centre.updateMany({
        where: { id: centre.id, version: input.version, status: { in: ["ACTIVE", "PENDING"] } },
        data: {
          status: "TERMINATED",
          statusChangedAt: now,
          statusReason: input.reason,
          termEnd,
          version: { increment: 1 },
        },
      });
      if (updated.count === 0) throw new ConflictError();
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
          closedReason: `The centre was terminated: ${input.reason}`,
          version: { increment: 1 },
        },
      });
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action: "centre.status",
        entity: { type: "Centre", id: centre.id },
        from: centre.status,
        to: "TERMINATED",
        meta,
        details: {
          change: "centre.terminate",
          reason: input.reason,
          cancelledReports: cancelled.length,
          withdrawnRedesignations: withdrawn.count,
        },
      });
      // The officer and the centre's staff must know: reports and renewal stop here.
      const people = await tx.user.findMany({
        where: {
          disabledAt: null,
          OR: [
            { id: centre.responsibleOfficerId ?? -1 },
            { roles: { some: { role: "CENTRE_STAFF", centreId: centre.id } } },
          ],
        },
        select: { email: true },
      });
      for (const email of new Set(people.map((person) => person.email))) {
        await enqueueMail(tx, {
          kind: "centre.terminated",
          to: email,
          subject: `${centre.reference} ${centre.title}: designation terminated`,
          text: [
            `The designation of ${centre.reference} (${centre.title}) was terminated by WHO.`,
            "",
            `Reason: ${input.reason}`,
            "",
            "Annual reports not yet started are cancelled.",
          ].join("\n"),
        });
      }
    });
    return { message: `${centre.reference} is terminated. The public directory shows it as Terminated.` };
  },
};
