import "server-only";

import { randomUUID } from "node:crypto";

import { toIsoDate } from "@/domain/dates";
import { centreLifeCycle } from "@/domain/centre-life-cycle";
import { openDesignationStates } from "@/domain/designation";
import {
  evaluationLifeCycle,
  evaluationWritable,
  redesignationStartable,
  renewalWindowOpensOn,
} from "@/domain/evaluation";
import { offeredActions } from "@/domain/permissions";
import type { Viewer } from "@/server/auth/viewer";
import {
  centreFactsOf,
  evaluationFactsOf,
  readableEvaluationTerm,
} from "@/server/commands/evaluation/load-evaluation";
import { prisma } from "@/server/db/client";

/**
 * Everything the evaluation page shows, for a viewer who may read the
 * evaluation (otherwise AccessDenied → not-found): the term, the evaluation,
 * what the viewer may do now, and the centre's open redesignation.
 */
export async function evaluationPage(viewer: Viewer, designationId: number, now = new Date()) {
  const term = await readableEvaluationTerm(designationId, viewer);
  const today = toIsoDate(now);
  const termEnd = term.termEnd ? toIsoDate(term.termEnd) : null;
  const facts = evaluationFactsOf(term);
  const centre = centreFactsOf(term);
  const redesignation = await prisma.designation.findFirst({
    where: { centreId: term.centre.id, kind: "REDESIGNATION", state: { in: [...openDesignationStates] } },
    select: { id: true, state: true },
  });
  const writable = evaluationWritable({ termEnd, today, state: term.evaluation?.state ?? null });
  // The steps the viewer may take now, on the evaluation and on its centre: the forms the page shows.
  const offered = offeredActions(evaluationLifeCycle, viewer, facts);
  const offeredOnCentre = offeredActions(centreLifeCycle, viewer, centre);
  const startable = redesignationStartable({
    centreStatus: term.centre.status,
    termEnd,
    today,
    openRedesignation: redesignation !== null,
  });
  return {
    term: {
      id: term.id,
      start: term.termStart ? toIsoDate(term.termStart) : null,
      end: termEnd,
      windowOpensOn: termEnd ? renewalWindowOpensOn(termEnd) : null,
      version: term.frozenVersion,
    },
    centre: {
      id: term.centre.id,
      reference: term.centre.reference,
      title: term.centre.title,
      status: term.centre.status,
      version: term.centre.version,
    },
    evaluation: term.evaluation,
    redesignation,
    canEdit: offered.includes("evaluation.save-draft") && offered.includes("evaluation.complete"),
    writable,
    canStartRedesignation: offeredOnCentre.includes("designation.start-redesignation"),
    startable,
    canTerminate: offeredOnCentre.includes("centre.terminate"),
    // A fresh key per page load: a double click or a re-sent form counts once.
    idempotencyKey: randomUUID(),
  };
}

export type EvaluationPageData = Awaited<ReturnType<typeof evaluationPage>>;

/** The terminate page: the centre, if the viewer may terminate it (else AccessDenied → not-found). */
export async function centreForTermination(reference: string, now = new Date()) {
  const centre = await prisma.centre.findUnique({
    where: { reference },
    select: {
      id: true,
      reference: true,
      title: true,
      status: true,
      statusReason: true,
      version: true,
      termEnd: true,
    },
  });
  return centre ? { ...centre, termEnded: centre.termEnd !== null && centre.termEnd <= now } : null;
}

/** The centre's current term: its latest DESIGNATED designation, or null. */
export async function currentTermId(centreId: number): Promise<number | null> {
  const term = await prisma.designation.findFirst({
    where: { centreId, state: "DESIGNATED" },
    orderBy: [{ frozenVersion: "desc" }, { termStart: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  return term?.id ?? null;
}
