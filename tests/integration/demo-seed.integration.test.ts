import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { isReportOverdue } from "@/domain/annual-report-schedule";
import type { PrismaClient } from "@/generated/prisma/client";
import { verifyPassword } from "@/server/auth/password";
import { createPrismaClient } from "@/server/db/create-client";
import { DEMO_PASSWORD, demoAccounts } from "@/server/seed/demo-accounts";
import { seedAll, seedIfEmpty } from "@/server/seed/seed-all";

import { createTestDatabase, testDatabaseKinds } from "../support/test-database";

const now = new Date("2026-11-25T09:00:00.000Z");

describe.each(testDatabaseKinds())("demo seed on %s", (kind) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let prisma: PrismaClient;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    prisma = createPrismaClient(database.url, 4);
    expect(await seedIfEmpty(prisma, { demoMode: true, now })).toBe(true);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it("loads the 821 real centres plus the demo proposals", async () => {
    expect(await prisma.centre.count({ where: { importedAt: { not: null } } })).toBe(821);
    expect(await prisma.centre.count({ where: { status: "PROPOSED" } })).toBe(7);
    expect(await prisma.centre.count({ where: { status: "NOT_DESIGNATED" } })).toBe(2);
  });

  it("creates every demo account with its roles and the documented password", async () => {
    for (const account of demoAccounts) {
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: account.email },
        include: { roles: true },
      });
      expect(user.roles.map((r) => r.role).sort()).toEqual(account.roles.map((r) => r.role).sort());
      expect(await verifyPassword(user.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    }
    const staff = await prisma.roleAssignment.findFirstOrThrow({
      where: { role: "CENTRE_STAFF", user: { email: "staff.nor18@centre.example" } },
      include: { centre: true },
    });
    expect(staff.centre?.reference).toBe("NOR-18");
  });

  it("has a designation in every life-cycle state", async () => {
    const states = await prisma.designation.groupBy({ by: ["state"], _count: { _all: true } });
    expect(states.map((s) => s.state).sort()).toEqual(
      [
        "APPROVAL",
        "DESIGNATED",
        "DRAFT",
        "GOVERNMENT_CONSULTATION",
        "REGIONAL_REVIEW",
        "REJECTED",
        "SUBMITTED",
        "TECHNICAL_CLEARANCE",
        "WITHDRAWN",
        "WITH_INSTITUTION",
      ].sort(),
    );
  });

  it("has annual reports in every state, overdue ones included", async () => {
    const reports = await prisma.annualReport.findMany({
      select: { state: true, dueOn: true, centreId: true },
    });
    expect(new Set(reports.map((r) => r.state))).toEqual(
      new Set(["SCHEDULED", "OPEN", "DRAFT", "SUBMITTED", "RETURNED", "ACCEPTED", "CANCELLED"]),
    );
    expect(reports.filter((r) => isReportOverdue(r, now)).length).toBeGreaterThanOrEqual(2);
  });

  it("gives NOR-18 a current term with ToR, work plan and an overdue report", async () => {
    const centre = await prisma.centre.findUniqueOrThrow({
      where: { reference: "NOR-18" },
      include: {
        designations: { where: { frozenVersion: 2 }, include: { termsOfReference: true, activities: true } },
      },
    });
    expect(centre.status).toBe("ACTIVE");
    expect(centre.termEnd!.getTime()).toBeGreaterThan(now.getTime());
    const [term] = centre.designations;
    expect(term?.termsOfReference).toHaveLength(3);
    expect(term?.activities).toHaveLength(4);
    const overdue = await prisma.annualReport.findFirstOrThrow({
      where: { centreId: centre.id, yearNumber: 2 },
    });
    expect(isReportOverdue(overdue, now)).toBe(true);
  });

  it("has a Pending centre with a completed evaluation and a redesignation under way", async () => {
    const centre = await prisma.centre.findUniqueOrThrow({
      where: { reference: "NET-86" },
      include: { designations: { include: { evaluation: { include: { scores: true } } } } },
    });
    expect(centre.status).toBe("PENDING");
    const evaluation = centre.designations.find((d) => d.evaluation)?.evaluation;
    expect(evaluation?.state).toBe("COMPLETED");
    expect(evaluation?.scores).toHaveLength(5);
    expect(centre.designations.some((d) => d.kind === "REDESIGNATION" && d.state === "REGIONAL_REVIEW")).toBe(
      true,
    );
  });

  it("does nothing the second time", async () => {
    const before = await prisma.designation.count();
    expect(await seedIfEmpty(prisma, { demoMode: true, now })).toBe(false);
    await seedAll(prisma, { demoMode: true, now });
    expect(await prisma.designation.count()).toBe(before);
    expect(await prisma.user.count()).toBe(demoAccounts.length);
  });
});

describe("seed outside demo mode", () => {
  it("loads the centres but creates no account", async () => {
    const database = await createTestDatabase("pglite");
    const prisma = createPrismaClient(database.url, 2);
    try {
      await seedAll(prisma, { demoMode: false, now });
      expect(await prisma.centre.count()).toBe(821);
      expect(await prisma.user.count()).toBe(0);
    } finally {
      await prisma.$disconnect();
      await database.drop();
    }
  });
});
