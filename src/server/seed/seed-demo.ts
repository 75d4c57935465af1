import { scheduleAnnualReports } from "@/domain/annual-report-schedule";
import { torAnchor } from "@/domain/comment-anchor";
import { currentCentreStatuses } from "@/domain/centre-status";
import { addDays, addYears, startOfUtcDay } from "@/domain/dates";
import { openDesignationStates } from "@/domain/designation";
import type { Prisma, PrismaClient, ReportState } from "@/generated/prisma/client";
import { hashPassword } from "@/server/auth/password";
import { takeReferenceNumber } from "@/server/centres/take-reference-number";

import { DEMO_PASSWORD, demoAccounts, demoUnits, type DemoAccountKey } from "./demo-accounts";
import {
  demoEligibility,
  demoProposals,
  genericWorkPlan,
  nor18Institution,
  nor18WorkPlan,
  renewedWorkPlan,
  type DemoWorkPlan,
} from "./demo-content";

type Tx = Prisma.TransactionClient;
type Users = Record<DemoAccountKey, number>;

export type DemoSeedSummary = { users: number; proposals: number; terms: number; reports: number };

/**
 * Demo accounts and workflow data in every state, around the imported real
 * centres. Dates are relative to `now` so the demo stays meaningful whenever
 * it is seeded. Expects reference data and the 2022 centres to be imported.
 */
export async function seedDemo(prisma: PrismaClient, { now }: { now: Date }): Promise<DemoSeedSummary> {
  const today = startOfUtcDay(now);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return prisma.$transaction(
    async (tx) => {
      const units = await seedUnits(tx);
      const users = await seedUsers(tx, passwordHash, units);
      let terms = 0;
      let reports = 0;

      const term = async (reference: string, plan: TermPlan) => {
        const result = await giveCurrentTerm(tx, reference, plan, users, units, today);
        terms += 1;
        reports += result.reports;
        return result;
      };

      // NOR-18: redesignated two years ago; year 1 accepted, year 2 overdue.
      await term("NOR-18", {
        officer: "officer",
        unit: "DHI",
        start: addYears(addDays(today, -40), -2),
        plan: nor18WorkPlan,
        reportStates: ["ACCEPTED", "OPEN"],
      });
      await giveInstitution(tx, "NOR-18", nor18Institution);
      // SOA-13 (the other staffed centre): report due in 20 days, a draft begun.
      await term("SOA-13", {
        officer: "unitHead",
        unit: "HWF",
        start: addYears(addDays(today, 20), -1),
        reportStates: ["DRAFT"],
      });
      await term("SOA-14", {
        officer: "unitHead",
        unit: "HWF",
        start: addYears(addDays(today, -50), -1),
        reportStates: ["OPEN"],
      });
      await term("DEN-64", {
        officer: "officer",
        unit: "DHI",
        start: addYears(addDays(today, -10), -1),
        reportStates: ["SUBMITTED"],
      });
      await term("FIN-35", {
        officer: "officer",
        unit: "NCD",
        start: addYears(addDays(today, -5), -1),
        reportStates: ["RETURNED"],
      });
      await term("ITA-113", {
        officer: "officer",
        unit: "NFS",
        start: addDays(addYears(today, -1), -200),
        reportStates: ["ACCEPTED"],
        terminatedDaysAgo: 30,
      });

      // NOR-14: its term ends in 100 days and nobody has evaluated it yet, so
      // officer@who.example can write the final evaluation and start the
      // redesignation (issue 6 items 6 and 7).
      await term("NOR-14", {
        officer: "officer",
        unit: "NCD",
        start: addYears(addDays(today, 100), -4),
        reportStates: ["ACCEPTED", "ACCEPTED", "ACCEPTED"],
      });

      await seedRedesignationUnderWay(tx, users, units, today);
      const proposals = await seedProposals(tx, users, units, today);
      await seedNetworks(tx);
      await tx.auditEvent.create({
        data: {
          action: "seed.demo",
          entityType: "Database",
          details: { users: demoAccounts.length, proposals, terms },
        },
      });
      return { users: demoAccounts.length, proposals, terms, reports };
    },
    { timeout: 180_000, maxWait: 30_000 },
  );
}

