import "server-only";

import { cache } from "react";

import { publicCentreStatuses, type CentreStatus } from "@/domain/centre-status";
import { toIsoDate } from "@/domain/dates";
import { diffTermsOfReference, type ItemDiff } from "@/domain/tor-diff";
import { prisma } from "@/server/db/client";

const iso = (date: Date | null) => (date ? toIsoDate(date) : null);

export type PublicTermsItem = {
  position: number;
  text: string;
  activities: {
    title: string;
    activityType: string;
    description: string;
    deliverables: string;
    timeframe: string;
  }[];
};

export type PublicHistoryEvent =
  | {
      kind: "designation";
      type: "INITIAL" | "REDESIGNATION";
      letterDate: string | null;
      termStart: string | null;
      termEnd: string | null;
    }
  | { kind: "status"; status: CentreStatus; date: string; reason: string | null };

export type PublicCentre = {
  reference: string;
  title: string;
  status: CentreStatus;
  country: string;
  countryCode: string;
  /** ISO 3166-1 alpha-2, for the country's name in the page's language; the page's only (not in the API). */
  countryIsoCode: string | null;
  region: { code: string; name: string };
  initiator: string;
  /** HQ or a region's code, for the page's language; the page's only (the API has `initiator`). */
  initiatorCode: string;
  website: string | null;
  city: string | null;
  publicContactEmail: string | null;
  /** Came from WHO's 2022 list (the legacy import), which names no institutions. */
  imported: boolean;
  institution: {
    name: string;
    department: string | null;
    city: string | null;
    website: string | null;
  } | null;
  unit: { code: string; name: string } | null;
  firstDesignatedOn: string | null;
  termStart: string | null;
  termEnd: string | null;
  statusChangedAt: string;
  statusReason: string | null;
  subjects: string[];
  activityTypes: string[];
  termsOfReference: PublicTermsItem[];
  history: PublicHistoryEvent[];
  networks: { name: string; description: string; joinedOn: string }[];
  /** Version n of the ToR and work plan against n−1, when both were recorded. */
  versionDiff: { version: number; previousVersion: number; items: ItemDiff[] } | null;
};

// Only the first three subjects and types of activity are public (docs/domain.md §3).
const publicTagCount = 3;

/**
 * A centre as a public visitor may see it, or null when it does not exist or
 * is not public (proposed or never designated): both answer "not found".
 * No personal data: no officer, no head of centre, no e-mail but the centre's
 * public contact. Cached per request (metadata and page share one read).
 */
