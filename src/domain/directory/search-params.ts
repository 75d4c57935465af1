import { z } from "zod";

import { currentCentreStatuses, publicCentreStatuses, type CentreStatus } from "@/domain/centre-status";
import { locales, type Locale } from "@/i18n/locales";

// The directory's search as it lives in a URL: the page, the exports and the
// API share it so that a link, a CSV and an API call return the same centres.

export const regionCodes = ["AFRO", "AMRO", "SEARO", "EURO", "EMRO", "WPRO"] as const;
export const initiatorCodes = ["HQ", ...regionCodes] as const;
export const sortKeys = ["relevance", "reference", "title", "expiry"] as const;
export type SortKey = (typeof sortKeys)[number];
export type Initiator = (typeof initiatorCodes)[number];

export const maxQueryLength = 200;
export const maxQueryWords = 10;
export const maxValuesPerFacet = 20;
export const pageSize = 20;
/** Deeper than this, offset paging gets slow and nobody reads on: refine instead. */
export const maxPage = 500;
export const maxApiLimit = 100;

const publicStatusValues = publicCentreStatuses.map((status) => status.toLowerCase()) as [
  string,
  ...string[],
];

export type DirectorySearch = {
  q: string;
  region: string[];
  country: string[];
  status: CentreStatus[];
  subject: string[];
  activity: string[];
  initiator: Initiator[];
  former: boolean;
  /** The order the visitor chose; null for the default: relevance with words, else reference. */
  sort: SortKey | null;
};

export type SearchParamsRecord = Record<string, string[]>;

/**
 * What is wrong with a search, as a key of the catalogues' SearchErrors and
 * its values, so that the page can say it in the visitor's language and the
 * API in English (src/i18n/search-problems.ts), from one text per language.
 */
export type SearchProblem = { key: SearchProblemKey; values?: Record<string, string | number> };
export type SearchProblemKey =
  | "repeated"
  | "tooManyValues"
  | "queryTooLong"
  | "queryTooManyWords"
  | "unknownRegion"
  | "countryCode"
  | "unknownStatus"
  | "subjectTooLong"
  | "activityTooLong"
  | "unknownInitiator"
  | "former"
  | "unknownSort"
  | "pageNotNumber"
  | "pageTooSmall"
  | "pageTooLarge"
  | "limitNotNumber"
  | "limitRange"
  | "cursor"
  | "unknownExpand"
  | "unknownLanguage"
  | "unknownHeader"
  | "unknownParameters"
  | "invalid"
  | "resolveRegion"
  | "resolveCountry"
  | "resolveSubject"
  | "resolveActivity";

// Zod carries an issue's message as a string: the problem travels in it as
// JSON, and messages() reads it back.
const problem = (key: SearchProblemKey, values?: SearchProblem["values"]): string =>
  JSON.stringify(values ? { key, values } : { key });

function readProblem(issue: z.core.$ZodIssue): SearchProblem {
  try {
    const parsed = JSON.parse(issue.message) as SearchProblem;
    if (typeof parsed.key === "string") return parsed;
  } catch {
    // One of zod's own messages: say which parameter.
  }
  return { key: "invalid", values: { name: String(issue.path[0] ?? "") } };
}

// Parameter names come from the client: a record of them has no prototype, so
// `constructor`, `toString` or `__proto__` are keys like any other instead of
// Object.prototype's members (which made `?constructor=1` a 500, issue #11).
function emptyRecord(): SearchParamsRecord {
  return Object.create(null) as SearchParamsRecord;
}

/** Collects repeated parameters (`?region=AFRO&region=EURO`) into arrays. */
export function toParamsRecord(entries: Iterable<[string, string]>): SearchParamsRecord {
  const record = emptyRecord();
  for (const [key, value] of entries) (record[key] ??= []).push(value);
  return record;
}