async function seedUnits(tx: Tx): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const unit of demoUnits) {
    const row = await tx.unit.upsert({
      where: { code: unit.code },
      create: unit,
      update: {},
      select: { id: true },
    });
    ids[unit.code] = row.id;
  }
  return ids;
}

async function seedUsers(tx: Tx, passwordHash: string, units: Record<string, number>): Promise<Users> {
  const regions = new Map(
    (await tx.region.findMany({ select: { id: true, code: true } })).map((r) => [r.code, r.id]),
  );
  const ids = {} as Users;
  for (const account of demoAccounts) {
    const user = await tx.user.upsert({
      where: { email: account.email },
      create: { email: account.email, name: account.name, passwordHash },
      update: {},
      select: { id: true },
    });
    ids[account.key] = user.id;
    await tx.roleAssignment.deleteMany({ where: { userId: user.id } });
    for (const role of account.roles) {
      const scope =
        role.role === "FOCAL_POINT"
          ? { regionId: required(regions.get(role.regionCode), role.regionCode) }
          : role.role === "UNIT_HEAD"
            ? { unitId: required(units[role.unitCode], role.unitCode) }
            : role.role === "CENTRE_STAFF"
              ? { centreId: (await centreByReference(tx, role.centreReference)).id }
              : {};
      await tx.roleAssignment.create({ data: { userId: user.id, role: role.role, ...scope } });
    }
  }
  return ids;
}

type TermPlan = {
  officer: DemoAccountKey;
  unit: string;
  start: Date;
  plan?: DemoWorkPlan;
  reportStates: ReportState[]; // states of years 1..n; later years are scheduled
  terminatedDaysAgo?: number;
};

/** Records a designated redesignation for an imported centre, with ToR, work plan and reports. */
async function giveCurrentTerm(
  tx: Tx,
  reference: string,
  term: TermPlan,
  users: Users,
  units: Record<string, number>,
  today: Date,
): Promise<{ designationId: number; reports: number }> {
  const centre = await centreByReference(tx, reference);
  const years = 4;
  const termEnd = addYears(term.start, years);
  const previous = await tx.designation.count({ where: { centreId: centre.id, state: "DESIGNATED" } });
  const designation = await tx.designation.create({
    data: {
      centreId: centre.id,
      kind: "REDESIGNATION",
      state: "DESIGNATED",
      stateChangedAt: term.start,
      proposedById: users[term.officer],
      submittedAt: addDays(term.start, -60),
      endorsedAt: addDays(term.start, -50),
      clearedAt: addDays(term.start, -40),
      consultationOutcome: "NOT_REQUIRED",
      decisionDate: term.start,
      letterDate: term.start,
      approverName: "Regional Director",
      termYears: years,
      termStart: term.start,
      termEnd,
      frozenVersion: previous + 1,
      headOfCentreName: "Head of centre",
    },
    select: { id: true },
  });
  const activityIds = await createWorkPlan(tx, designation.id, term.plan ?? genericWorkPlan(centre.title));

  const terminated = term.terminatedDaysAgo !== undefined ? addDays(today, -term.terminatedDaysAgo) : null;
  await tx.centre.update({
    where: { id: centre.id },
    data: {
      status: terminated ? "TERMINATED" : "ACTIVE",
      statusChangedAt: terminated ?? term.start,
      statusReason: terminated ? "The institution closed the department that hosted the centre." : null,
      termStart: term.start,
      termEnd: terminated ?? termEnd,
      responsibleOfficerId: users[term.officer],
      unitId: units[term.unit],
      version: { increment: 1 },
    },
  });

  const schedule = scheduleAnnualReports(term.start, years);
  for (const slot of schedule) {
    const seeded = term.reportStates[slot.yearNumber - 1];
    const state: ReportState =
      seeded ?? (terminated ? "CANCELLED" : today >= slot.opensOn ? "OPEN" : "SCHEDULED");
    const submitted = state === "SUBMITTED" || state === "ACCEPTED" || state === "RETURNED";
    const report = await tx.annualReport.create({
      data: {
        centreId: centre.id,
        designationId: designation.id,
        yearNumber: slot.yearNumber,
        periodStart: slot.periodStart,
        periodEnd: slot.periodEnd,
        opensOn: slot.opensOn,
        dueOn: slot.dueOn,
        state,
        stateChangedAt: state === "SUBMITTED" ? addDays(today, -16) : today,
        submittedAt: submitted
          ? state === "SUBMITTED"
            ? addDays(today, -16)
            : addDays(slot.dueOn, -3)
          : null,
        reviewedAt: state === "ACCEPTED" || state === "RETURNED" ? addDays(slot.dueOn, 7) : null,
        reviewedById: state === "ACCEPTED" || state === "RETURNED" ? users[term.officer] : null,
        ...(state === "DRAFT" || submitted ? reportSections(centre.title) : {}),
      },
      select: { id: true },
    });
    if (state === "DRAFT" || submitted) {
      for (const [index, activityId] of activityIds.entries()) {
        // A draft is half done: only the first activity has been filled in.
        if (state === "DRAFT" && index > 0) break;
        const progress = await tx.activityProgress.create({
          data: {
            reportId: report.id,
            activityId,
            status: index === 0 ? "COMPLETED" : "ONGOING",
            narrative: "Work went ahead as planned with the WHO technical unit; see the outputs below.",
          },
          select: { id: true },
        });
        await tx.reportOutput.create({
          data: { progressId: progress.id, kind: "PUBLICATION", title: "Technical brief for WHO", url: null },
        });
      }
    }
    if (state === "RETURNED") {
      await tx.comment.create({
        data: {
          reportId: report.id,
          authorId: users[term.officer],
          visibility: "CENTRE",
          body: "Please describe the difficulties with the second activity and what WHO could do to help.",
        },
      });
    }
  }
  return { designationId: designation.id, reports: schedule.length };
}

