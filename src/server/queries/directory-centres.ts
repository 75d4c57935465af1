import "server-only";

import type { CentreStatus } from "@/domain/centre-status";
import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

import type { DirectoryVocabulary } from "./directory-vocabulary";

/** A centre as the directory, the API and the exports show it: public fields only. */
export type DirectoryCentre = {
  reference: string;
  title: string;
  status: CentreStatus;
  region: { code: string; name: string };
  country: { code: string; name: string };
  city: string | null;
  institution: string | null;
  initiator: string;
  subjects: string[];
  activityTypes: string[];
  firstDesignatedOn: string | null;
  termStart: string | null;
  termEnd: string | null;
  website: string | null;
};

export type Row = {
  id: number;
  reference: string;
  title: string;
  status: CentreStatus;
  regionId: number;
  countryId: number;
  city: string | null;
  institution: string | null;
  initiator: string;
  subjectIds: number[];
  activityTypeIds: number[];
  firstDesignatedOn: string | null;
  termStart: string | null;
  termEnd: string | null;
  website: string | null;
};

/** The public rows of the given centres, in the order of `ids`. */
export async function hydrateCentres(
  ids: number[],
  vocabulary: DirectoryVocabulary,
): Promise<DirectoryCentre[]> {
  if (ids.length === 0) return [];
  const rows = await prisma.$queryRaw<Row[]>(hydrateSql(ids));
  return toCentres(ids, rows, vocabulary);
}

export const publicColumns = Prisma.sql`
    c.id, c.reference, c.title, c.status::text AS status, c."regionId", c."countryId", c.city,
    i.name AS institution, c.initiator::text AS initiator, s."subjectIds", s."activityTypeIds",
    to_char(c."firstDesignatedOn", 'YYYY-MM-DD') AS "firstDesignatedOn",
    to_char(c."termStart", 'YYYY-MM-DD') AS "termStart",
    to_char(c."termEnd", 'YYYY-MM-DD') AS "termEnd", c.website`;

export function hydrateSql(ids: number[]): Prisma.Sql {
  return Prisma.sql`
    SELECT ${publicColumns}
    FROM "Centre" c
    JOIN "CentreSearch" s ON s."centreId" = c.id
    LEFT JOIN "Institution" i ON i.id = c."institutionId"
    WHERE c.id = ANY(${ids}::int[])`;
}

export type KeyedRow = { id: number; key: string | number };

/**
 * One page found by `pageSql` (columns id, key and ord, already limited) with
 * its public rows, in one round trip: the joins run on the page's rows only,
 * which are put back in order by `ord` (the typed sort key) and id.
 */
export async function pageOfCentres(
  pageSql: Prisma.Sql,
  descending: boolean,
  vocabulary: DirectoryVocabulary,
): Promise<{ keys: KeyedRow[]; items: DirectoryCentre[] }> {
  const rows = await prisma.$queryRaw<(Row & { key: string | number })[]>(
    hydratedPageSql(pageSql, descending),
  );
  return toPage(rows, vocabulary);
}

/** Rows of `publicColumns` plus their key, in page order, as the page's keys and centres. */
export function toPage(
  rows: (Row & { key: string | number })[],
  vocabulary: DirectoryVocabulary,
): { keys: KeyedRow[]; items: DirectoryCentre[] } {
  return {
    keys: rows.map((row) => ({ id: row.id, key: row.key })),
    items: toCentres(
      rows.map((row) => row.id),
      rows,
      vocabulary,
    ),
  };
}

export function hydratedPageSql(pageSql: Prisma.Sql, descending: boolean): Prisma.Sql {
  return Prisma.sql`
    SELECT p.key, ${publicColumns}
    FROM (${pageSql}) p
    JOIN "Centre" c ON c.id = p.id
    JOIN "CentreSearch" s ON s."centreId" = p.id
    LEFT JOIN "Institution" i ON i.id = c."institutionId"
    ORDER BY p.ord ${descending ? Prisma.sql`DESC` : Prisma.empty}, p.id`;
}

function toCentres(ids: number[], rows: Row[], vocabulary: DirectoryVocabulary): DirectoryCentre[] {
  const regions = new Map(vocabulary.regions.map((region) => [region.id, region]));
  const countries = new Map(vocabulary.countries.map((country) => [country.id, country]));
  const subjects = new Map(vocabulary.subjects.map((subject) => [subject.id, subject.name]));
  const activities = new Map(vocabulary.activities.map((activity) => [activity.id, activity.name]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const region = regions.get(row.regionId);
    const country = countries.get(row.countryId);
    return [
      {
        reference: row.reference,
        title: row.title,
        status: row.status,
        region: { code: region?.code ?? "", name: region?.name ?? "" },
        country: { code: country?.code ?? "", name: country?.name ?? "" },
        city: row.city,
        institution: row.institution,
        initiator: row.initiator,
        subjects: row.subjectIds.flatMap((subjectId) => subjects.get(subjectId) ?? []),
        activityTypes: row.activityTypeIds.flatMap((activityId) => activities.get(activityId) ?? []),
        firstDesignatedOn: row.firstDesignatedOn,
        termStart: row.termStart,
        termEnd: row.termEnd,
        website: row.website,
      },
    ];
  });
}
