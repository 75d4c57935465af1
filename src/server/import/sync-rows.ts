// Makes a table hold a list of desired rows, matched by a key: missing rows are
// created in one statement, differing rows updated one by one (they are few:
// reference data changes rarely), equal rows left alone so that `version` and
// `updatedAt` only move when something changed. Rows absent from the list are
// kept: reference rows may be in use, and removing them is an administrator's
// decision, not an import's.

export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface SyncPlan<Desired, Existing> {
  desired: readonly Desired[];
  existing: readonly Existing[];
  desiredKey: (row: Desired) => string;
  existingKey: (row: Existing) => string;
  differs: (desired: Desired, existing: Existing) => boolean;
  createMany: (rows: Desired[]) => Promise<unknown>;
  update: (desired: Desired, existing: Existing) => Promise<unknown>;
}

export async function syncRows<Desired, Existing>(plan: SyncPlan<Desired, Existing>): Promise<SyncCounts> {
  const existingByKey = new Map(plan.existing.map((row) => [plan.existingKey(row), row]));
  const toCreate: Desired[] = [];
  const counts: SyncCounts = { created: 0, updated: 0, unchanged: 0 };
  for (const row of plan.desired) {
    const existing = existingByKey.get(plan.desiredKey(row));
    if (!existing) {
      toCreate.push(row);
    } else if (plan.differs(row, existing)) {
      await plan.update(row, existing);
      counts.updated += 1;
    } else {
      counts.unchanged += 1;
    }
  }
  if (toCreate.length > 0) await plan.createMany(toCreate);
  counts.created = toCreate.length;
  return counts;
}

/** Thrown when a row changed between our read and our compare-and-set write. */
export class ConcurrentChangeError extends Error {
  constructor(what: string) {
    super(`${what} was changed by someone else during the import; nothing was written, run it again`);
    this.name = "ConcurrentChangeError";
  }
}

/** For `updateMany({ where: { id, version } })`: no row updated means someone else won. */
export function assertUpdated(result: { count: number }, what: string): void {
  if (result.count !== 1) throw new ConcurrentChangeError(what);
}
