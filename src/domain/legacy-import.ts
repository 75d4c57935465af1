import { z } from "zod";

import { repairWebsite, type WebsiteRepair } from "./legacy-website";
import {
  initiators,
  matchKey,
  regionCodes,
  type ActivityTypeRow,
  type CountryRow,
  type Initiator,
  type NameLookup,
  type RegionCode,
} from "./reference-data";
import { parseReferenceNumber } from "./reference-number";
import { isIsoDate, termLengthYears, type IsoDate } from "./term";

// One record of the legacy registry export (prisma/data/who-collaborating-
// centres-2022.csv, quirks in shared/data/README.md) turned into the centre it
// describes. A record either becomes a LegacyCentre, possibly with warnings
// (something was dropped or overridden), or is skipped with its reasons.
//
// Decisions (docs/decisions/0002-legacy-import.md):
// - Semicolons are turned back into commas in subjects and activity types,
//   whose canonical names are known to contain commas. Titles are kept as
//   written: the export quoted the commas of 68 titles correctly and no title
//   holds a semicolon, so a semicolon in a title is the author's own.
// - The country's region (reference data) wins over the record's region
//   column, with a warning: Centre.regionId is denormalised from the country.
// - Unknown activity types, duplicate subjects and broken websites are dropped
//   with a warning rather than costing the centre its import.

export const legacyColumns = [
  "reference",
  "initiator",
  "region",
  "country",
  "designated_on",
  "last_redesignated_on",
  "expires_on",
  "status",
  "title",
  "website",
  "subject_1",
  "subject_2",
  "subject_3",
  "activity_type_1",
  "activity_type_2",
  "activity_type_3",
] as const;
export type LegacyColumn = (typeof legacyColumns)[number];
export type LegacyRecord = Record<LegacyColumn, string>;

export type LegacyRepair = WebsiteRepair | "commas-restored";

export interface LegacyTerm {
  kind: "INITIAL" | "REDESIGNATION";
  start: IsoDate;
  end: IsoDate;
  /** Null when the term does not end on an anniversary of its start. */
  years: number | null;
}

export interface LegacyCentre {
  line: number;
  reference: string;
  countryCode: string;
  referenceNumber: number;
  regionCode: RegionCode;
  initiator: Initiator;
  status: "ACTIVE" | "PENDING";
  title: string;
  website: string | null;
  firstDesignatedOn: IsoDate;
  term: LegacyTerm;
  subjects: string[];
  /** Canonical names from the reference data, in the record's order. */
  activityTypes: string[];
  warnings: string[];
  repairs: LegacyRepair[];
}

export interface LegacyLookups {
  country: NameLookup<CountryRow>;
  activityType: NameLookup<ActivityTypeRow>;
}

export type LegacyRecordResult = { ok: true; centre: LegacyCentre } | { ok: false; reason: string };

// WHO's own limit for a term (docs/domain.md §1); longer imported terms are kept but flagged.
const longestTermYears = 4;

const text = z.string().transform((value) => value.trim().replace(/\s+/g, " "));
const requiredText = text.pipe(z.string().min(1, "is empty"));
const isoDate = z
  .string()
  .trim()
  .refine(isIsoDate, { error: (issue) => `"${String(issue.input)}" is not a calendar date (YYYY-MM-DD)` });

const fieldsSchema = z.object({
  reference: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const parsed = parseReferenceNumber(value);
      if (parsed.ok) return { text: value, ...parsed.value };
      ctx.addIssue({ code: "custom", message: parsed.reason });
      return z.NEVER;
    }),
  initiator: z
    .string()
    .trim()
    .transform((value, ctx): Initiator => {
      const code = value.toUpperCase() === "HEADQUARTERS" ? "HQ" : value.toUpperCase();
      const initiator = initiators.find((candidate) => candidate === code);
      if (initiator) return initiator;
      ctx.addIssue({ code: "custom", message: `"${value}" is neither Headquarters nor a region code` });
      return z.NEVER;
    }),
  region: z
    .string()
    .trim()
    .transform((value, ctx): RegionCode => {
      const region = regionCodes.find((code) => code === value.toUpperCase());
      if (region) return region;
      ctx.addIssue({ code: "custom", message: `"${value}" is not one of ${regionCodes.join(", ")}` });
      return z.NEVER;
    }),
  country: requiredText,
  designated_on: isoDate,
  last_redesignated_on: z.union([z.literal(""), isoDate]),
  expires_on: isoDate,
  status: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const status = value.toUpperCase();
      if (status === "ACTIVE" || status === "PENDING") return status;
      ctx.addIssue({ code: "custom", message: `"${value}" is neither Active nor Pending` });
      return z.NEVER;
    }),
  title: requiredText,
  website: z.string(),
  subject_1: text,
  subject_2: text,
  subject_3: text,
  activity_type_1: text,
  activity_type_2: text,
  activity_type_3: text,
});
type LegacyFields = z.output<typeof fieldsSchema>;

/** Builds the parser of one record; the lookups come from the reference data. */
export function createLegacyRecordParser(
  lookups: LegacyLookups,
): (line: number, record: LegacyRecord) => LegacyRecordResult {
  return (line, record) => {
    const parsed = fieldsSchema.safeParse(record);
    if (!parsed.success) return { ok: false, reason: describeIssues(parsed.error.issues) };
    return toCentre(line, parsed.data, lookups);
  };
}

