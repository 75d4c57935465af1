import {
  csvHeaderKinds,
  initiatorCodes,
  maxApiLimit,
  maxQueryLength,
  maxValuesPerFacet,
  regionCodes,
  sortKeys,
} from "@/domain/directory/search-params";
import { locales } from "@/i18n/locales";

const arrayParam = (
  name: string,
  description: string,
  items: Record<string, unknown> = { type: "string" },
) => ({
  name,
  in: "query",
  description: `${description} Repeat the parameter for several values (any of them matches; different parameters must all match); at most ${maxValuesPerFacet}. An unknown value is a 400.`,
  schema: { type: "array", items, maxItems: maxValuesPerFacet },
  style: "form",
  explode: true,
});

const filterParams = [
  {
    name: "q",
    in: "query",
    description:
      "Keywords over title, subjects, institution, city, terms of reference and activities. Every word must match; words match as prefixes and misspelt words also match their closest known word.",
    schema: { type: "string", maxLength: maxQueryLength },
  },
  arrayParam("region", "WHO region code.", { type: "string", enum: [...regionCodes] }),
  arrayParam("country", "Three-letter WHO country code (the prefix of references, e.g. NOR).", {
    type: "string",
    pattern: "^[A-Za-z]{3}$",
  }),
  arrayParam("status", "Status. Without it: active and pending (plus closed and terminated with former=1).", {
    type: "string",
    enum: ["active", "pending", "closed", "terminated"],
  }),
  arrayParam("subject", "Subject name, exactly as in the facet counts."),
  arrayParam("activity", "Type of activity, exactly as in the facet counts."),
  arrayParam("initiator", "Who initiated the designation.", { type: "string", enum: [...initiatorCodes] }),
  {
    name: "former",
    in: "query",
    description: "1 to include former (closed and terminated) centres.",
    schema: { type: "string", enum: ["1", "0", "true", "false"] },
  },
  {
    name: "sort",
    in: "query",
    description:
      "Order of results. Without it: relevance when q has words, else reference; relevance without words falls back to reference.",
    schema: { type: "string", enum: [...sortKeys] },
  },
];

// The CSV's header row: people get the columns named in their language,
// programs the stable names.
const csvParams = [
  {
    name: "lang",
    in: "query",
    description:
      "Language of the header row's column names (default en). The rows are the same in every language: codes and the registry's English names.",
    schema: { type: "string", enum: [...locales] },
  },
  {
    name: "header",
    in: "query",
    description:
      "machine: the stable snake_case column names (reference, title, status, region, country, city, institution, initiator, subjects, activity_types, first_designated_on, term_start, term_end, website, url), whatever lang says. Use it in programs.",
    schema: { type: "string", enum: [...csvHeaderKinds] },
  },
];

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Errors" } } },
});

const rateLimited = {
  description: "Too many requests from this address; retry after the given number of seconds.",
  headers: { "Retry-After": { schema: { type: "integer" } } },
  content: { "application/json": { schema: { $ref: "#/components/schemas/Errors" } } },
};

