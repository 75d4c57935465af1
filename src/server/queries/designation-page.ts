import "server-only";

import { formChoosesSubjects } from "@/domain/centre-subjects";
import { toIsoDate } from "@/domain/dates";
import { designationActions, designationLifeCycle, designationPermission } from "@/domain/designation";
import { latestReturnComment, returnedToInstitution } from "@/domain/designation-return";
import { eligibilitySchema } from "@/domain/eligibility";
import { proposalEditable } from "@/domain/designation-proposal";
import { can, offeredActions, type Action } from "@/domain/permissions";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { institutionFieldsSelect } from "@/server/institutions/centre-institution";
import { authorizeRecord } from "@/server/policy/authorize";
import { designationFacts } from "@/server/policy/resource-facts";

import { similarCentres } from "./designation-similar";
import { institutionStaff } from "./institution-staff";

const extraPermissions = [
  "comment.create",
  "comment.create-internal",
  "comment.read-internal",
  "comment.resolve",
  "evaluation.read",
] as const satisfies readonly Action[];

/**
 * Everything the designation page shows, for a viewer who may read it
 * (otherwise AccessDenied, which the page turns into not-found). Internal
 * comments are left out of the query itself for viewers who may not read
 * them, and the timeline shows only the steps, never request metadata.
 */
export async function designationPage(viewer: Viewer, designationId: number) {
  const facts = await designationFacts(designationId);
  await authorizeRecord(viewer, "designation.read", facts);
  const allowed = (action: Action) => can(viewer, action, facts);
  const readInternal = allowed("comment.read-internal");
  const designation = await prisma.designation.findUniqueOrThrow({
    where: { id: designationId },
    select: {
      id: true,
      version: true,
      kind: true,
      state: true,
      stateChangedAt: true,
      headOfCentreName: true,
      headOfCentreTitle: true,
      headOfCentreEmail: true,
      submittedAt: true,
      eligibility: true,
      jointWorkStart: true,
      jointWorkEnd: true,
      consultationOutcome: true,
      consultationRequestedOn: true,
      consultationRepliedOn: true,
      decisionDate: true,
      approverName: true,
      termYears: true,
      termStart: true,
      termEnd: true,
      frozenVersion: true,
      letterReference: true,
      closedReason: true,
      proposedBy: { select: { name: true } },
      centre: {
        select: {
          reference: true,
          title: true,
          status: true,
          country: { select: { name: true, whoCode: true, isoCode: true } },
          region: { select: { code: true, name: true } },
          unit: { select: { name: true } },
          responsibleOfficer: { select: { name: true } },
          subjects: {
            orderBy: [{ position: "asc" }, { subjectId: "asc" }],
            select: { subjectId: true, subject: { select: { name: true } } },
          },
          institution: { select: institutionFieldsSelect },
        },
      },
      termsOfReference: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true, position: true, text: true },
      },
      activities: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          torItemId: true,
          title: true,
          activityTypeId: true,
          activityType: { select: { name: true } },
          description: true,
          deliverables: true,
          timeframe: true,
          responsiblePerson: true,
        },
      },
      comments: {
        where: readInternal ? {} : { visibility: "CENTRE" },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          version: true,
          visibility: true,
          anchor: true,
          body: true,
          createdAt: true,
          resolvedAt: true,
          author: { select: { name: true } },
        },
      },
    },
  });
  const timeline = await prisma.auditEvent.findMany({
    where: { entityType: "Designation", entityId: String(designationId), toState: { not: null } },
    orderBy: { occurredAt: "asc" },
    select: {
      id: true,
      occurredAt: true,
      action: true,
      fromState: true,
      toState: true,
      actorRole: true,
      actor: { select: { name: true } },
    },
  });
  const activityTypes = await prisma.activityType.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
  // The steps of the life cycle the viewer may take now: the forms the page shows.
  const offered = offeredActions(designationLifeCycle, viewer, facts);
  const transitions = designationActions.filter((action) => offered.includes(designationPermission(action)));
  const permissions = {
    ...(Object.fromEntries(extraPermissions.map((action) => [action, allowed(action)])) as Record<
      (typeof extraPermissions)[number],
      boolean
    >),
    "designation.edit-form": offered.includes("designation.edit-form"),
    "designation.edit-proposal":
      offered.includes("designation.edit-proposal") && proposalEditable(designation),
  };
  // Before a proposal is sent, its proposer is warned of centres that look the same.
  const similar =
    facts && designation.state === "DRAFT" && offered.includes("designation.send")
      ? await similarCentres(facts.centreId)
      : [];
  // The reference list, for a first designation's form that the viewer may edit (decision 0025).
  const subjectsEditable = formChoosesSubjects(designation.kind).ok && permissions["designation.edit-form"];
  const subjectOptions = subjectsEditable
    ? await prisma.subject.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } })
    : [];
  // Whoever sends the form to the institution (or will) sees who there can act, and may invite them in place.
  const staff =
    facts &&
    (designation.state === "DRAFT" || designation.state === "WITH_INSTITUTION") &&
    allowed("user.invite")
      ? await institutionStaff(facts.centreId)
      : null;
  // Returned to the institution: the reason the institution was told comes first on the page.
  const returned = returnedToInstitution(designation.state, timeline.at(-1) ?? null);
  const returnNote = returned
    ? latestReturnComment(designation.comments.filter((comment) => comment.visibility === "CENTRE"))
    : null;
  // The proposal's checklist is WHO's assessment of the institution: not shown to its staff.
  const eligibility = readInternal ? eligibilitySchema.safeParse(designation.eligibility) : null;
  return {
    similar,
    eligibility: eligibility?.success ? eligibility.data : null,
    designation: {
      ...designation,
      eligibility: undefined,
      submittedOn: designation.submittedAt ? toIsoDate(designation.submittedAt) : null,
    },
    timeline: timeline.map((row) => ({ ...row, id: String(row.id) })),
    returned: returned ? { note: returnNote } : null,
    institutionStaff: staff,
    subjectsEditable,
    subjectOptions,
    activityTypes,
    transitions,
    permissions,
  };
}

export type DesignationPage = Awaited<ReturnType<typeof designationPage>>;
