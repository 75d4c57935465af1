// Record ids in addresses (/designations/12, /reports/7): what the database
// could hold (PostgreSQL integer) and nothing else, so a crafted address never
// reaches a query. Everything else is the same "not found" as a missing record.

const recordIdPattern = /^[1-9]\d{0,8}$/;

/** The id in an address segment: a positive whole number of at most 9 digits (no sign, no leading zero), else null. */
export function parseRecordId(segment: string): number | null {
  return recordIdPattern.test(segment) ? Number(segment) : null;
}
