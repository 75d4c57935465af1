import path from "node:path";

import {
  legacyColumns,
  parseLegacyRecords,
  type LegacyFileResult,
  type LegacyRepair,
  type LegacySkip,
} from "@/domain/legacy-import";
import { buildNameLookup } from "@/domain/reference-data";
import type { PrismaClient } from "@/generated/prisma/client";

import { scheduleImportedReports } from "../reports/schedule-reports";
import { readCsvFile } from "./csv-file";
import { writeLegacyCentres } from "./legacy-centre-writes";
import { loadReferenceData, type ReferenceData } from "./reference-data";

// The import of a legacy registry export (`npm run import -- <file.csv>`), in
// two steps: readLegacyFile reads and checks the whole file, and a
// structurally broken one throws an ImportFileError ("<file>:<line>: <what>")
// before anything is written; writeLegacyFile then creates or updates every
// centre in one transaction, keyed by reference, so a re-import never
// duplicates and a failure leaves nothing half-done. The reference data
// (countries, activity types) must have been seeded first.

export interface LegacyImportOptions {
  /** The import's clock: `importedAt` and the audit row. */
  now?: Date;
  /** Where regions.csv, countries.csv, ... are read (their spellings drive the matching). */
  referenceDataDir?: string;
  /** PGlite is single-threaded and much slower than PostgreSQL: be generous. */
  transactionTimeoutMs?: number;
}

export interface LegacyImportWarning {
  line: number;
  reference: string;
  message: string;
}

export interface LegacyImportSummary {
  file: string;
  records: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: LegacySkip[];
  warnings: LegacyImportWarning[];
  /** How many records needed each kind of repair. */
  repairs: Partial<Record<LegacyRepair, number>>;
}

export interface ParsedLegacyFile extends LegacyFileResult {
  file: string;
  records: number;
}

/** Reads and checks a whole file; throws ImportFileError when it is malformed. Writes nothing. */
export async function readLegacyFile(
  filePath: string,
  options: { referenceData?: ReferenceData; referenceDataDir?: string } = {},
): Promise<ParsedLegacyFile> {
  const reference = options.referenceData ?? (await loadReferenceData(options.referenceDataDir));
  const records = await readCsvFile(filePath, legacyColumns);
  const parsed = parseLegacyRecords(records, {
    country: buildNameLookup(reference.countries),
    activityType: buildNameLookup(reference.activityTypes),
  });
  return { file: path.basename(filePath), records: records.length, ...parsed };
}

export async function importLegacyCentres(
  prisma: PrismaClient,
  filePath: string,
  options: LegacyImportOptions = {},
): Promise<LegacyImportSummary> {
  return writeLegacyFile(prisma, await readLegacyFile(filePath, options), options);
}

/** Writes a file read by readLegacyFile in one transaction, with one audit row. */
export async function writeLegacyFile(
  prisma: PrismaClient,
  parsed: ParsedLegacyFile,
  options: Omit<LegacyImportOptions, "referenceDataDir"> = {},
): Promise<LegacyImportSummary> {
  const now = options.now ?? new Date();
  const written = await prisma.$transaction(
    async (tx) => {
      const result = await writeLegacyCentres(tx, parsed.centres, now);
      // The current terms' reports, in the same transaction: idempotent, so a
      // re-import also schedules them for centres imported before this existed.
      const reports = await scheduleImportedReports(tx, now);
      await tx.auditEvent.create({
        data: {
          occurredAt: now,
          action: "import.legacy-centres",
          entityType: "Centre",
          details: {
            file: parsed.file,
            records: parsed.records,
            created: result.created,
            updated: result.updated,
            unchanged: result.unchanged,
            skipped: parsed.skipped.length + result.skipped.length,
            reports,
          },
        },
      });
      return result;
    },
    { timeout: options.transactionTimeoutMs ?? 120_000, maxWait: 30_000 },
  );

  const repairs: Partial<Record<LegacyRepair, number>> = {};
  for (const centre of parsed.centres) {
    for (const repair of centre.repairs) repairs[repair] = (repairs[repair] ?? 0) + 1;
  }
  return {
    file: parsed.file,
    records: parsed.records,
    created: written.created,
    updated: written.updated,
    unchanged: written.unchanged,
    skipped: [...parsed.skipped, ...written.skipped].sort((a, b) => a.line - b.line),
    warnings: parsed.centres.flatMap((centre) =>
      centre.warnings.map((message) => ({ line: centre.line, reference: centre.reference, message })),
    ),
    repairs,
  };
}
