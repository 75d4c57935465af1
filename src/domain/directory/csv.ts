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