async function createWorkPlan(tx: Tx, designationId: number, plan: DemoWorkPlan): Promise<number[]> {
  const activityTypes = new Map(
    (await tx.activityType.findMany({ select: { id: true, name: true } })).map((a) => [a.name, a.id]),
  );
  const torIds: number[] = [];
  for (const [index, text] of plan.tor.entries()) {
    const item = await tx.termsOfReferenceItem.create({
      data: { designationId, position: index + 1, text },
      select: { id: true },
    });
    torIds.push(item.id);
  }
  const activityIds: number[] = [];
  for (const [index, activity] of plan.activities.entries()) {
    const row = await tx.workPlanActivity.create({
      data: {
        designationId,
        torItemId: required(torIds[activity.tor], `ToR ${activity.tor}`),
        position: index + 1,
        title: activity.title,
        activityTypeId: required(activityTypes.get(activity.activityType), activity.activityType),
        description: activity.description,
        deliverables: activity.deliverables,
        timeframe: activity.timeframe,
        responsiblePerson: activity.responsiblePerson,
      },
      select: { id: true },
    });
    activityIds.push(row.id);
  }
  return activityIds;
}

/** Records the host institution (and its city) of an imported centre. */
async function giveInstitution(
  tx: Tx,
  reference: string,
  institution: { name: string; city: string; website: string },
) {
  const centre = await tx.centre.findUniqueOrThrow({
    where: { reference },
    select: { id: true, countryId: true },
  });
  const row = await tx.institution.create({
    data: { ...institution, countryId: centre.countryId },
    select: { id: true },
  });
  await tx.centre.update({
    where: { id: centre.id },
    data: { institutionId: row.id, city: institution.city, version: { increment: 1 } },
  });
}

