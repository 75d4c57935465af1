import "server-only";

import { toIsoDate } from "@/domain/dates";
import type { DesignationFacts, DesignationState } from "@/domain/designation";
import type { Prisma } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { authorize } from "@/server/policy/authorize";
import { designationFacts } from "@/server/policy/resource-facts";

import { compareAndSetState, type LifeCycleRecord } from "../change-record";

type Db = Prisma.TransactionClient | typeof prisma;

/**
 * Everything the life cycle's guards need, read from the database (never
 * from the form): state, version, proposer, submission date, the form's
 * completeness and, for a redesignation, the current term's evaluation.
 */
export async function loadDesignation(db: Db, designationId: number) {
  const row = await db.designation.findUnique({
    where: { id: designationId },
    select: {
      id: true,
      version: true,
      state: true,
      kind: true,
      proposedById: true,
      submittedAt: true,
      headOfCentreName: true,
      centre: {
        select: {
          id: true,
          reference: true,
          title: true,
          status: true,
          regionId: true,
          unitId: true,
          responsibleOfficerId: true,
          version: true,
          _count: { select: { subjects: true } },
        },
      },
      termsOfReference: { select: { id: true, _count: { select: { activities: true } } } },
      _count: { select: { activities: true } },
    },
  });
  if (!row) return null;
  const currentTerm =
    row.kind === "REDESIGNATION"
      ? await db.designation.findFirst({
          where: { centreId: row.centre.id, state: "DESIGNATED" },
          orderBy: { termStart: "desc" },
          select: { evaluation: { select: { state: true } } },
        })
      : null;
  const facts: DesignationFacts = {
    state: row.state,
    kind: row.kind,
    proposedById: row.proposedById,
    submittedOn: row.submittedAt ? toIsoDate(row.submittedAt) : null,
    currentTermEvaluation: currentTerm?.evaluation?.state ?? null,
    form: {
      headOfCentreName: row.headOfCentreName,
      torItems: row.termsOfReference.length,
      activities: row._count.activities,
      torItemsWithoutActivity: row.termsOfReference.filter((item) => item._count.activities === 0).length,
      subjects: row.centre._count.subjects,
    },
  };
  return { ...row, facts };
}

export type LoadedDesignation = NonNullable<Awaited<ReturnType<typeof loadDesignation>>>;

/**
 * The permission facts of a designation the viewer may read. A record the
 * viewer cannot even see (another centre's, or a draft proposal for centre
 * staff) answers not-found before the action's own permission is asked,
 * which would answer "not at this stage" and so reveal that it exists.
 */
export async function readableDesignationFacts(designationId: number, viewer: Viewer | null) {
  const facts = await designationFacts(designationId);
  await authorize(viewer, "designation.read", facts);
  return facts;
}

/** Designations as the write path (changeRecord) reads and compare-and-sets them. */
export const designationRecords: LifeCycleRecord<
  LoadedDesignation,
  DesignationState,
  Prisma.DesignationUncheckedUpdateManyInput
> = {
  entity: "Designation",
  noun: "designation",
  load: (id) => loadDesignation(prisma, id),
  version: (designation) => designation.version,
  state: (designation) => designation.state,
  compareAndSet: (tx, designation, to, data) =>
    compareAndSetState((args) => tx.designation.updateMany(args), designation, to, data),
};
