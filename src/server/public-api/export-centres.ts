import "server-only";

import { csvHeaderRow, csvRow, type CsvColumn } from "@/domain/directory/csv";
import {
  parseCsvExportSearch,
  parseExportSearch,
  toParamsRecord,
  type CsvHeader,
} from "@/domain/directory/search-params";
import { translatorFor } from "@/i18n/catalogues";
import { englishSearchProblems } from "@/i18n/search-problems";
import { logger } from "@/server/log/logger";
import type { DirectoryCentre } from "@/server/queries/directory-centres";
import { resolveSearch } from "@/server/queries/directory-resolve";
import { allMatches } from "@/server/queries/directory-search";

import { centreJson } from "./centre-json";
import { apiErrors, streamResponse } from "./respond";
import { siteOrigin } from "./site-origin";

export type ExportFormat = "csv" | "json" | "ndjson";

// The values are the data whatever the header's language (codes and stored
// names), so a sheet built on one export reads another.
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
  const record = toParamsRecord(url.searchParams.entries());
  // The CSV takes two parameters of its own (its header row); JSON and NDJSON refuse them.
  const csv = format === "csv" ? parseCsvExportSearch(record) : null;
  const parsed = csv ?? parseExportSearch(record);
  if (!parsed.ok) return apiErrors(400, englishSearchProblems(parsed.errors));
  const resolved = await resolveSearch(parsed.value);
  if (!resolved.ok) return apiErrors(400, englishSearchProblems(resolved.errors));
  const header = csv?.ok ? await headerRow(csv.value.header) : "";

  const rows = allMatches(resolved.value);
  const encoder = new TextEncoder();
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === "csv") controller.enqueue(encoder.encode(header));
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

/** The CSV's first row: the stable machine names, or the columns' labels in the asked language. */
async function headerRow(header: CsvHeader): Promise<string> {
  if (header.kind === "machine") return csvHeaderRow();
  const t = translatorFor(header.locale, "CsvColumns");
  return csvHeaderRow((column: CsvColumn) => t(column));
}
