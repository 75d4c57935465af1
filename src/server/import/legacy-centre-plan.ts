import { toIsoDate } from "@/domain/dates";
import type { LegacyCentre } from "@/domain/legacy-import";
import type { IsoDate } from "@/domain/term";
import type { CentreStatus, DesignationKind, Initiator } from "@/generated/prisma/enums";

// What an import does to one centre, decided from the parsed record and the
// centre as the registry holds it, without touching the database: create it,
// leave it, update what differs, or skip it because the registry knows better.

/** The centre's columns that the legacy export determines. */
export interface CentreFields {
  reference: string;
  referenceNumber: number;
  title: string;
  status: Extract<CentreStatus, "ACTIVE" | "PENDING">;
  website: string | null;
  initiator: Initiator;
  countryId: number;
  regionId: number;
  firstDesignatedOn: IsoDate;
  termStart: IsoDate;
  termEnd: IsoDate;
}

/** The one DESIGNATED designation that stands for the current term. */
export interface DesignationFields {
  kind: DesignationKind;
  termStart: IsoDate;
  termEnd: IsoDate;
  termYears: number | null;
}

export interface DesiredCentre {
  source: LegacyCentre;
  fields: CentreFields;
  subjectIds: number[];
  activityTypeIds: number[];
  designation: DesignationFields;
}

export interface ExistingDesignation {
  id: number;
  version: number;
  kind: DesignationKind;
  termStart: Date | null;
  termEnd: Date | null;
  termYears: number | null;
}

export interface ExistingCentre {
  id: number;
  version: number;
  reference: string;
  referenceNumber: number;
  title: string;
  status: CentreStatus;
  website: string | null;
  initiator: Initiator;
  countryId: number;
  regionId: number;
  firstDesignatedOn: Date | null;
  termStart: Date | null;
  termEnd: Date | null;
  subjects: { subjectId: number; position: number }[];
  activityTypes: { activityTypeId: number; position: number }[];
  /** Only those in state DESIGNATED. */
  designations: ExistingDesignation[];
}

export type DesignationPlan =
  | { action: "create" }
  | { action: "update"; existing: ExistingDesignation }
  | { action: "keep"; existing: ExistingDesignation };

export type CentrePlan =
  | { action: "create"; desired: DesiredCentre }
  | { action: "skip"; desired: DesiredCentre; reason: string }
  | { action: "unchanged"; desired: DesiredCentre; existing: ExistingCentre }
  | {
      action: "update";
      desired: DesiredCentre;
      existing: ExistingCentre;
      fieldsChanged: boolean;
      statusChanged: boolean;
      subjectsChanged: boolean;
      activityTypesChanged: boolean;
      designation: DesignationPlan;
    };

// Statuses a re-import may overwrite: the ones the export itself can hold. A
// centre the registry has since closed or terminated keeps its status.
const importableStatuses: readonly CentreStatus[] = ["ACTIVE", "PENDING"];

export function planCentre(desired: DesiredCentre, existing: ExistingCentre | undefined): CentrePlan {
  if (!existing) return { action: "create", desired };
  if (!importableStatuses.includes(existing.status)) {
    return { action: "skip", desired, reason: `the registry has it as ${existing.status}: not overwritten` };
  }
  const latest = latestDesignation(existing.designations);
  const latestStart = latest?.termStart ? toIsoDate(latest.termStart) : null;
  if (latestStart !== null && latestStart > desired.designation.termStart) {
    return {
      action: "skip",
      desired,
      reason: `the registry holds a later term (from ${latestStart}) than the file (from ${desired.designation.termStart})`,
    };
  }

  const designation = planDesignation(desired.designation, existing.designations, latest);
  const statusChanged = existing.status !== desired.fields.status;
  const fieldsChanged = statusChanged || centreFieldsDiffer(desired.fields, existing);
  const subjectsChanged = !sameIds(
    desired.subjectIds,
    existing.subjects.map((row) => ({ id: row.subjectId, position: row.position })),
  );
  const activityTypesChanged = !sameIds(
    desired.activityTypeIds,
    existing.activityTypes.map((row) => ({ id: row.activityTypeId, position: row.position })),
  );
  if (!fieldsChanged && !subjectsChanged && !activityTypesChanged && designation.action === "keep") {
    return { action: "unchanged", desired, existing };
  }
  return {
    action: "update",
    desired,
    existing,
    fieldsChanged,
    statusChanged,
    subjectsChanged,
    activityTypesChanged,
    designation,
  };
}

/**
 * The designation of the file's term: the DESIGNATED one with the same start,
 * else the latest one (the file corrects or renews the term the import wrote
 * before: the export only knows the current term, so the import keeps one).
 */
function planDesignation(
  desired: DesignationFields,
  designations: readonly ExistingDesignation[],
  latest: ExistingDesignation | undefined,
): DesignationPlan {
  const sameStart = designations.find(
    (row) => row.termStart && toIsoDate(row.termStart) === desired.termStart,
  );
  const existing = sameStart ?? latest;
  if (!existing) return { action: "create" };
  return designationDiffers(desired, existing)
    ? { action: "update", existing }
    : { action: "keep", existing };
}

function latestDesignation(designations: readonly ExistingDesignation[]): ExistingDesignation | undefined {
  const key = (row: ExistingDesignation) => (row.termStart ? toIsoDate(row.termStart) : "");
  return [...designations].sort((a, b) => key(b).localeCompare(key(a)) || b.id - a.id)[0];
}

function centreFieldsDiffer(fields: CentreFields, existing: ExistingCentre): boolean {
  return (
    fields.referenceNumber !== existing.referenceNumber ||
    fields.title !== existing.title ||
    fields.website !== existing.website ||
    fields.initiator !== existing.initiator ||
    fields.countryId !== existing.countryId ||
    fields.regionId !== existing.regionId ||
    fields.firstDesignatedOn !== isoOrNull(existing.firstDesignatedOn) ||
    fields.termStart !== isoOrNull(existing.termStart) ||
    fields.termEnd !== isoOrNull(existing.termEnd)
  );
}

// Only the term itself: the letter and decision dates the import derives from
// it may since have been corrected by a focal point, and are left alone then.
function designationDiffers(desired: DesignationFields, existing: ExistingDesignation): boolean {
  return (
    desired.kind !== existing.kind ||
    desired.termStart !== isoOrNull(existing.termStart) ||
    desired.termEnd !== isoOrNull(existing.termEnd) ||
    desired.termYears !== existing.termYears
  );
}

function sameIds(desired: readonly number[], existing: readonly { id: number; position: number }[]): boolean {
  const ordered = [...existing].sort((a, b) => a.position - b.position);
  return (
    ordered.length === desired.length &&
    ordered.every((row, i) => row.id === desired[i] && row.position === i + 1)
  );
}

function isoOrNull(date: Date | null): IsoDate | null {
  return date ? toIsoDate(date) : null;
}
