// The difference between two versions of a centre's terms of reference and
// work plan, for the side-by-side view on the public centre page. ToR items
// are matched by position (a redesignation copies them in order, then edits
// them); activities by title within the matched item. Each row says in words
// what happened, so the view never relies on colour alone.

export type DiffActivity = {
  title: string;
  activityType: string;
  description: string;
  deliverables: string;
  timeframe: string;
};
export type DiffItem = { position: number; text: string; activities: DiffActivity[] };

export type Change = "added" | "removed" | "changed" | "unchanged";

export type ActivityDiff = { change: Change; before: DiffActivity | null; after: DiffActivity | null };
export type ItemDiff = {
  position: number;
  change: Change;
  before: string | null;
  after: string | null;
  activities: ActivityDiff[];
};

function sameActivity(a: DiffActivity, b: DiffActivity): boolean {
  return (
    a.activityType === b.activityType &&
    a.description === b.description &&
    a.deliverables === b.deliverables &&
    a.timeframe === b.timeframe
  );
}

function diffActivities(before: DiffActivity[], after: DiffActivity[]): ActivityDiff[] {
  const rows: ActivityDiff[] = [];
  const remaining = new Map(before.map((activity) => [activity.title, activity]));
  for (const activity of after) {
    const old = remaining.get(activity.title);
    if (old) {
      remaining.delete(activity.title);
      rows.push({
        change: sameActivity(old, activity) ? "unchanged" : "changed",
        before: old,
        after: activity,
      });
    } else {
      rows.push({ change: "added", before: null, after: activity });
    }
  }
  for (const old of remaining.values()) rows.push({ change: "removed", before: old, after: null });
  return rows;
}

/** Version n (`after`) against version n−1 (`before`), item by item. */
export function diffTermsOfReference(before: DiffItem[], after: DiffItem[]): ItemDiff[] {
  const positions = [...new Set([...before, ...after].map((item) => item.position))].sort((a, b) => a - b);
  return positions.map((position) => {
    const old = before.find((item) => item.position === position) ?? null;
    const now = after.find((item) => item.position === position) ?? null;
    const activities = diffActivities(old?.activities ?? [], now?.activities ?? []);
    const change: Change = !old
      ? "added"
      : !now
        ? "removed"
        : old.text !== now.text || activities.some((row) => row.change !== "unchanged")
          ? "changed"
          : "unchanged";
    return { position, change, before: old?.text ?? null, after: now?.text ?? null, activities };
  });
}

// Each change in words is in the catalogues (CentrePage.diff.change.*).