export const findPublicCentre = cache(async (reference: string): Promise<PublicCentre | null> => {
  if (!/^[A-Za-z]{3}-\d{1,6}$/.test(reference)) return null;
  const centre = await prisma.centre.findFirst({
    where: { reference: reference.toUpperCase(), status: { in: [...publicCentreStatuses] } },
    select: {
      reference: true,
      title: true,
      status: true,
      website: true,
      city: true,
      publicContactEmail: true,
      initiator: true,
      firstDesignatedOn: true,
      termStart: true,
      termEnd: true,
      statusChangedAt: true,
      statusReason: true,
      importedAt: true,
      country: { select: { name: true, whoCode: true, isoCode: true } },
      region: { select: { code: true, name: true } },
      institution: { select: { name: true, department: true, city: true, website: true } },
      unit: { select: { code: true, name: true } },
      subjects: {
        select: { subject: { select: { name: true } } },
        orderBy: { position: "asc" },
        take: publicTagCount,
      },
      activityTypes: {
        select: { activityType: { select: { name: true } } },
        orderBy: { position: "asc" },
        take: publicTagCount,
      },
      designations: {
        where: { state: "DESIGNATED" },
        orderBy: [{ termStart: "asc" }, { id: "asc" }],
        select: {
          id: true,
          kind: true,
          letterDate: true,
          termStart: true,
          termEnd: true,
          frozenVersion: true,
        },
      },
      networks: {
        select: { joinedOn: true, network: { select: { name: true, description: true } } },
        orderBy: { network: { name: "asc" } },
      },
    },
  });
  if (!centre) return null;

  const current = [...centre.designations].sort(
    (a, b) =>
      (b.frozenVersion ?? 0) - (a.frozenVersion ?? 0) ||
      (b.termStart?.getTime() ?? 0) - (a.termStart?.getTime() ?? 0) ||
      b.id - a.id,
  )[0];
  const termsOfReference = current ? await publicTermsOfReference(current.id) : [];
  const previous = current?.frozenVersion
    ? centre.designations.find((designation) => designation.frozenVersion === current.frozenVersion! - 1)
    : undefined;
  const previousTerms = previous ? await publicTermsOfReference(previous.id) : [];
  // An imported first term has no recorded ToR: "everything added" would say nothing true.
  const versionDiff =
    current?.frozenVersion && previous && previousTerms.length > 0 && termsOfReference.length > 0
      ? {
          version: current.frozenVersion,
          previousVersion: current.frozenVersion - 1,
          items: diffTermsOfReference(previousTerms, termsOfReference),
        }
      : null;

  const history: PublicHistoryEvent[] = centre.designations.map((designation) => ({
    kind: "designation" as const,
    type: designation.kind,
    letterDate: iso(designation.letterDate),
    termStart: iso(designation.termStart),
    termEnd: iso(designation.termEnd),
  }));
  if (centre.status !== "ACTIVE") {
    history.push({
      kind: "status",
      status: centre.status,
      date: toIsoDate(centre.statusChangedAt),
      reason: centre.statusReason,
    });
  }
  history.sort((a, b) => eventDate(b).localeCompare(eventDate(a)));

  return {
    reference: centre.reference,
    title: centre.title,
    status: centre.status,
    country: centre.country.name,
    countryCode: centre.country.whoCode.trim(),
    countryIsoCode: centre.country.isoCode,
    region: centre.region,
    initiator: centre.initiator === "HQ" ? "Headquarters" : centre.initiator,
    initiatorCode: centre.initiator,
    website: centre.website,
    city: centre.city,
    publicContactEmail: centre.publicContactEmail,
    imported: centre.importedAt !== null,
    institution: centre.institution,
    unit: centre.unit,
    firstDesignatedOn: iso(centre.firstDesignatedOn),
    termStart: iso(centre.termStart),
    termEnd: iso(centre.termEnd),
    statusChangedAt: toIsoDate(centre.statusChangedAt),
    statusReason: centre.statusReason,
    subjects: centre.subjects.map((row) => row.subject.name),
    activityTypes: centre.activityTypes.map((row) => row.activityType.name),
    termsOfReference,
    history,
    networks: centre.networks.map((row) => ({
      name: row.network.name,
      description: row.network.description,
      joinedOn: toIsoDate(row.joinedOn),
    })),
    versionDiff,
  };
});

function eventDate(event: PublicHistoryEvent): string {
  return event.kind === "status" ? event.date : (event.letterDate ?? event.termStart ?? "");
}

// The responsible person of an activity is a name: personal data, never shown.
async function publicTermsOfReference(designationId: number): Promise<PublicTermsItem[]> {
  const items = await prisma.termsOfReferenceItem.findMany({
    where: { designationId },
    orderBy: { position: "asc" },
    select: {
      position: true,
      text: true,
      activities: {
        orderBy: { position: "asc" },
        select: {
          title: true,
          description: true,
          deliverables: true,
          timeframe: true,
          activityType: { select: { name: true } },
        },
      },
    },
  });
  return items.map((item) => ({
    position: item.position,
    text: item.text,
    activities: item.activities.map((activity) => ({
      title: activity.title,
      activityType: activity.activityType.name,
      description: activity.description,
      deliverables: activity.deliverables,
      timeframe: activity.timeframe,
    })),
  }));
}
