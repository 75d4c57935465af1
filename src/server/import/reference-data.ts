import path from "node:path";
import { fileURLToPath } from "node:url";

import type { z } from "zod";

import {
  activityTypeRowSchema,
  countryRowSchema,
  matchKey,
  regionRowSchema,
  subjectRowSchema,
  type ActivityTypeRow,
  type CountryRow,
  type RegionRow,
  type SubjectRow,
} from "@/domain/reference-data";
import type { PrismaClient } from "@/generated/prisma/client";

import { ImportFileError, readCsvFile } from "./csv-file";
import { assertUpdated, syncRows, type SyncCounts } from "./sync-rows";

// The reference data of prisma/data/*.csv (regions, countries, activity types,
// subjects), loaded and checked as a whole, then written idempotently: seeding
// twice changes nothing the second time.

export const defaultReferenceDataDir = fileURLToPath(new URL("../../../prisma/data/", import.meta.url));

export interface ReferenceData {
  regions: RegionRow[];
  countries: CountryRow[];
  activityTypes: ActivityTypeRow[];
  subjects: SubjectRow[];
}

export interface ReferenceSeedSummary {
  regions: SyncCounts;
  countries: SyncCounts;
  activityTypes: SyncCounts;
  subjects: SyncCounts;
}

export async function loadReferenceData(dir: string = defaultReferenceDataDir): Promise<ReferenceData> {
  const regionsFile = path.join(dir, "regions.csv");
  const countriesFile = path.join(dir, "countries.csv");
  const activityTypesFile = path.join(dir, "activity-types.csv");
  const subjectsFile = path.join(dir, "subjects.csv");
  const [regions, countries, activityTypes, subjects] = await Promise.all([
    loadRows(regionsFile, ["code", "name", "office"], regionRowSchema),
    loadRows(
      countriesFile,
      ["who_code", "iso_code", "iso_numeric", "name", "region", "source_names"],
      countryRowSchema,
    ),
    loadRows(activityTypesFile, ["position", "name", "source_names"], activityTypeRowSchema),
    loadRows(subjectsFile, ["name"], subjectRowSchema),
  ]);
  assertUnique(regionsFile, regions, [(row) => row.code]);
  assertUnique(countriesFile, countries, [
    (row) => row.whoCode,
    (row) => row.isoCode,
    (row) => matchKey(row.name),
  ]);
  assertUnique(activityTypesFile, activityTypes, [
    (row) => String(row.position),
    (row) => matchKey(row.name),
  ]);
  assertUnique(subjectsFile, subjects, [(row) => matchKey(row.name)]);
  const regionCodes = new Set(regions.map((row) => row.value.code));
  for (const { line, value } of countries) {
    if (!regionCodes.has(value.regionCode)) {
      throw new ImportFileError(countriesFile, line, `region ${value.regionCode} is not in regions.csv`);
    }
  }
  const values = <T>(rows: { value: T }[]) => rows.map((row) => row.value);
  return {
    regions: values(regions),
    countries: values(countries),
    activityTypes: values(activityTypes),
    subjects: values(subjects),
  };
}

/** Writes the reference data in one transaction; returns what changed per table. */
export async function seedReferenceData(
  prisma: PrismaClient,
  data: ReferenceData,
): Promise<ReferenceSeedSummary> {
  return prisma.$transaction(
    async (tx) => {
      const regions = await syncRows({
        desired: data.regions,
        existing: await tx.region.findMany(),
        desiredKey: (row) => row.code,
        existingKey: (row) => row.code,
        differs: (row, existing) => row.name !== existing.name || row.office !== existing.office,
        createMany: (rows) => tx.region.createMany({ data: rows }),
        update: async (row, existing) =>
          assertUpdated(
            await tx.region.updateMany({
              where: { id: existing.id, version: existing.version },
              data: { name: row.name, office: row.office, version: { increment: 1 } },
            }),
            `region ${row.code}`,
          ),
      });

      const regionIds = new Map((await tx.region.findMany()).map((region) => [region.code, region.id]));
      const regionId = (code: string) => {
        const id = regionIds.get(code);
        if (id === undefined) throw new Error(`region ${code} is missing from the database`);
        return id;
      };
      const countries = await syncRows({
        desired: data.countries,
        existing: await tx.country.findMany(),
        desiredKey: (row) => row.whoCode,
        existingKey: (row) => row.whoCode,
        differs: (row, existing) =>
          row.name !== existing.name ||
          row.isoCode !== existing.isoCode ||
          row.isoNumeric !== existing.isoNumeric ||
          regionId(row.regionCode) !== existing.regionId,
        createMany: (rows) => tx.country.createMany({ data: rows.map((row) => countryData(row, regionId)) }),
        update: async (row, existing) =>
          assertUpdated(
            await tx.country.updateMany({
              where: { id: existing.id, version: existing.version },
              data: { ...countryData(row, regionId), version: { increment: 1 } },
            }),
            `country ${row.whoCode}`,
          ),
      });

      const activityTypes = await syncRows({
        desired: data.activityTypes,
        existing: await tx.activityType.findMany(),
        desiredKey: (row) => row.name,
        existingKey: (row) => row.name,
        differs: (row, existing) => row.position !== existing.position,
        createMany: (rows) =>
          tx.activityType.createMany({ data: rows.map(({ name, position }) => ({ name, position })) }),
        update: async (row, existing) =>
          assertUpdated(
            await tx.activityType.updateMany({
              where: { id: existing.id, version: existing.version },
              data: { position: row.position, version: { increment: 1 } },
            }),
            `activity type "${row.name}"`,
          ),
      });

      // Subjects only grow: a spelling that differs only in case or accents is
      // the same subject, and names are never rewritten by a seed.
      const subjects = await syncRows({
        desired: data.subjects,
        existing: await tx.subject.findMany({ select: { name: true } }),
        desiredKey: (row) => matchKey(row.name),
        existingKey: (row) => matchKey(row.name),
        differs: () => false,
        createMany: (rows) => tx.subject.createMany({ data: rows, skipDuplicates: true }),
        update: async () => undefined,
      });

      return { regions, countries, activityTypes, subjects };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

function countryData(row: CountryRow, regionId: (code: string) => number) {
  return {
    whoCode: row.whoCode,
    isoCode: row.isoCode,
    isoNumeric: row.isoNumeric,
    name: row.name,
    regionId: regionId(row.regionCode),
  };
}

async function loadRows<Column extends string, Schema extends z.ZodType>(
  file: string,
  columns: readonly Column[],
  schema: Schema,
): Promise<{ line: number; value: z.output<Schema> }[]> {
  const records = await readCsvFile(file, columns);
  return records.map(({ line, record }) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      const problem = parsed.error.issues
        .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
        .join("; ");
      throw new ImportFileError(file, line, problem);
    }
    return { line, value: parsed.data };
  });
}

function assertUnique<T>(
  file: string,
  rows: { line: number; value: T }[],
  keys: ((row: T) => string | null)[],
): void {
  for (const key of keys) {
    const seen = new Map<string, number>();
    for (const { line, value } of rows) {
      const k = key(value);
      if (k === null) continue;
      const first = seen.get(k);
      if (first !== undefined)
        throw new ImportFileError(file, line, `"${k}" already appears on line ${first}`);
      seen.set(k, line);
    }
  }
}