function reportSections(title: string) {
  return {
    resourcesUsed: "Two researchers part-time; travel funded by the institution.",
    collaboration: `Joint webinar with two other centres working on ${title.replace(/^WHO Collaborating Cent(re|er) (for|on) /i, "")}.`,
    difficulties: null,
    suggestions: "Earlier notice of WHO technical meetings would help planning.",
    useOfWhoName: "The WHO name was used only on joint publications agreed with WHO.",
  };
}

/** NET-86: Pending, its final evaluation done, a redesignation in regional review. */
async function seedRedesignationUnderWay(tx: Tx, users: Users, units: Record<string, number>, today: Date) {
  const centre = await centreByReference(tx, "NET-86");
  await tx.centre.update({
    where: { id: centre.id },
    data: {
      status: "PENDING",
      responsibleOfficerId: users.officer,
      unitId: units.DHI,
      version: { increment: 1 },
    },
  });
  const current = await tx.designation.findFirst({
    where: { centreId: centre.id, state: "DESIGNATED" },
    orderBy: { termStart: "desc" },
    select: { id: true },
  });
  if (!current) throw new Error("NET-86 has no designated term: import the 2022 centres first");
  // The term under evaluation has its ToR and work plan; the redesignation
  // revises them, so that designating it shows a real version 2 diff.
  const plan = genericWorkPlan(centre.title);
  await createWorkPlan(tx, current.id, plan);
  const evaluation = await tx.evaluation.create({
    data: {
      designationId: current.id,
      authorId: users.officer,
      state: "COMPLETED",
      recommendation: "REDESIGNATE",
      justification: "The centre delivered its work plan and its outputs are used in WHO guidance.",
      completedAt: addDays(today, -20),
      scores: {
        create: [
          { criterion: "WORK_PLAN_IMPLEMENTED", score: 5, comment: "All activities completed." },
          { criterion: "OUTPUT_QUALITY", score: 4, comment: "Outputs cited in two WHO guidelines." },
          { criterion: "RELEVANCE", score: 5, comment: "Directly supports a WHO priority." },
          { criterion: "COLLABORATION_AND_REPORTING", score: 4, comment: "Reports on time; one late." },
          { criterion: "WHO_SUPPORT", score: 3, comment: "WHO could involve the centre earlier." },
        ],
      },
    },
    select: { id: true },
  });
  const redesignation = await tx.designation.create({
    data: {
      centreId: centre.id,
      kind: "REDESIGNATION",
      state: "REGIONAL_REVIEW",
      stateChangedAt: addDays(today, -8),
      proposedById: users.officer,
      submittedAt: addDays(today, -30),
      endorsedAt: addDays(today, -20),
      clearedAt: addDays(today, -8),
      clearedById: users.unitHead,
      headOfCentreName: "Head of centre",
    },
    select: { id: true },
  });
  await createWorkPlan(tx, redesignation.id, renewedWorkPlan(plan));
  await tx.comment.create({
    data: {
      evaluationId: evaluation.id,
      authorId: users.focalEuro,
      visibility: "INTERNAL",
      body: "Evaluation read; no concerns for the regional review.",
    },
  });
}

