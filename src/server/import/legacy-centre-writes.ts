import { fromIsoDate } from "@/domain/dates";
import type { LegacyCentre, LegacySkip } from "@/domain/legacy-import";

import {
  planCentre,
  type CentrePlan,
  type DesiredCentre,
  type DesignationFields,
} from "./legacy-centre-plan";
import { loadExistingCentres, required, resolveDesiredCentres, type Tx } from "./legacy-centre-reads";
import { assertUpdated } from "./sync-rows";

// The database side of the legacy import, run inside the caller's transaction.
// Reads are batched (one query per table, whatever the number of centres) and
// new rows are written with createMany, so 821 centres take a handful of
// round trips: that is what keeps the import fast on PGlite. Only centres that
// changed are updated one by one, with compare-and-set on their version.

export interface LegacyWriteResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: LegacySkip[];
}

// Well below PostgreSQL's 65,535 bind parameters per statement.
const batchSize = 1000;

export async function writeLegacyCentres(
  tx: Tx,
  centres: readonly LegacyCentre[],
  now: Date,
): Promise<LegacyWriteResult> {
  const desired = await resolveDesiredCentres(tx, centres);
  const existing = await loadExistingCentres(
    tx,
    desired.map((centre) => centre.fields.reference),
  );
  const plans = desired.map((centre) => planCentre(centre, existing.get(centre.fields.reference)));

  await createCentres(tx, plans, now);
  await updateCentres(tx, plans, now);
  await raiseLastCentreNumbers(tx, desired);

  const skipped = plans.flatMap((plan) =>
    plan.action === "skip"
      ? [{ line: plan.desired.source.line, reference: plan.desired.fields.reference, reason: plan.reason }]
      : [],
  );
  const count = (action: CentrePlan["action"]) => plans.filter((plan) => plan.action === action).length;
  return { created: count("create"), updated: count("update"), unchanged: count("unchanged"), skipped };
}

async function createCentres(tx: Tx, plans: readonly CentrePlan[], now: Date): Promise<void> {
  const desired = plans.flatMap((plan) => (plan.action === "create" ? [plan.desired] : []));
  const ids = new Map<string, number>();
  for (const batch of batches(desired)) {
    const rows = await tx.centre.createManyAndReturn({
      data: batch.map((centre) => ({
        ...centreData(centre),
        statusChangedAt: statusChangedAt(centre),
        importedAt: now,
      })),
      select: { id: true, reference: true },
    });
    for (const row of rows) ids.set(row.reference, row.id);
  }
  const withIds = desired.map((centre) => ({
    centre,
    id: required(ids, centre.fields.reference, "new centre"),
  }));
  await replaceSubjects(tx, withIds, false);
  await replaceActivityTypes(tx, withIds, false);
  for (const batch of batches(withIds)) {
    await tx.designation.createMany({
      data: batch.map(({ centre, id }) => newDesignation(id, centre.designation)),
    });
  }
}

async function updateCentres(tx: Tx, plans: readonly CentrePlan[], now: Date): Promise<void> {
  const updates = plans.flatMap((plan) => (plan.action === "update" ? [plan] : []));
  for (const plan of updates) {
    const { desired, existing } = plan;
    const result = await tx.centre.updateMany({
      where: { id: existing.id, version: existing.version },
      data: {
        ...(plan.fieldsChanged ? centreData(desired) : {}),
        ...(plan.statusChanged ? { statusChangedAt: statusChangedAt(desired) } : {}),
        importedAt: now,
        version: { increment: 1 },
      },
    });
    assertUpdated(result, `centre ${existing.reference}`);

    if (plan.designation.action === "create") {
      await tx.designation.create({ data: newDesignation(existing.id, desired.designation) });
    } else if (plan.designation.action === "update") {
      const { id, version } = plan.designation.existing;
      const updated = await tx.designation.updateMany({
        where: { id, version },
        data: { ...termData(desired.designation), version: { increment: 1 } },
      });
      assertUpdated(updated, `the designation of ${existing.reference}`);
    }
  }
  const ids = (changed: (plan: (typeof updates)[number]) => boolean) =>
    updates.filter(changed).map((plan) => ({ centre: plan.desired, id: plan.existing.id }));
  await replaceSubjects(
    tx,
    ids((plan) => plan.subjectsChanged),
    true,
  );
  await replaceActivityTypes(
    tx,
    ids((plan) => plan.activityTypesChanged),
    true,
  );
}

