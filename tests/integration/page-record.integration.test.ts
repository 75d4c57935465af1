import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";

import { testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, demoAccounts, loadViewers, seededDemoDatabase } from "../support/viewers";

// How pages load their record (src/server/policy/page-record.ts) on the demo
// seed, with the pages' own queries: a malformed id, a record that does not
// exist and a record the viewer may not read answer the same not-found
// (docs/security.md scenario 1), administrators included for missing records.

/** notFound() throws an error whose digest says 404. */
const notFound = { digest: expect.stringMatching(/^NEXT_HTTP_ERROR_FALLBACK;404$/) };
const missingId = "999999999";

for (const kind of testDatabaseKinds()) {
  describe(`page records (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let viewers: Record<keyof typeof demoAccounts, Viewer>;
    let recordOrNotFound: typeof import("@/server/policy/page-record").recordOrNotFound;
    let queries: {
      annualReportPage: typeof import("@/server/queries/annual-report-page").annualReportPage;
      designationPage: typeof import("@/server/queries/designation-page").designationPage;
      designationLetter: typeof import("@/server/queries/designation-letter").designationLetter;
      proposalForEdit: typeof import("@/server/queries/designation-proposal-options").proposalForEdit;
      evaluationPage: typeof import("@/server/queries/evaluation-page").evaluationPage;
      userDetail: typeof import("@/server/queries/users").userDetail;
    };
    let nor18Report: string;
    let nor18Designation: string;

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      viewers = await loadViewers(prisma, demoAccounts);
      ({ recordOrNotFound } = await import("@/server/policy/page-record"));
      queries = {
        ...(await import("@/server/queries/annual-report-page")),
        ...(await import("@/server/queries/designation-page")),
        ...(await import("@/server/queries/designation-letter")),
        ...(await import("@/server/queries/designation-proposal-options")),
        ...(await import("@/server/queries/evaluation-page")),
        ...(await import("@/server/queries/users")),
      };
      const report = await prisma.annualReport.findFirstOrThrow({
        where: { centre: { reference: "NOR-18" } },
        select: { id: true },
      });
      nor18Report = String(report.id);
      const designation = await prisma.designation.findFirstOrThrow({
        where: { centre: { reference: "NOR-18" }, state: "DESIGNATED" },
        select: { id: true },
      });
      nor18Designation = String(designation.id);
    });

    afterAll(() => closeTestDatabase(prisma, database));

    it("answers the record to a viewer who may read it", async () => {
      const page = await recordOrNotFound(viewers.staffNor18, nor18Report, (viewer, id) =>
        queries.annualReportPage(viewer, id),
      );
      expect(page.report.centre.reference).toBe("NOR-18");
      const designation = await recordOrNotFound(viewers.officer, nor18Designation, queries.designationPage);
      expect(designation.designation.centre.reference).toBe("NOR-18");
      const user = await recordOrNotFound(viewers.admin, String(viewers.officer.id), queries.userDetail);
      expect(user.email).toBe(demoAccounts.officer);
    });

    it.each(["", "0", "007", "-1", "1.0", "1e3", "abc", "1234567890", `${missingId}0`])(
      "answers not-found to the id %j without reading anything",
      async (segment) => {
        let read = false;
        const load = async () => {
          read = true;
          return {};
        };
        await expect(recordOrNotFound(viewers.admin, segment, load)).rejects.toMatchObject(notFound);
        expect(read).toBe(false);
      },
    );

    it("answers not-found for a record that does not exist, to an administrator too", async () => {
      const pages: ((viewer: Viewer, id: number) => Promise<unknown>)[] = [
        (viewer: Viewer, id: number) => queries.annualReportPage(viewer, id),
        queries.designationPage,
        queries.designationLetter,
        queries.proposalForEdit,
        (viewer: Viewer, id: number) => queries.evaluationPage(viewer, id),
        queries.userDetail,
      ];
      for (const load of pages)
        await expect(recordOrNotFound(viewers.admin, missingId, load)).rejects.toMatchObject(notFound);
      await expect(
        recordOrNotFound(viewers.staffNor18, missingId, (viewer, id) => queries.annualReportPage(viewer, id)),
      ).rejects.toMatchObject(notFound);
    });

    it("answers the same not-found for a record the viewer may not read", async () => {
      // Another centre's staff, a region's focal point outside it, centre staff on WHO's evaluation.
      await expect(
        recordOrNotFound(viewers.staffSoa13, nor18Report, (viewer, id) =>
          queries.annualReportPage(viewer, id),
        ),
      ).rejects.toMatchObject(notFound);
      await expect(
        recordOrNotFound(viewers.focalAfro, nor18Designation, queries.designationPage),
      ).rejects.toMatchObject(notFound);
      await expect(
        recordOrNotFound(viewers.staffSoa13, nor18Designation, queries.designationLetter),
      ).rejects.toMatchObject(notFound);
      await expect(
        recordOrNotFound(viewers.staffNor18, nor18Designation, (viewer, id) =>
          queries.evaluationPage(viewer, id),
        ),
      ).rejects.toMatchObject(notFound);
    });

    it("lets any other failure through: a broken page is an error, not a missing record", async () => {
      const broken = async () => {
        throw new Error("database unreachable");
      };
      await expect(recordOrNotFound(viewers.admin, nor18Report, broken)).rejects.toThrow(
        "database unreachable",
      );
    });
  });
}