/** Next's `searchParams` prop (string | string[] | undefined) as a record. */
export function fromNextSearchParams(
  params: Record<string, string | string[] | undefined>,
): SearchParamsRecord {
  const record = emptyRecord();
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string") record[key] = [value];
    else if (Array.isArray(value)) record[key] = value.filter((item) => typeof item === "string");
  }
  return record;
}

const single = <T extends z.ZodType<unknown, string | undefined>>(schema: T, name: string) =>
  z
    .array(z.string())
    .max(1, problem("repeated", { name }))
    .optional()
    .transform((values) => values?.[0])
    .pipe(schema);

const many = (name: string, item: z.ZodType<string, string>) =>
  z
    .array(z.string())
    .max(maxValuesPerFacet, problem("tooManyValues", { name, max: maxValuesPerFacet }))
    .optional()
    .transform((values) => [
      ...new Set((values ?? []).map((value) => value.trim()).filter((value) => value !== "")),
    ])
    .pipe(z.array(item));

const facetFields = {
  q: single(
    z
      .string()
      .optional()
      .transform((value) => (value ?? "").replace(/\s+/g, " ").trim())
      .pipe(
        z
          .string()
          .max(maxQueryLength, problem("queryTooLong", { max: maxQueryLength }))
          .refine(
            (value) => searchWords(value).length <= maxQueryWords,
            problem("queryTooManyWords", { max: maxQueryWords }),
          ),
      ),
    "q",
  ),
  region: many(
    "region",
    z
      .string()
      .transform((value) => value.toUpperCase())
      .pipe(
        z.enum(regionCodes, {
          error: (issue) =>
            problem("unknownRegion", { value: String(issue.input), allowed: regionCodes.join(", ") }),
        }),
      ),
  ),
  country: many(
    "country",
    z
      .string()
      .transform((value) => value.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{3}$/, problem("countryCode"))),
  ),
  status: many(
    "status",
    z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(
        z.enum(publicStatusValues, {
          error: (issue) =>
            problem("unknownStatus", { value: String(issue.input), allowed: publicStatusValues.join(", ") }),
        }),
      ),
  ).transform((values) => values.map((value) => value.toUpperCase() as CentreStatus)),
  subject: many("subject", z.string().max(200, problem("subjectTooLong", { max: 200 }))),
  activity: many("activity", z.string().max(200, problem("activityTooLong", { max: 200 }))),
  initiator: many(
    "initiator",
    z
      .string()
      .transform((value) => value.toUpperCase())
      .pipe(
        z.enum(initiatorCodes, {
          error: (issue) =>
            problem("unknownInitiator", { value: String(issue.input), allowed: initiatorCodes.join(", ") }),
        }),
      ),
  ),
  former: single(
    z
      .enum(["1", "true", "0", "false", ""], {
        error: problem("former"),
      })
      .optional()
      .transform((value) => value === "1" || value === "true"),
    "former",
  ),
  sort: single(
    z
      .enum(["", ...sortKeys], { error: problem("unknownSort", { allowed: sortKeys.join(", ") }) })
      .optional()
      .transform((value) => (value ? (value as SortKey) : undefined)),
    "sort",
  ),
};

const pageField = single(
  z
    .string()
    .optional()
    .transform((value) => value ?? "1")
    .pipe(
      z
        .string()
        .regex(/^\d{1,6}$/, problem("pageNotNumber"))
        .transform(Number)
        .pipe(
          z
            .number()
            .int()
            .min(1, problem("pageTooSmall"))
            .max(maxPage, problem("pageTooLarge", { max: maxPage })),
        ),
    ),
  "page",
);

const limitField = single(
  z
    .string()
    .optional()
    .transform((value) => value ?? "20")
    .pipe(
      z
        .string()
        .regex(/^\d{1,4}$/, problem("limitNotNumber", { max: maxApiLimit }))
        .transform(Number)
        .pipe(
          z
            .number()
            .int()
            .min(1, problem("limitRange", { max: maxApiLimit }))
            .max(maxApiLimit, problem("limitRange", { max: maxApiLimit })),
        ),
    ),
  "limit",
);

