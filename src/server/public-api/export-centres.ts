import "server-only";

import { csvRow } from "@/domain/directory/csv";
import { parseExportSearch, toParamsRecord } from "@/domain/directory/search-params";
import { logger } from "@/server/log/logger";
import type { DirectoryCentre } from "@/server/queries/directory-centres";
import { resolveSearch } from "@/server/queries/directory-resolve";
import { allMatches } from "@/server/queries/directory-search";

import { centreJson } from "./centre-json";
import { apiErrors, streamResponse } from "./respond";
import { siteOrigin } from "./site-origin";

export type ExportFormat = "csv" | "json" | "ndjson";

const csvHeader = [
  "reference",
  "title",
  "status",
  "region",
  "country",
  "city",
  "institution",
  "initiator",
  "subjects",
  "activity_types",
  "first_designated_on",
  "term_start",
  "term_end",
  "website",
  "url",
];

function csvLine(centre: DirectoryCentre, origin: string): string {
  return csvRow([
    centre.reference,
    centre.title,
    centre.status.toLowerCase(),
    centre.region.code,
    centre.country.name,
    centre.city,
    centre.institution,
    centre.initiator,
    centre.subjects.join("; "),
    centre.activityTypes.join("; "),
    centre.firstDesignatedOn,
    centre.termStart,
    centre.termEnd,
    centre.website,
    `${origin}/centres/${encodeURIComponent(centre.reference)}`,
  ]);
}

/**
 * The complete result set of a search, streamed: rows are read in keyset
 * batches as the client consumes them (pull-based), so memory stays flat
 * however many centres match.
 */
export async function exportCentres(url: URL, format: ExportFormat): Promise<Response> {
  const parsed = parseExportSearch(toParamsRecord(url.searchParams.entries()));
  if (!parsed.ok) return apiErrors(400, parsed.errors);
  const resolved = await resolveSearch(parsed.value);
  if (!resolved.ok) return apiErrors(400, resolved.errors);

  const rows = allMatches(resolved.value);
  const encoder = new TextEncoder();
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === "csv") controller.enqueue(encoder.encode(csvRow(csvHeader)));
      if (format === "json") controller.enqueue(encoder.encode("["));
    },
    async pull(controller) {
      try {
        const next = await rows.next();
        if (next.done) {
          if (format === "json") controller.enqueue(encoder.encode("]\n"));
          controller.close();
          return;
        }
        const centre = next.value;
        const text =
          format === "csv"
            ? csvLine(centre, siteOrigin())
            : format === "ndjson"
              ? `${JSON.stringify(centreJson(centre, siteOrigin()))}\n`
              : `${first ? "\n" : ",\n"}${JSON.stringify(centreJson(centre, siteOrigin()))}`;
        first = false;
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        logger.error({ err: error }, "export failed mid-stream");
        controller.error(error);
      }
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const types = {
    csv: "text/csv; charset=utf-8",
    json: "application/json; charset=utf-8",
    ndjson: "application/x-ndjson; charset=utf-8",
  };
  return streamResponse(stream, types[format], format === "csv" ? "centres.csv" : undefined);
}