/** The public API described as OpenAPI 3.1. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Collaborating Centres Registry API",
      version: "1.0.0",
      description:
        "Read-only access to the public directory of collaborating centres. Anonymous clients are rate-limited per address. Unknown parameters are rejected with 400.",
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/api/v1" }],
    paths: {
      "/centres": {
        get: {
          operationId: "listCentres",
          summary: "Search centres, with facet counts and cursor paging",
          parameters: [
            ...filterParams,
            {
              name: "cursor",
              in: "query",
              description:
                "meta.nextCursor of the previous page. Paging is stable: every matching centre appears exactly once, also when centres tie on the sort key.",
              schema: { type: "string" },
            },
            {
              name: "limit",
              in: "query",
              description: `Centres per page, 1 to ${maxApiLimit} (default 20).`,
              schema: { type: "integer", minimum: 1, maximum: maxApiLimit, default: 20 },
            },
          ],
          responses: {
            "200": {
              description: "One page of centres",
              content: { "application/json": { schema: { $ref: "#/components/schemas/CentreList" } } },
            },
            "400": errorResponse("A parameter is unknown or invalid, or the cursor is malformed"),
            "429": rateLimited,
          },
        },
      },
      "/centres/{reference}": {
        get: {
          operationId: "getCentre",
          summary: "One centre with its terms of reference, work plan, history and networks",
          parameters: [
            { name: "reference", in: "path", required: true, schema: { type: "string", example: "NOR-18" } },
          ],
          responses: {
            "200": {
              description: "The centre",
              content: { "application/json": { schema: { type: "object" } } },
            },
            "400": errorResponse("Parameters were given"),
            "404": errorResponse("No public centre has this reference"),
            "429": rateLimited,
          },
        },
      },
      ...Object.fromEntries(
        (
          [
            ["csv", "text/csv"],
            ["json", "application/json"],
            ["ndjson", "application/x-ndjson"],
          ] as const
        ).map(([format, type]) => [
          `/centres.${format}`,
          {
            get: {
              operationId: `exportCentres${format.toUpperCase()}`,
              summary: `Every centre matching the search, streamed as ${format.toUpperCase()}`,
              parameters: format === "csv" ? [...filterParams, ...csvParams] : filterParams,
              responses: {
                "200": {
                  description: "The complete result set",
                  content: { [type]: { schema: { type: "string" } } },
                },
                "400": errorResponse("A parameter is unknown or invalid"),
                "429": rateLimited,
              },
            },
          },
        ]),
      ),
    },
    components: {
      schemas: {
        Errors: {
          type: "object",
          required: ["errors"],
          properties: { errors: { type: "array", items: { type: "string" } } },
        },
        FacetValue: {
          type: "object",
          properties: {
            value: { type: "string" },
            label: { type: "string" },
            count: { type: "integer" },
            selected: { type: "boolean" },
          },
        },
        Centre: {
          type: "object",
          properties: {
            reference: { type: "string" },
            title: { type: "string" },
            status: { type: "string", enum: ["ACTIVE", "PENDING", "CLOSED", "TERMINATED"] },
            region: { type: "object", properties: { code: { type: "string" }, name: { type: "string" } } },
            country: { type: "object", properties: { code: { type: "string" }, name: { type: "string" } } },
            city: { type: ["string", "null"] },
            institution: { type: ["string", "null"] },
            initiator: { type: "string" },
            subjects: { type: "array", items: { type: "string" } },
            activityTypes: { type: "array", items: { type: "string" } },
            firstDesignatedOn: { type: ["string", "null"], format: "date" },
            termStart: { type: ["string", "null"], format: "date" },
            termEnd: { type: ["string", "null"], format: "date" },
            website: { type: ["string", "null"] },
            links: { type: "object", properties: { html: { type: "string" }, api: { type: "string" } } },
          },
        },
        CentreList: {
          type: "object",
          properties: {
            meta: {
              type: "object",
              properties: {
                count: {
                  type: ["integer", "null"],
                  description:
                    "Centres matching the search (all pages); on the first page only, null on pages with a cursor",
                },
                limit: { type: "integer" },
                sort: { type: "string" },
                nextCursor: { type: ["string", "null"] },
                corrections: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: { word: { type: "string" }, correction: { type: "string" } },
                  },
                },
                facets: {
                  type: ["object", "null"],
                  description:
                    "Counts per facet value, on the first page only. A facet with values chosen is counted with every other filter but not its own, so each of its values shows how many centres it matches alongside the others (values of one facet combine with OR); every other facet is counted over all matches.",
                  additionalProperties: { type: "array", items: { $ref: "#/components/schemas/FacetValue" } },
                },
              },
            },
            links: {
              type: "object",
              properties: { self: { type: "string" }, next: { type: ["string", "null"] } },
            },
            items: { type: "array", items: { $ref: "#/components/schemas/Centre" } },
          },
        },
      },
    },
  };
}
