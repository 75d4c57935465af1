import type { LegacyRepair } from "@/domain/legacy-import";

import type { LegacyImportSummary } from "./legacy-centres";
import type { ReferenceSeedSummary } from "./reference-data";
import type { SyncCounts } from "./sync-rows";

// The import's report for a person at a terminal: counts first, then every
// skipped record and every warning with its line, so nothing is hidden.

const repairLabels: Record<LegacyRepair, string> = {
  "doubled-scheme": 'websites with a doubled scheme ("http://https://")',
  "missing-scheme": "websites without http:// or https://",
  "scheme-typo": 'websites with a mistyped scheme ("htpp://")',
  "spaces-removed": "websites with spaces",
  "commas-restored": "records whose subjects or activity types had semicolons for commas",
};

export function formatReferenceSeed(summary: ReferenceSeedSummary): string {
  const part = (label: string, counts: SyncCounts) =>
    `${label} ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;
  return [
    "Reference data:",
    `  ${part("regions", summary.regions)}`,
    `  ${part("countries", summary.countries)}`,
    `  ${part("activity types", summary.activityTypes)}`,
    `  ${part("subjects", summary.subjects)}`,
  ].join("\n");
}

export function formatLegacyImport(summary: LegacyImportSummary, seconds: number): string {
  const lines = [
    `Imported ${summary.file}: ${summary.records} records in ${seconds.toFixed(1)} s`,
    `  created   ${summary.created}`,
    `  updated   ${summary.updated}`,
    `  unchanged ${summary.unchanged}`,
    `  skipped   ${summary.skipped.length}`,
    `  warnings  ${summary.warnings.length}`,
  ];
  const repairs = (Object.keys(repairLabels) as LegacyRepair[]).filter((repair) => summary.repairs[repair]);
  if (repairs.length > 0) {
    lines.push("Repaired:");
    for (const repair of repairs) lines.push(`  ${summary.repairs[repair]} ${repairLabels[repair]}`);
  }
  if (summary.skipped.length > 0) {
    lines.push("Skipped:");
    for (const skip of summary.skipped)
      lines.push(`  line ${skip.line} ${skip.reference || "(no reference)"}: ${skip.reason}`);
  }
  if (summary.warnings.length > 0) {
    lines.push("Warnings:");
    for (const warning of summary.warnings)
      lines.push(`  line ${warning.line} ${warning.reference}: ${warning.message}`);
  }
  return lines.join("\n");
}
