// CSV as RFC 4180 writes it, made safe for spreadsheets: a cell that a
// spreadsheet would run as a formula (=, +, -, @, tab, carriage return) gets
// a leading apostrophe (OWASP's CSV injection advice).

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/**
 * The export's columns, in order. Their names are the stable header a
 * program reads (`header=machine`); people get them as words in their
 * language (the catalogues' CsvColumns).
 */
export const csvColumns = [
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
] as const;
export type CsvColumn = (typeof csvColumns)[number];

/** The header row: the machine names, or each column's label. */
export function csvHeaderRow(label?: (column: CsvColumn) => string): string {
  return csvRow(csvColumns.map((column) => (label ? label(column) : column)));
}
