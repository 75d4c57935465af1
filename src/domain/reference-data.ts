import { z } from "zod";

// Rows of the reference-data files in prisma/data/ (regions, countries,
// activity types, subjects), validated and turned into the domain's shapes,
// and the name matching that legacy files need: their spellings vary by year
// and by export ("IRAN (ISLAMIC REP.)", "TURKEY" / "TÜRKIYE", "UK").

export const regionCodes = ["AFRO", "AMRO", "SEARO", "EURO", "EMRO", "WPRO"] as const;
export type RegionCode = (typeof regionCodes)[number];

/** Who initiated a designation: headquarters or one regional office (docs/domain.md §3). */
export const initiators = ["HQ", ...regionCodes] as const;
export type Initiator = (typeof initiators)[number];

const requiredText = z
  .string()
  .transform((value) => value.trim().replace(/\s+/g, " "))
  .pipe(z.string().min(1, "is empty"));

const nameList = z.string().transform((value) =>
  value
    .split("|")
    .map((name) => name.trim())
    .filter((name) => name !== ""),
);

export const regionRowSchema = z
  .object({ code: z.enum(regionCodes), name: requiredText, office: requiredText })
  .strict();
export type RegionRow = z.output<typeof regionRowSchema>;

export const countryRowSchema = z
  .object({
    who_code: z.string().regex(/^[A-Z]{3}$/, "must be 3 upper-case letters"),
    iso_code: z.union([
      z.literal(""),
      z.string().regex(/^[A-Z]{2}$/, "must be 2 upper-case letters or empty"),
    ]),
    iso_numeric: z.union([z.literal(""), z.string().regex(/^\d{3}$/, "must be 3 digits or empty")]),
    name: requiredText,
    region: z.enum(regionCodes),
    source_names: nameList,
  })
  .strict()
  .transform((row) => ({
    whoCode: row.who_code,
    isoCode: row.iso_code === "" ? null : row.iso_code,
    isoNumeric: row.iso_numeric === "" ? null : row.iso_numeric,
    name: row.name,
    regionCode: row.region,
    sourceNames: row.source_names,
  }));
export type CountryRow = z.output<typeof countryRowSchema>;

export const activityTypeRowSchema = z
  .object({
    position: z
      .string()
      .regex(/^[1-9]\d*$/, "must be a positive whole number")
      .transform(Number),
    name: requiredText,
    source_names: nameList,
  })
  .strict()
  .transform((row) => ({ position: row.position, name: row.name, sourceNames: row.source_names }));
export type ActivityTypeRow = z.output<typeof activityTypeRowSchema>;

export const subjectRowSchema = z.object({ name: requiredText }).strict();
export type SubjectRow = z.output<typeof subjectRowSchema>;

/**
 * The key under which names are compared: case, accents, spacing and the
 * legacy export's semicolons-for-commas do not make two names different.
 */
export function matchKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\s*[;,]\s*/g, ", ")
    .replace(/\s+/g, " ")
    .trim()
    .toUpperCase();
}

/** Finds the row a name refers to, by its canonical name or any known spelling. */
export type NameLookup<T> = (name: string) => T | undefined;

export function buildNameLookup<T extends { name: string; sourceNames: readonly string[] }>(
  rows: readonly T[],
): NameLookup<T> {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    for (const name of [row.name, ...row.sourceNames]) {
      const key = matchKey(name);
      const taken = byKey.get(key);
      if (taken && taken !== row) {
        throw new Error(`the name "${name}" is listed for both "${taken.name}" and "${row.name}"`);
      }
      byKey.set(key, row);
    }
  }
  return (name) => byKey.get(matchKey(name));
}