async function seedProposals(
  tx: Tx,
  users: Users,
  units: Record<string, number>,
  today: Date,
): Promise<number> {
  for (const proposal of demoProposals) {
    const country = await takeReferenceNumber(tx, { whoCode: proposal.countryCode });
    const institution = await tx.institution.create({
      data: {
        name: proposal.institution,
        department: proposal.department,
        city: proposal.city,
        countryId: country.countryId,
      },
      select: { id: true },
    });
    const closed = proposal.state === "WITHDRAWN" || proposal.state === "REJECTED";
    // How far along the chain the proposal got: a closed one stopped after endorsement.
    const reached =
      proposal.state === "WITHDRAWN" || proposal.state === "REJECTED"
        ? 3
        : openDesignationStates.indexOf(proposal.state);
    const since = addDays(today, -proposal.daysInState);
    const centre = await tx.centre.create({
      data: {
        reference: country.reference,
        referenceNumber: country.referenceNumber,
        title: proposal.title,
        status: closed ? "NOT_DESIGNATED" : "PROPOSED",
        statusChangedAt: since,
        statusReason: proposal.closedReason ?? null,
        city: proposal.city,
        initiator: proposal.initiator,
        countryId: country.countryId,
        regionId: country.regionId,
        institutionId: institution.id,
        responsibleOfficerId: users[proposal.proposer],
        unitId: units[proposal.unitCode],
      },
      select: { id: true, title: true },
    });
    const designation = await tx.designation.create({
      data: {
        centreId: centre.id,
        kind: "INITIAL",
        state: proposal.state,
        stateChangedAt: since,
        proposedById: users[proposal.proposer],
        eligibility: demoEligibility(proposal.institution),
        jointWorkStart: addYears(today, -3),
        jointWorkEnd: addDays(today, -30),
        headOfCentreName: reached >= 2 ? "Professor of the department" : null,
        submittedAt: reached >= 2 ? addDays(since, -7) : null,
        endorsedAt: reached >= 3 ? addDays(since, -5) : null,
        clearedAt: reached >= 4 ? addDays(since, -3) : null,
        clearedById: reached >= 4 ? users.unitHead : null,
        consultationRequestedOn: reached >= 5 ? addDays(since, -1) : null,
        consultationRepliedOn: reached >= 6 ? addDays(since, -1) : null,
        consultationOutcome: reached >= 6 ? "NO_OBJECTION" : null,
        closedReason: proposal.closedReason ?? null,
      },
      select: { id: true },
    });
    if (reached >= 1) await createWorkPlan(tx, designation.id, genericWorkPlan(centre.title));
    if (proposal.state === "WITH_INSTITUTION") {
      const secondItem = await tx.termsOfReferenceItem.findFirstOrThrow({
        where: { designationId: designation.id, position: 2 },
        select: { id: true },
      });
      await tx.comment.create({
        data: {
          designationId: designation.id,
          authorId: users[proposal.proposer],
          visibility: "CENTRE",
          anchor: torAnchor(secondItem.id),
          body: "Please make the second term of reference more specific: which training, for whom?",
        },
      });
    }
    if (proposal.state === "REGIONAL_REVIEW") {
      await tx.comment.create({
        data: {
          designationId: designation.id,
          authorId: users.unitHead,
          visibility: "INTERNAL",
          body: "Technically sound; the work plan matches the unit's priorities.",
          resolvedAt: since,
          resolvedById: users.officer,
        },
      });
    }
    await tx.auditEvent.create({
      data: {
        action: "designation.seeded",
        actorId: users[proposal.proposer],
        entityType: "Designation",
        entityId: String(designation.id),
        toState: proposal.state,
      },
    });
  }
  return demoProposals.length;
}

async function seedNetworks(tx: Tx) {
  const networks = [
    {
      name: "Digital health collaborating centres",
      description: "Centres working with WHO on digital health, telemedicine and health information.",
      subject: "Informatics and Telemedicine",
    },
    {
      name: "Occupational health collaborating centres",
      description: "The network of centres supporting WHO's workers' health programme.",
      subject: "Occupational health",
    },
  ];
  for (const network of networks) {
    const row = await tx.network.upsert({
      where: { name: network.name },
      create: { name: network.name, description: network.description },
      update: {},
      select: { id: true },
    });
    const members = await tx.centre.findMany({
      where: {
        subjects: { some: { subject: { name: network.subject } } },
        status: { in: [...currentCentreStatuses] },
      },
      select: { id: true },
    });
    await tx.networkMembership.createMany({
      data: members.map((centre) => ({ networkId: row.id, centreId: centre.id })),
      skipDuplicates: true,
    });
  }
}

async function centreByReference(tx: Tx, reference: string) {
  const centre = await tx.centre.findUnique({ where: { reference }, select: { id: true, title: true } });
  if (!centre)
    throw new Error(`Centre ${reference} is missing: import the 2022 centres before the demo seed`);
  return centre;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo seed: ${what} is missing from the reference data`);
  return value;
}