type CentreWithId = { centre: DesiredCentre; id: number };

async function replaceSubjects(tx: Tx, centres: readonly CentreWithId[], existing: boolean): Promise<void> {
  if (centres.length === 0) return;
  if (existing)
    await tx.centreSubject.deleteMany({ where: { centreId: { in: centres.map(({ id }) => id) } } });
  const rows = centres.flatMap(({ centre, id }) =>
    centre.subjectIds.map((subjectId, i) => ({ centreId: id, subjectId, position: i + 1 })),
  );
  for (const batch of batches(rows)) await tx.centreSubject.createMany({ data: batch });
}

async function replaceActivityTypes(
  tx: Tx,
  centres: readonly CentreWithId[],
  existing: boolean,
): Promise<void> {
  if (centres.length === 0) return;
  if (existing)
    await tx.centreActivityType.deleteMany({ where: { centreId: { in: centres.map(({ id }) => id) } } });
  const rows = centres.flatMap(({ centre, id }) =>
    centre.activityTypeIds.map((activityTypeId, i) => ({ centreId: id, activityTypeId, position: i + 1 })),
  );
  for (const batch of batches(rows)) await tx.centreActivityType.createMany({ data: batch });
}

/** Numbers are never reused: a country's counter must reach its highest imported number. */
async function raiseLastCentreNumbers(tx: Tx, centres: readonly DesiredCentre[]): Promise<void> {
  const highest = new Map<number, number>();
  for (const { fields } of centres) {
    highest.set(fields.countryId, Math.max(highest.get(fields.countryId) ?? 0, fields.referenceNumber));
  }
  const countries = await tx.country.findMany({
    where: { id: { in: [...highest.keys()] } },
    select: { id: true, lastCentreNumber: true },
  });
  for (const country of countries) {
    const number = highest.get(country.id) ?? 0;
    if (country.lastCentreNumber >= number) continue;
    // The condition, not a version check: a concurrent proposal may only have raised it further.
    await tx.country.updateMany({
      where: { id: country.id, lastCentreNumber: { lt: number } },
      data: { lastCentreNumber: number, version: { increment: 1 } },
    });
  }
}

function centreData({ fields }: DesiredCentre) {
  return {
    ...fields,
    firstDesignatedOn: fromIsoDate(fields.firstDesignatedOn),
    termStart: fromIsoDate(fields.termStart),
    termEnd: fromIsoDate(fields.termEnd),
  };
}

// The export does not say when a status began; the term's dates do: an active
// centre since its term started, a pending one since its term expired.
function statusChangedAt({ fields }: DesiredCentre): Date {
  return fromIsoDate(fields.status === "ACTIVE" ? fields.termStart : fields.termEnd);
}

function newDesignation(centreId: number, designation: DesignationFields) {
  return {
    ...termData(designation),
    centreId,
    state: "DESIGNATED" as const,
    stateChangedAt: fromIsoDate(designation.termStart),
    frozenVersion: 1,
  };
}

// The export has no letter or decision dates; a term starts with its letter.
function termData(designation: DesignationFields) {
  const start = fromIsoDate(designation.termStart);
  return {
    kind: designation.kind,
    termStart: start,
    termEnd: fromIsoDate(designation.termEnd),
    termYears: designation.termYears,
    decisionDate: start,
    letterDate: start,
  };
}

function* batches<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += batchSize) yield rows.slice(start, start + batchSize);
}
