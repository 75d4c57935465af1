import "server-only";

import { centreStatusLabels, type CentreStatus } from "@/domain/centre-status";
import { formatIsoDate, toIsoDate } from "@/domain/dates";
import { atomFeed } from "@/domain/directory/atom";
import { designationFeed, type FeedEntry } from "@/server/queries/designation-feed";

function entryTitle(entry: FeedEntry): string {
  if (entry.kind === "designation") return `${entry.reference} designated: ${entry.title}`;
  if (entry.kind === "redesignation") return `${entry.reference} redesignated: ${entry.title}`;
  const label = centreStatusLabels[(entry.status ?? "PENDING") as CentreStatus] ?? entry.status;
  return `${entry.reference} is now ${label.toLowerCase()}: ${entry.title}`;
}

function entrySummary(entry: FeedEntry): string {
  if (entry.kind === "status") return `Status changed on ${formatIsoDate(toIsoDate(entry.date))}.`;
  const term =
    entry.termStart && entry.termEnd
      ? ` for the term ${formatIsoDate(toIsoDate(entry.termStart))} to ${formatIsoDate(toIsoDate(entry.termEnd))}`
      : "";
  return `${entry.kind === "designation" ? "Designated" : "Redesignated"}${term}.`;
}

/** /feeds/designations.atom: designations, redesignations and status changes, newest first. */
export async function designationFeedXml(origin: string): Promise<string> {
  const entries = await designationFeed();
  const host = new URL(origin).host;
  return atomFeed({
    id: `${origin}/feeds/designations.atom`,
    title: "Collaborating centres: designations and status changes",
    selfLink: `${origin}/feeds/designations.atom`,
    siteLink: `${origin}/centres`,
    updated: (entries[0]?.date ?? new Date(0)).toISOString(),
    entries: entries.map((entry) => ({
      id: `tag:${host},2026:${entry.id}`,
      title: entryTitle(entry),
      link: `${origin}/centres/${encodeURIComponent(entry.reference)}`,
      updated: entry.date.toISOString(),
      summary: entrySummary(entry),
    })),
  });
}