const cursorField = single(z.string().max(500, problem("cursor")).optional(), "cursor");

export const facetNames = ["region", "country", "status", "subject", "activity", "initiator"] as const;
export type FacetName = (typeof facetNames)[number];

// Which facet shows all its values on the page (the others show the top few).
const expandField = single(
  z
    .enum(["", ...facetNames], { error: problem("unknownExpand", { allowed: facetNames.join(", ") }) })
    .optional()
    .transform((value) => (value ? (value as FacetName) : undefined)),
  "expand",
);

const pageSchema = z.object({ ...facetFields, page: pageField, expand: expandField });
/** The parameters the search page reads (it ignores any other). */
export const pageParameterNames: readonly string[] = Object.keys(pageSchema.shape);
// The API and exports reject what they do not know, so a typo in a parameter
// name is an error rather than a silently ignored filter (like ROR's API).
const apiSchema = z.object({ ...facetFields, cursor: cursorField, limit: limitField }).strict();
const exportSchema = z.object({ ...facetFields }).strict();

// The CSV export's own parameters: the language of its column headings, or
// header=machine for the stable snake_case names that programs read.
export const csvHeaderKinds = ["machine"] as const;
const csvExportSchema = z
  .object({
    ...facetFields,
    lang: single(
      z
        .enum(locales, {
          error: (issue) =>
            problem("unknownLanguage", { value: String(issue.input), allowed: locales.join(", ") }),
        })
        .optional(),
      "lang",
    ),
    header: single(
      z
        .enum(csvHeaderKinds, { error: (issue) => problem("unknownHeader", { value: String(issue.input) }) })
        .optional(),
      "header",
    ),
  })
  .strict();

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: SearchProblem[] };

// One order for the values of a facet, whatever order the URL gave them in,
// so that equal searches have one URL and one cache key. Code-unit order,
// not the locale's: it must be the same on every machine.
function canonical<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function canonicalStatuses(values: readonly CentreStatus[]): CentreStatus[] {
  return publicCentreStatuses.filter((status) => values.includes(status));
}

function finish(data: z.infer<z.ZodObject<typeof facetFields>>): DirectorySearch {
  return {
    q: data.q,
    region: canonical(data.region as string[]),
    country: canonical(data.country as string[]),
    status: canonicalStatuses(data.status),
    subject: canonical(data.subject as string[]),
    activity: canonical(data.activity as string[]),
    initiator: canonical(data.initiator as Initiator[]),
    former: data.former,
    sort: data.sort ?? null,
  };
}

/**
 * The order a search is shown in: the chosen one, else relevance when it has
 * words and reference without (relevance has nothing to rank then).
 */
export function effectiveSort(sort: SortKey | null, hasWords: boolean): SortKey {
  const chosen = sort ?? "relevance";
  return chosen === "relevance" && !hasWords ? "reference" : chosen;
}

