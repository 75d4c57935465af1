import "server-only";

import type { CentreStatus } from "@/domain/centre-status";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

import type { LifeCycleRecord } from "../change-record";
import { loadEvaluationTerm, type EvaluationTerm } from "./load-evaluation";

type CentreRow = { id: number; version: number; status: CentreStatus };
type CentreColumns = Prisma.CentreUpdateManyMutationInput;

/** Compare-and-set on the centre's version and status; a status that moves is stamped with the time. */
async function compareAndSetCentre(
  tx: Prisma.TransactionClient,
  centre: CentreRow,
  to: CentreStatus,
  data: CentreColumns,
): Promise<number | null> {
  const moved = to === centre.status ? {} : { status: to, statusChangedAt: new Date() };
  const updated = await tx.centre.updateMany({
    where: { id: centre.id, version: centre.version, status: centre.status },
    data: { ...data, ...moved, version: { increment: 1 } },
  });
  return updated.count === 0 ? null : centre.id;
}

/** A centre, for a change of its status (termination). */
export async function loadCentre(id: number) {
  return prisma.centre.findUnique({
    where: { id },
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
}
type LoadedCentre = NonNullable<Awaited<ReturnType<typeof loadCentre>>>;

/** Centres as the write path (changeRecord) reads and compare-and-sets them. */
export const centreRecords: LifeCycleRecord<LoadedCentre, CentreStatus, CentreColumns> = {
  entity: "Centre",
  load: loadCentre,
  version: (centre) => centre.version,
  state: (centre) => centre.status,
  compareAndSet: compareAndSetCentre,
};

/**
 * A term's centre, loaded through its term (the form names the term): starting
 * a redesignation moves the centre's version on, so two officers starting at
 * once cannot both succeed.
 */
export const termCentreRecords: LifeCycleRecord<EvaluationTerm, CentreStatus, CentreColumns> = {
  entity: "Centre",
  load: (designationId) => loadEvaluationTerm(prisma, designationId),
  version: (term) => term.centre.version,
  state: (term) => term.centre.status,
  compareAndSet: (tx, term, to, data) => compareAndSetCentre(tx, term.centre, to, data),
};