function toCentre(line: number, fields: LegacyFields, lookups: LegacyLookups): LegacyRecordResult {
  const country = lookups.country(fields.country);
  if (!country) {
    return {
      ok: false,
      reason: `unknown country "${fields.country}" (add it or this spelling to countries.csv)`,
    };
  }
  if (fields.reference.countryCode !== country.whoCode) {
    return {
      ok: false,
      reason: `the reference ${fields.reference.text} does not belong to ${country.name}, whose WHO code is ${country.whoCode}`,
    };
  }
  const dates = checkDates(fields);
  if (!dates.ok) return dates;

  const warnings: string[] = [];
  const repairs = new Set<LegacyRepair>();
  if (fields.region !== country.regionCode) {
    warnings.push(
      `region ${fields.region} differs from ${country.name}'s region ${country.regionCode}: used ${country.regionCode}`,
    );
  }
  if (dates.term.years === null) {
    warnings.push(`the term ${dates.term.start} to ${dates.term.end} is not a whole number of years`);
  } else if (dates.term.years > longestTermYears) {
    warnings.push(
      `the term of ${dates.term.years} years is longer than ${longestTermYears} years: kept as recorded`,
    );
  }

  const website = repairWebsite(fields.website);
  if (website.warning) warnings.push(website.warning);
  website.repairs.forEach((repair) => repairs.add(repair));

  const subjects = collectSubjects(fields, warnings, repairs);
  const activityTypes = collectActivityTypes(fields, lookups.activityType, warnings, repairs);

  return {
    ok: true,
    centre: {
      line,
      reference: fields.reference.text,
      countryCode: country.whoCode,
      referenceNumber: fields.reference.number,
      regionCode: country.regionCode,
      initiator: fields.initiator,
      status: fields.status,
      title: fields.title,
      website: website.url,
      firstDesignatedOn: fields.designated_on,
      term: dates.term,
      subjects,
      activityTypes,
      warnings,
      repairs: [...repairs],
    },
  };
}

// The current term runs from the last redesignation (or the first designation
// when there was none) to the expiry date.
function checkDates(fields: LegacyFields): { ok: true; term: LegacyTerm } | { ok: false; reason: string } {
  const designated = fields.designated_on;
  const start = fields.last_redesignated_on === "" ? designated : fields.last_redesignated_on;
  const end = fields.expires_on;
  if (start < designated) {
    return { ok: false, reason: `last_redesignated_on ${start} is before designated_on ${designated}` };
  }
  if (end <= start) {
    return { ok: false, reason: `expires_on ${end} is not after the start of the term (${start})` };
  }
  const kind = start === designated ? "INITIAL" : "REDESIGNATION";
  return { ok: true, term: { kind, start, end, years: termLengthYears(start, end) } };
}

function collectSubjects(fields: LegacyFields, warnings: string[], repairs: Set<LegacyRepair>): string[] {
  const subjects: string[] = [];
  for (const value of [fields.subject_1, fields.subject_2, fields.subject_3]) {
    if (value === "") continue;
    const subject = restoreCommas(value);
    if (subject !== value) repairs.add("commas-restored");
    if (subjects.some((seen) => matchKey(seen) === matchKey(subject))) {
      warnings.push(`subject "${subject}" is listed twice: kept once`);
      continue;
    }
    subjects.push(subject);
  }
  return subjects;
}

function collectActivityTypes(
  fields: LegacyFields,
  lookup: NameLookup<ActivityTypeRow>,
  warnings: string[],
  repairs: Set<LegacyRepair>,
): string[] {
  const names: string[] = [];
  for (const value of [fields.activity_type_1, fields.activity_type_2, fields.activity_type_3]) {
    if (value === "") continue;
    if (value.includes(";")) repairs.add("commas-restored");
    const type = lookup(value);
    if (!type) {
      warnings.push(`activity type "${restoreCommas(value)}" is not one of the known types: dropped`);
    } else if (names.includes(type.name)) {
      warnings.push(`activity type "${type.name}" is listed twice: kept once`);
    } else {
      names.push(type.name);
    }
  }
  return names;
}

/** The export wrote every comma inside a value as a semicolon. */
export function restoreCommas(value: string): string {
  return value.replace(/\s*;\s*/g, ", ");
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`).join("; ");
}

export interface LegacySkip {
  line: number;
  reference: string;
  reason: string;
}

export interface LegacyFileResult {
  centres: LegacyCentre[];
  skipped: LegacySkip[];
}

/**
 * All records of one file. The first record with a reference owns it: later
 * ones are skipped even when the first was skipped too, because two rows that
 * disagree about one centre need a person to decide, not the row order.
 */
export function parseLegacyRecords(
  records: readonly { line: number; record: LegacyRecord }[],
  lookups: LegacyLookups,
): LegacyFileResult {
  const parse = createLegacyRecordParser(lookups);
  const firstLineOf = new Map<string, number>();
  const result: LegacyFileResult = { centres: [], skipped: [] };
  for (const { line, record } of records) {
    const reference = record.reference.trim();
    const firstLine = firstLineOf.get(reference);
    if (reference !== "" && firstLine !== undefined) {
      result.skipped.push({
        line,
        reference,
        reason: `duplicate of line ${firstLine}, which owns this reference`,
      });
      continue;
    }
    firstLineOf.set(reference, line);
    const parsed = parse(line, record);
    if (parsed.ok) result.centres.push(parsed.centre);
    else result.skipped.push({ line, reference, reason: parsed.reason });
  }
  return result;
}