function messages(error: z.ZodError, allowed: readonly string[] = []): SearchProblem[] {
  const problems = error.issues.map((issue): SearchProblem =>
    issue.code === "unrecognized_keys"
      ? {
          key: "unknownParameters",
          values: {
            count: issue.keys.length,
            names: issue.keys.map((key) => `"${key}"`).join(", "),
            allowed: allowed.join(", "),
          },
        }
      : readProblem(issue),
  );
  // The same problem twice (two bad values of one kind) is said once.
  const seen = new Set<string>();
  return problems.filter((one) => {
    const text = JSON.stringify(one);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/** The search page: unknown parameters are ignored (shared links carry tracking tags). */
export function parsePageSearch(
  record: SearchParamsRecord,
): ParseResult<DirectorySearch & { page: number; expand: FacetName | undefined }> {
  const known = Object.fromEntries(
    Object.entries(record).filter(([key]) => Object.hasOwn(pageSchema.shape, key)),
  );
  const result = pageSchema.safeParse(known);
  if (!result.success) return { ok: false, errors: messages(result.error) };
  return { ok: true, value: { ...finish(result.data), page: result.data.page, expand: result.data.expand } };
}

export function parseApiSearch(
  record: SearchParamsRecord,
): ParseResult<DirectorySearch & { cursor: string | undefined; limit: number }> {
  const result = apiSchema.safeParse(record);
  if (!result.success) return { ok: false, errors: messages(result.error, Object.keys(apiSchema.shape)) };
  return {
    ok: true,
    value: { ...finish(result.data), cursor: result.data.cursor, limit: result.data.limit },
  };
}

export function parseExportSearch(record: SearchParamsRecord): ParseResult<DirectorySearch> {
  const result = exportSchema.safeParse(record);
  if (!result.success) return { ok: false, errors: messages(result.error, Object.keys(exportSchema.shape)) };
  return { ok: true, value: finish(result.data) };
}

/** How the CSV's first row names its columns: stable machine names, or labels in a language. */
export type CsvHeader = { kind: "machine" } | { kind: "labels"; locale: Locale };

/**
 * The CSV export: the search, and its header row. Labels in English unless
 * `lang` names another language; `header=machine` gives the stable snake_case
 * names whatever `lang` says.
 */
export function parseCsvExportSearch(
  record: SearchParamsRecord,
): ParseResult<DirectorySearch & { header: CsvHeader }> {
  const result = csvExportSchema.safeParse(record);
  if (!result.success)
    return { ok: false, errors: messages(result.error, Object.keys(csvExportSchema.shape)) };
  const header: CsvHeader =
    result.data.header === "machine"
      ? { kind: "machine" }
      : { kind: "labels", locale: result.data.lang ?? "en" };
  return { ok: true, value: { ...finish(result.data), header } };
}

/** The statuses a search covers: the chosen ones, else current or all public. */
export function effectiveStatuses(search: Pick<DirectorySearch, "status" | "former">): CentreStatus[] {
  if (search.status.length > 0) return search.status;
  return [...(search.former ? publicCentreStatuses : currentCentreStatuses)];
}

/**
 * The statuses the status facet offers: those the search covers without a
 * status chosen, and any chosen beyond them (a former status asked for by
 * name), in the usual order.
 */
export function statusChoices(search: Pick<DirectorySearch, "status" | "former">): CentreStatus[] {
  const offered = new Set([...effectiveStatuses({ status: [], former: search.former }), ...search.status]);
  return publicCentreStatuses.filter((status) => offered.has(status));
}

/**
 * The words of a query as the full-text search sees them: lower case, accents
 * folded (like PostgreSQL's unaccent), only letters and digits, so nothing in
 * them can be tsquery syntax.
 */
export function searchWords(q: string): string[] {
  return (
    q
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 50);
}

/**
 * The URL query string of a search (without page): its canonical form, with
 * parameters in a fixed order, each facet's values sorted and deduplicated,
 * and the sort only when the visitor chose one.
 */
export function searchToParams(search: DirectorySearch, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  for (const value of canonical(search.region)) params.append("region", value);
  for (const value of canonical(search.country)) params.append("country", value);
  for (const value of canonicalStatuses(search.status)) params.append("status", value.toLowerCase());
  for (const value of canonical(search.subject)) params.append("subject", value);
  for (const value of canonical(search.activity)) params.append("activity", value);
  for (const value of canonical(search.initiator)) params.append("initiator", value);
  if (search.former) params.set("former", "1");
  if (search.sort) params.set("sort", search.sort);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params;
}

export function emptySearch(): DirectorySearch {
  return {
    q: "",
    region: [],
    country: [],
    status: [],
    subject: [],
    activity: [],
    initiator: [],
    former: false,
    sort: null,
  };
}
