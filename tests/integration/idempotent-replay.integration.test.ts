import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addDays } from "@/domain/dates";
import { evaluationCriteria } from "@/domain/evaluation";
import type { FormState } from "@/domain/form-state";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";
import type { Command } from "@/server/commands/command";

import { commandRunner, type RunCommand } from "../support/command-runner";
import { testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, demoAccounts, loadViewers, seededDemoDatabase } from "../support/viewers";

// Issue #11 item 8, docs/security.md scenario 8: twenty copies of one submission
// sent at once with the same idempotency key (a double click, a client's
// retries) write once, and every copy gets the original's success answer —
// never "someone else changed this", which is what the copies that read the
// record after the original had committed were told before. Run through
// executeCommand exactly as the server actions run it, on the demo seed.

const meta = { ip: "203.0.113.88", userAgent: "vitest" };
const COPIES = 20;
const STAGGER_MS = 4;

for (const kind of testDatabaseKinds()) {
  describe(`replayed submissions (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let run: RunCommand;
    let report: typeof import("@/server/commands/report/edit-commands") &
      typeof import("@/server/commands/report/review-commands");
    let evaluation: typeof import("@/server/commands/evaluation/evaluation-commands");
    let renewal: typeof import("@/server/commands/evaluation/renewal-commands");
    const viewers: Record<string, Viewer> = {};
    const as = <I>(command: Command<I>) => command as unknown as Command<never>;

    /**
     * Sends the same form COPIES times, all in flight together but started a
     * moment apart, as a client's retries arrive: some copies then read the
     * record before the original commits and some after, which is where a
     * copy used to be told "someone else changed this".
     */
    const spread = <T>(send: () => Promise<T>) =>
      Promise.allSettled(
        Array.from({ length: COPIES }, (_, index) =>
          new Promise((resolve) => setTimeout(resolve, index * STAGGER_MS)).then(send),
        ),
      );
    const copies = async (command: Command<never>, values: Record<string, string>, viewer: Viewer) =>
      (await spread(() => run(command, values, viewer))).map((settled) => {
        if (settled.status === "rejected") throw settled.reason;
        return settled.value;
      });

    function expectOneAnswer(results: FormState[], message: string) {
      for (const result of results)
        expect(result, JSON.stringify(result)).toMatchObject({ status: "success", message });
      expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
    }

    async function reportOf(reference: string, state: string) {
      return prisma.annualReport.findFirstOrThrow({
        where: { centre: { reference }, state: state as never },
        select: {
          id: true,
          version: true,
          designation: { select: { activities: { orderBy: { position: "asc" }, select: { id: true } } } },
        },
      });
    }
    async function termOf(reference: string) {
      return prisma.designation.findFirstOrThrow({
        where: { centre: { reference }, state: "DESIGNATED" },
        orderBy: [{ frozenVersion: "desc" }, { termStart: "desc" }],
        select: {
          id: true,
          centreId: true,
          evaluation: { select: { id: true, version: true, state: true } },
        },
      });
    }

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      run = await commandRunner(meta);
      report = {
        ...(await import("@/server/commands/report/edit-commands")),
        ...(await import("@/server/commands/report/review-commands")),
      };
      evaluation = await import("@/server/commands/evaluation/evaluation-commands");
      renewal = await import("@/server/commands/evaluation/renewal-commands");
      Object.assign(viewers, await loadViewers(prisma, demoAccounts));
    });

    afterAll(() => closeTestDatabase(prisma, database));

    it(`submits an annual report once from ${COPIES} copies, each answered like the original`, async () => {
      const before = await reportOf("FIN-35", "RETURNED");
      const values = {
        reportId: String(before.id),
        version: String(before.version),
        idempotencyKey: "replay-fin35-submit-0001",
        ...Object.fromEntries(
          before.designation.activities.flatMap(({ id }) => [
            [`activity-${id}-status`, "COMPLETED"],
            [`activity-${id}-narrative`, `Done: activity ${id}.`],
          ]),
        ),
        resourcesUsed: "Two researchers part-time.",
        collaboration: "A joint webinar.",
        difficulties: "None worth noting.",
        suggestions: "Earlier notice of meetings.",
        useOfWhoName: "Only on joint publications.",
      };
      const results = await copies(as(report.submitReportCommand), values, viewers.admin!);
      expectOneAnswer(results, "Report submitted. It is now locked while WHO reviews it.");
      const after = await prisma.annualReport.findUniqueOrThrow({ where: { id: before.id } });
      expect(after).toMatchObject({ state: "SUBMITTED", version: before.version + 1 });
      expect(
        await prisma.auditEvent.count({ where: { action: "report.submit", entityId: String(before.id) } }),
      ).toBe(1);
      // The officer's mail once, not once per copy.
      const mail = await prisma.outboxMessage.findMany({
        where: { kind: "report.submitted", subject: { contains: "FIN-35" } },
        select: { toEmail: true },
      });
      expect(mail.length).toBeGreaterThan(0);
      expect(new Set(mail.map((message) => message.toEmail)).size).toBe(mail.length);
    });

    it(`accepts a submitted report once from ${COPIES} copies, each answered like the original`, async () => {
      const before = await reportOf("DEN-64", "SUBMITTED");
      const values = {
        reportId: String(before.id),
        version: String(before.version),
        idempotencyKey: "replay-den64-accept-0001",
      };
      const results = await copies(as(report.acceptReportCommand), values, viewers.officer!);
      expectOneAnswer(results, "Report accepted. The centre has been told.");
      expect(await prisma.annualReport.findUniqueOrThrow({ where: { id: before.id } })).toMatchObject({
        state: "ACCEPTED",
        version: before.version + 1,
      });
      expect(
        await prisma.auditEvent.count({ where: { action: "report.accept", entityId: String(before.id) } }),
      ).toBe(1);
    });

    it(`completes a final evaluation once from ${COPIES} copies, each answered like the original`, async () => {
      const term = await termOf("NOR-14");
      await prisma.designation.update({ where: { id: term.id }, data: { termEnd: addDays(new Date(), 60) } });
      await prisma.centre.update({
        where: { id: term.centreId },
        data: { termEnd: addDays(new Date(), 60) },
      });
      const values = {
        designationId: String(term.id),
        version: String(term.evaluation?.version ?? 0),
        idempotencyKey: "replay-nor14-complete-0001",
        ...Object.fromEntries(
          evaluationCriteria.flatMap((criterion) => [
            [`score_${criterion}`, "4"],
            [`comment_${criterion}`, `Good on ${criterion.toLowerCase()}.`],
          ]),
        ),
        recommendation: "REDESIGNATE",
        justification: "The centre delivered its work plan.",
      };
      const results = await copies(as(evaluation.completeEvaluationCommand), values, viewers.officer!);
      expectOneAnswer(results, "Evaluation completed. The region's focal point has been told.");
      const done = await termOf("NOR-14");
      expect(done.evaluation).toMatchObject({
        state: "COMPLETED",
        version: (term.evaluation?.version ?? 0) + 1,
      });
      expect(
        await prisma.auditEvent.count({
          where: { action: "evaluation.complete", entityId: String(done.evaluation!.id) },
        }),
      ).toBe(1);
    });

    it("judges a key used for another term's evaluation in that evaluation's own state", async () => {
      // Term Y: another centre of the officer's, its evaluation already completed.
      const officerId = viewers.officer!.id;
      const centre = await prisma.centre.findFirstOrThrow({
        where: {
          responsibleOfficerId: officerId,
          reference: { not: "NOR-14" },
          designations: { some: { state: "DESIGNATED" } },
        },
        select: { reference: true },
      });
      const other = await termOf(centre.reference);
      expect(other.evaluation).toBeNull();
      // Within its final year, as NOR-14's above: an evaluation the officer can open.
      await prisma.designation.update({
        where: { id: other.id },
        data: { termEnd: addDays(new Date(), 60) },
      });
      await prisma.centre.update({
        where: { id: other.centreId },
        data: { termEnd: addDays(new Date(), 60) },
      });
      const completed = await prisma.evaluation.create({
        data: { designationId: other.id, authorId: officerId, state: "COMPLETED", completedAt: new Date() },
      });
      // The officer's own key from NOR-14's completion is no repeat here: the
      // permission check sees a completed evaluation, not a draft.
      const result = await run(
        as(evaluation.completeEvaluationCommand),
        {
          designationId: String(other.id),
          version: String(completed.version),
          idempotencyKey: "replay-nor14-complete-0001",
          recommendation: "REDESIGNATE",
          justification: "Trying to pass as a repeat.",
        },
        viewers.officer!,
      );
      expect(result).toMatchObject({ status: "error", message: "This cannot be done at this stage." });
      expect(await prisma.evaluation.findUniqueOrThrow({ where: { id: completed.id } })).toEqual(completed);
    });

    it(`starts one redesignation from ${COPIES} copies, each sent to it`, async () => {
      const term = await termOf("NOR-14");
      const centre = await prisma.centre.findUniqueOrThrow({ where: { id: term.centreId } });
      const values = {
        designationId: String(term.id),
        centreVersion: String(centre.version),
        idempotencyKey: "replay-nor14-renew-0001",
      };
      const results = await Promise.allSettled(
        Array.from({ length: COPIES }, () =>
          run(as(renewal.startRedesignationCommand), values, viewers.officer!),
        ),
      );
      const started = await prisma.designation.findMany({
        where: { centreId: term.centreId, kind: "REDESIGNATION", state: "DRAFT" },
        select: { id: true },
      });
      expect(started).toHaveLength(1);
      // Success here is Next's redirect to the new designation, thrown as control flow.
      for (const result of results) {
        expect(result.status, JSON.stringify(result)).toBe("rejected");
        const digest = String((result as PromiseRejectedResult).reason?.digest);
        expect(digest).toContain(`/designations/${started[0]!.id};`);
      }
    });
  });
}
