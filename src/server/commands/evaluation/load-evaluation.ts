import "server-only";

import type { ResourceFacts } from "@/domain/permissions";
import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { AccessDenied, authorize } from "@/server/policy/authorize";

import type { LifeCycleRecord } from "../change-record";

type Db = Prisma.TransactionClient | typeof prisma;

const centreSelect = {
  id: true,
  reference: true,
  title: true,
  status: true,
  version: true,
  regionId: true,
  unitId: true,
  responsibleOfficerId: true,
  termEnd: true,
} as const;

/**
 * The term (a DESIGNATED designation) an evaluation belongs to, with its
 * evaluation and centre, read from the database. Only a centre's latest
 * term can be evaluated: an older one answers null like a missing one.
 */
export async function loadEvaluationTerm(db: Db, designationId: number) {
  const term = await db.designation.findUnique({
    where: { id: designationId },
    select: {
      id: true,
      state: true,
      termStart: true,
      termEnd: true,
      frozenVersion: true,
      headOfCentreName: true,
      headOfCentreTitle: true,
      headOfCentreEmail: true,
      centre: { select: centreSelect },
      evaluation: {
        select: {
          id: true,
          version: true,
          state: true,
          recommendation: true,
          justification: true,
          completedAt: true,
          author: { select: { name: true } },
          scores: { select: { criterion: true, score: true, comment: true } },
        },
      },
    },
  });
  if (!term || term.state !== "DESIGNATED") return null;
  const latest = await db.designation.findFirst({
    where: { centreId: term.centre.id, state: "DESIGNATED" },
    orderBy: [{ frozenVersion: "desc" }, { termStart: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  if (latest?.id !== term.id) return null;
  return term;
}

export type EvaluationTerm = NonNullable<Awaited<ReturnType<typeof loadEvaluationTerm>>>;

/** Permission facts: the centre's scope; the state is the evaluation's (DRAFT before it exists). */
export function evaluationFactsOf(term: EvaluationTerm): ResourceFacts {
  return {
    centreId: term.centre.id,
    regionId: term.centre.regionId,
    unitId: term.centre.unitId,
    responsibleOfficerId: term.centre.responsibleOfficerId,
    state: term.evaluation?.state ?? "DRAFT",
  };
}

/** The centre's facts for centre-level actions (redesignation, termination): its status is the state. */
export function centreFactsOf(term: EvaluationTerm): ResourceFacts {
  return { ...evaluationFactsOf(term), state: term.centre.status };
}

/**
 * The facts of an evaluation the viewer may read. Someone who may not read
 * it (centre staff: evaluations are internal to WHO; another region's focal
 * point) gets not-found for every action, before the action's own
 * permission could reveal that it exists.
 */
export async function readableEvaluationTerm(designationId: number, viewer: Viewer | null) {
  const term = await loadEvaluationTerm(prisma, designationId);
  const facts = term ? evaluationFactsOf(term) : null;
  await authorize(viewer, "evaluation.read", facts);
  // An administrator passes without a record (scope "any"): still nothing to show.
  if (!term) throw new AccessDenied("not-found");
  return term;
}

type EvaluationState = NonNullable<EvaluationTerm["evaluation"]>["state"];
type EvaluationColumns = Pick<
  Prisma.EvaluationUncheckedCreateInput,
  "recommendation" | "justification" | "completedAt" | "authorId"
>;

/**
 * Evaluations as the write path (changeRecord) reads and compare-and-sets
 * them, through their term: the first save creates the evaluation (the
 * unique designationId makes a racing first save fail, which the write path
 * answers as a conflict); later ones compare-and-set it.
 */
export const evaluationRecords: LifeCycleRecord<EvaluationTerm, EvaluationState, EvaluationColumns> = {
  entity: "Evaluation",
  load: (designationId) => loadEvaluationTerm(prisma, designationId),
  version: (term) => term.evaluation?.version ?? 0,
  state: (term) => term.evaluation?.state ?? "DRAFT",
  async compareAndSet(tx, term, to, data) {
    const current = term.evaluation;
    if (!current) {
      const created = await tx.evaluation.create({
        data: { ...data, designationId: term.id, state: to },
        select: { id: true },
      });
      return created.id;
    }
    const updated = await tx.evaluation.updateMany({
      where: { id: current.id, version: current.version, state: current.state },
      data: { ...data, state: to, version: { increment: 1 } },
    });
    return updated.count === 0 ? null : current.id;
  },
};
