import { describe, expect, it } from "vitest";

import { formatLegacyImport, formatReferenceSeed } from "@/server/import/format-summary";

describe("formatLegacyImport", () => {
  it("prints counts, repairs, skips and warnings with their lines", () => {
    const text = formatLegacyImport(
      {
        file: "export.csv",
        records: 4,
        created: 1,
        updated: 1,
        unchanged: 0,
        skipped: [
          { line: 4, reference: "NOR-18", reason: "duplicate of line 2, which owns this reference" },
          { line: 5, reference: "", reason: "reference: the reference is empty" },
        ],
        warnings: [
          {
            line: 3,
            reference: "NOR-19",
            message: 'website "http://None" is not a valid web address: dropped',
          },
        ],
        repairs: { "commas-restored": 2, "doubled-scheme": 1 },
      },
      1.234,
    );
    expect(text).toBe(
      [
        "Imported export.csv: 4 records in 1.2 s",
        "  created   1",
        "  updated   1",
        "  unchanged 0",
        "  skipped   2",
        "  warnings  1",
        "Repaired:",
        '  1 websites with a doubled scheme ("http://https://")',
        "  2 records whose subjects or activity types had semicolons for commas",
        "Skipped:",
        "  line 4 NOR-18: duplicate of line 2, which owns this reference",
        "  line 5 (no reference): reference: the reference is empty",
        "Warnings:",
        '  line 3 NOR-19: website "http://None" is not a valid web address: dropped',
      ].join("\n"),
    );
  });
});

describe("formatReferenceSeed", () => {
  it("prints one line per table", () => {
    const counts = { created: 0, updated: 0, unchanged: 6 };
    expect(
      formatReferenceSeed({ regions: counts, countries: counts, activityTypes: counts, subjects: counts }),
    ).toContain("  activity types 0 created, 0 updated, 6 unchanged");
  });
});
