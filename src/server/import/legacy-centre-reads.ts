import type { LegacyCentre } from "@/domain/legacy-import";
import { matchKey } from "@/domain/reference-data";
import type { Prisma } from "@/generated/prisma/client";

import type { DesiredCentre, ExistingCentre } from "./legacy-centre-plan";

// The reads of the legacy import, inside its transaction: the ids of the
// reference rows and the centres the file names, each in one query per table.

export type Tx = Prisma.TransactionClient;

/** The centres as the database will hold them: names and codes turned into ids. */
export async function resolveDesiredCentres(
  tx: Tx,
  centres: readonly LegacyCentre[],
): Promise<DesiredCentre[]> {
  // One after another: a transaction is one connection, which runs one query at a time.
  const countries = await tx.country.findMany({ select: { id: true, whoCode: true } });
  const regions = await tx.region.findMany({ select: { id: true, code: true } });
  const activityTypes = await tx.activityType.findMany({ select: { id: true, name: true } });
  const countryIds = new Map(countries.map((row) => [row.whoCode, row.id]));
  const regionIds = new Map(regions.map((row) => [row.code, row.id]));
  const activityTypeIds = new Map(activityTypes.map((row) => [row.name, row.id]));
  const subjectIds = await subjectIdsFor(
    tx,
    centres.flatMap((centre) => centre.subjects),
  );

  return centres.map((centre) => ({
    source: centre,
    fields: {
      reference: centre.reference,
      referenceNumber: centre.referenceNumber,
      title: centre.title,
      status: centre.status,
      website: centre.website,
      initiator: centre.initiator,
      countryId: required(countryIds, centre.countryCode, "country"),
      regionId: required(regionIds, centre.regionCode, "region"),
      firstDesignatedOn: centre.firstDesignatedOn,
      termStart: centre.term.start,
      termEnd: centre.term.end,
    },
    subjectIds: centre.subjects.map((name) => required(subjectIds, matchKey(name), "subject")),
    activityTypeIds: centre.activityTypes.map((name) => required(activityTypeIds, name, "activity type")),
    designation: {
      kind: centre.term.kind,
      termStart: centre.term.start,
      termEnd: centre.term.end,
      termYears: centre.term.years,
    },
  }));
}

/** Subject ids by matchKey; a subject the registry lacks is created under the file's spelling. */
async function subjectIdsFor(tx: Tx, names: readonly string[]): Promise<Map<string, number>> {
  const ids = new Map(
    (await tx.subject.findMany({ select: { id: true, name: true } })).map((s) => [matchKey(s.name), s.id]),
  );
  const missing = new Map<string, string>();
  for (const name of names) if (!ids.has(matchKey(name))) missing.set(matchKey(name), name);
  if (missing.size > 0) {
    const created = await tx.subject.createManyAndReturn({
      data: [...missing.values()].map((name) => ({ name })),
      select: { id: true, name: true },
    });
    for (const subject of created) ids.set(matchKey(subject.name), subject.id);
  }
  return ids;
}

// Flat queries rather than nested selects: Prisma runs the relations of a
// nested select concurrently, which a transaction's single connection
// serialises anyway (and pg warns about).
export async function loadExistingCentres(
  tx: Tx,
  references: readonly string[],
): Promise<Map<string, ExistingCentre>> {
  const centres = await tx.centre.findMany({
    where: { reference: { in: [...references] } },
    select: {
      id: true,
      version: true,
      reference: true,
      referenceNumber: true,
      title: true,
      status: true,
      website: true,
      initiator: true,
      countryId: true,
      regionId: true,
      firstDesignatedOn: true,
      termStart: true,
      termEnd: true,
    },
  });
  const centreId = { in: centres.map((centre) => centre.id) };
  const subjects = await tx.centreSubject.findMany({ where: { centreId } });
  const activityTypes = await tx.centreActivityType.findMany({ where: { centreId } });
  const designations = await tx.designation.findMany({
    where: { centreId, state: "DESIGNATED" },
    select: {
      id: true,
      centreId: true,
      version: true,
      kind: true,
      termStart: true,
      termEnd: true,
      termYears: true,
    },
  });
  const subjectsOf = byCentre(subjects);
  const activityTypesOf = byCentre(activityTypes);
  const designationsOf = byCentre(designations);
  return new Map(
    centres.map((centre) => [
      centre.reference,
      {
        ...centre,
        subjects: subjectsOf(centre.id),
        activityTypes: activityTypesOf(centre.id),
        designations: designationsOf(centre.id),
      },
    ]),
  );
}

function byCentre<T extends { centreId: number }>(rows: readonly T[]): (centreId: number) => T[] {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.centreId);
    if (group) group.push(row);
    else groups.set(row.centreId, [row]);
  }
  return (centreId) => groups.get(centreId) ?? [];
}

export function required<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) {
    throw new Error(`${what} "${String(key)}" is missing from the database: seed the reference data first`);
  }
  return value;
}
