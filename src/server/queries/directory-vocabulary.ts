import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { prisma } from "@/server/db/client";

export type VocabularyRegion = { id: number; code: string; name: string };
export type VocabularyCountry = {
  id: number;
  code: string;
  name: string;
  /** ISO 3166-1 alpha-2, which names the country in every language (src/i18n/reference-labels.ts). */
  isoCode: string | null;
  isoNumeric: string | null;
  regionId: number;
};
export type VocabularyTerm = { id: number; name: string };

/** The names behind the directory's facet ids: regions, countries, subjects, types of activity. */
export type DirectoryVocabulary = {
  regions: VocabularyRegion[];
  countries: VocabularyCountry[];
  subjects: VocabularyTerm[];
  activities: VocabularyTerm[];
  /** SearchDataVersion: changes whenever any centre's search row does. */
  dataVersion: string;
};

export type Row = {
  regions: VocabularyRegion[] | null;
  countries: VocabularyCountry[] | null;
  subjects: VocabularyTerm[] | null;
  activities: VocabularyTerm[] | null;
  dataVersion: string | null;
};

// One round trip instead of four, and only when the data changed.
export async function loadDirectoryVocabulary(): Promise<DirectoryVocabulary> {
  const rows = await prisma.$queryRaw<Row[]>(vocabularySql);
  return toVocabulary(rows[0]);
}

// The vocabulary of the latest SearchDataVersion this instance has seen.
// Every change to a region, country, subject or type of activity bumps the
// version (a trigger), so a request that reads the version (cheap, and in the
// same round trip as its spelling corrections) knows whether this is current.
let latest: DirectoryVocabulary | undefined;

/** The vocabulary at `dataVersion`: from memory when unchanged, else loaded once. */
export async function vocabularyAt(dataVersion: string): Promise<DirectoryVocabulary> {
  if (latest && latest.dataVersion === dataVersion && process.env.DIRECTORY_FACET_CACHE !== "off") {
    return latest;
  }
  const fresh = await loadDirectoryVocabulary();
  // A concurrent request may have loaded a newer one meanwhile: keep the newest.
  if (!latest || versionNumber(fresh.dataVersion) >= versionNumber(latest.dataVersion)) latest = fresh;
  return fresh;
}

const versionNumber = (version: string): bigint => (/^\d+$/.test(version) ? BigInt(version) : -1n);

export const vocabularySql = Prisma.sql`
    SELECT
      (SELECT json_agg(json_build_object('id', id, 'code', code, 'name', name) ORDER BY code) FROM "Region") AS regions,
      (SELECT json_agg(json_build_object('id', id, 'code', "whoCode", 'name', name, 'isoCode', "isoCode", 'isoNumeric', "isoNumeric",
                                         'regionId', "regionId") ORDER BY name) FROM "Country") AS countries,
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY name) FROM "Subject") AS subjects,
      (SELECT json_agg(json_build_object('id', id, 'name', name) ORDER BY position, name) FROM "ActivityType") AS activities,
    (SELECT version::text FROM "SearchDataVersion" WHERE id = 1) AS "dataVersion"`;

export function toVocabulary(row: Row | undefined): DirectoryVocabulary {
  return {
    regions: row?.regions ?? [],
    countries: (row?.countries ?? []).map((country) => ({ ...country, code: country.code.trim() })),
    subjects: row?.subjects ?? [],
    activities: row?.activities ?? [],
    dataVersion: row?.dataVersion ?? "none",
  };
}
