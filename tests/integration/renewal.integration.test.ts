import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addDays, fromIsoDate, toIsoDate } from "@/domain/dates";
import { evaluationCriteria } from "@/domain/evaluation";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";
import type { Command } from "@/server/commands/command";

import { commandRunner, type RunCommand } from "../support/command-runner";
import { testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, demoAccounts, loadViewers, seededDemoDatabase } from "../support/viewers";

// Renewal on the demo seed (PGlite, and PostgreSQL when TEST_DATABASE_URL is
// set), through executeCommand exactly as the server actions run it: reports
// scheduled on decide and on import, the final evaluation (with docs/security.md
// scenarios 1, 2, 6, 7 and 8 and bad input), the redesignation from start to
// version 2 and a new term, and termination as the directory shows it.

const meta = { ip: "203.0.113.10", userAgent: "vitest" };
const today = toIsoDate(new Date());

const complete = Object.fromEntries(
  evaluationCriteria.flatMap((criterion) => [
    [`score_${criterion}`, "4"],
    [`comment_${criterion}`, `Good on ${criterion.toLowerCase()}.`],
  ]),
);
const completeForm = {
  ...complete,
  recommendation: "REDESIGNATE",
  justification: "The centre delivered its work plan; WHO relies on its outputs.",
};

for (const kind of testDatabaseKinds()) {
  describe(`renewal (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let run: RunCommand;
    let evaluation: typeof import("@/server/commands/evaluation/evaluation-commands");
    let renewal: typeof import("@/server/commands/evaluation/renewal-commands");
    let designation: typeof import("@/server/commands/designation/review-commands") &
      typeof import("@/server/commands/designation/decision-commands");
    const viewers: Record<string, Viewer> = {};
    const as = <I>(command: Command<I>) => command as unknown as Command<never>;
    const v = (key: string) => viewers[key]!;

    /** The centre's current term (its latest DESIGNATED designation) and its evaluation. */
    async function termOf(reference: string) {
      return prisma.designation.findFirstOrThrow({
        where: { centre: { reference }, state: "DESIGNATED" },
        orderBy: [{ frozenVersion: "desc" }, { termStart: "desc" }],
        select: {
          id: true,
          termStart: true,
          termEnd: true,
          frozenVersion: true,
          centreId: true,
          evaluation: { select: { id: true, version: true, state: true, scores: true, justification: true } },
        },
      });
    }
    async function snapshot(reference: string) {
      const term = await termOf(reference);
      return {
        evaluation: term.evaluation,
        audit: await prisma.auditEvent.count({ where: { entityType: "Evaluation" } }),
        outbox: await prisma.outboxMessage.count(),
      };
    }
    const form = (termId: number, version: number, values: Record<string, string> = {}) => ({
      designationId: String(termId),
      version: String(version),
      ...values,
    });
    /** Puts a centre's current term in its last months (the demo dates make none but NOR-14 so). */
    async function endTermIn(reference: string, days: number) {
      const term = await termOf(reference);
      const end = addDays(new Date(), days);
      await prisma.designation.update({ where: { id: term.id }, data: { termEnd: end } });
      await prisma.centre.update({ where: { id: term.centreId }, data: { termEnd: end } });
    }

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      run = await commandRunner(meta);
      evaluation = await import("@/server/commands/evaluation/evaluation-commands");
      renewal = await import("@/server/commands/evaluation/renewal-commands");
      designation = {
        ...(await import("@/server/commands/designation/review-commands")),
        ...(await import("@/server/commands/designation/decision-commands")),
      };
      Object.assign(viewers, await loadViewers(prisma, demoAccounts));
    });

    afterAll(() => closeTestDatabase(prisma, database));

    it("schedules a new term's reports when a first designation is decided", async () => {
      const proposal = await prisma.designation.findFirstOrThrow({
        where: { state: "APPROVAL", kind: "INITIAL" },
        select: { id: true, version: true, centreId: true, centre: { select: { region: true } } },
      });
      const focal = proposal.centre.region.code === "AFRO" ? v("focalAfro") : v("focalEuro");
      const decisionDate = toIsoDate(addDays(new Date(), -400));
      await prisma.designation.update({
        where: { id: proposal.id },
        data: { submittedAt: addDays(new Date(), -500) },
      });
      const state = await run(
        as(designation.decideCommand),
        {
          designationId: String(proposal.id),
          version: String(proposal.version),
          decisionDate,
          termYears: "3",
          approverName: "Regional Director",
        },
        focal,
      );
      expect(state, JSON.stringify(state)).toMatchObject({ status: "success" });
      const reports = await prisma.annualReport.findMany({
        where: { designationId: proposal.id },
        orderBy: { yearNumber: "asc" },
      });
      expect(reports.map((r) => [r.yearNumber, toIsoDate(r.dueOn), r.state])).toEqual([
        [1, toIsoDate(fromIsoDate(decisionDate.replace(/^\d{4}/, (y) => String(Number(y) + 1)))), "OPEN"],
        [2, expect.any(String), "SCHEDULED"],
        [3, expect.any(String), "SCHEDULED"],
      ]);
      // The first report was due 35 days ago: it is open (and overdue), not skipped.
      expect(reports[0]!.dueOn.getTime()).toBeLessThan(Date.now());
    });

    it("schedules imported centres' reports from their term dates, idempotently", async () => {
      const { scheduleImportedReports } = await import("@/server/reports/schedule-reports");
      // Today no imported term is still running (the export is from 2022): none get reports.
      expect(await prisma.$transaction((tx) => scheduleImportedReports(tx, new Date()))).toBe(0);
      // At the export's date, the running terms get the reports still to come, once.
      const then = new Date("2022-06-01T00:00:00Z");
      const started = Date.now();
      const first = await prisma.$transaction((tx) => scheduleImportedReports(tx, then), { timeout: 60_000 });
      console.log(`imported centres' reports at 2022-06-01: ${first} in ${Date.now() - started} ms`);
      expect(first).toBeGreaterThan(100);
      expect(await prisma.$transaction((tx) => scheduleImportedReports(tx, then), { timeout: 60_000 })).toBe(
        0,
      );
      const sample = await prisma.annualReport.findMany({
        where: {
          designation: { centre: { importedAt: { not: null } }, frozenVersion: 1 },
          dueOn: { lt: then },
        },
      });
      expect(sample).toHaveLength(0);
      // Undo, so the rest of the file sees the demo as seeded.
      await prisma.annualReport.deleteMany({ where: { stateChangedAt: then } });
    });

    it("refuses bad evaluation input with a clear message at the field, storing nothing", async () => {
      const term = await termOf("NOR-14");
      expect(term.evaluation).toBeNull();
      const before = await snapshot("NOR-14");
      const seven = await run(
        as(evaluation.saveEvaluationCommand),
        form(term.id, 0, { score_RELEVANCE: "7" }),
        v("officer"),
      );
      expect(seven).toMatchObject({
        status: "error",
        fieldErrors: { score_RELEVANCE: ["Choose a score from 1 to 5."] },
        values: { score_RELEVANCE: "7" },
      });
      const long = await run(
        as(evaluation.saveEvaluationCommand),
        form(term.id, 0, { comment_RELEVANCE: "x".repeat(100_000), score_RELEVANCE: "3" }),
        v("officer"),
      );
      expect(long).toMatchObject({
        status: "error",
        fieldErrors: { comment_RELEVANCE: [expect.stringMatching(/at most/)] },
      });
      const extra = await run(
        as(evaluation.saveEvaluationCommand),
        form(term.id, 0, { state: "COMPLETED" }),
        v("officer"),
      );
      expect(extra.status).toBe("error");
      const incomplete = await run(
        as(evaluation.completeEvaluationCommand),
        form(term.id, 0, { score_RELEVANCE: "5" }),
        v("officer"),
      );
      expect(incomplete.fieldErrors?.recommendation).toEqual(["Choose a recommendation."]);
      expect(await snapshot("NOR-14")).toEqual(before);
    });

    it("keeps evaluations from centre staff and other regions (scenarios 1 and 2)", async () => {
      const term = await termOf("NOR-14");
      const before = await snapshot("NOR-14");
      const denials = await prisma.auditEvent.count({ where: { action: "authz.denied" } });
      for (const viewer of [v("staffNor18"), v("focalAfro")]) {
        for (const command of [evaluation.saveEvaluationCommand, evaluation.completeEvaluationCommand]) {
          const state = await run(as(command), form(term.id, 0, completeForm), viewer);
          expect(state.message).toMatch(/could not find/);
          expect(JSON.stringify(state)).not.toContain("NOR-14");
        }
      }
      // The region's focal point may read it but holds no grant to write it.
      const focal = await run(
        as(evaluation.saveEvaluationCommand),
        form(term.id, 0, completeForm),
        v("focalEuro"),
      );
      expect(focal.status).toBe("error");
      // Nor start a redesignation, an officer-only action.
      const start = await run(
        as(renewal.startRedesignationCommand),
        { designationId: String(term.id), centreVersion: "1" },
        v("staffNor18"),
      );
      expect(start.message).toMatch(/could not find/);
      expect(await snapshot("NOR-14")).toEqual(before);
      expect(await prisma.auditEvent.count({ where: { action: "authz.denied" } })).toBe(denials + 6);
      const { readableEvaluationTerm } = await import("@/server/commands/evaluation/load-evaluation");
      await expect(readableEvaluationTerm(term.id, v("staffNor18"))).rejects.toThrow(/not-found/);
      await expect(readableEvaluationTerm(term.id, v("focalEuro"))).resolves.toMatchObject({ id: term.id });
    });

    it("saves a draft, refuses a stale save (scenario 7) and completes once from 20 parallel tries (scenario 6)", async () => {
      const term = await termOf("NOR-14");
      const first = await run(
        as(evaluation.saveEvaluationCommand),
        form(term.id, 0, { score_RELEVANCE: "5", comment_RELEVANCE: "Central to the unit's plan." }),
        v("officer"),
      );
      expect(first, JSON.stringify(first)).toMatchObject({ status: "success", message: "Draft saved." });
      const saved = await termOf("NOR-14");
      expect(saved.evaluation).toMatchObject({ state: "DRAFT", version: 1 });
      expect(saved.evaluation?.scores).toMatchObject([{ criterion: "RELEVANCE", score: 5 }]);

      // A second tab still showing "not started" (version 0), and one showing version 0 after the save.
      const stale = await run(
        as(evaluation.saveEvaluationCommand),
        form(term.id, 0, { score_RELEVANCE: "1", comment_RELEVANCE: "Overwrite?" }),
        v("officer"),
      );
      expect(stale.message).toMatch(/Someone else changed this/);
      expect((await termOf("NOR-14")).evaluation?.scores).toMatchObject([{ score: 5 }]);

      const audits = await prisma.auditEvent.count({ where: { action: "evaluation.complete" } });
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          run(as(evaluation.completeEvaluationCommand), form(term.id, 1, completeForm), v("officer")),
        ),
      );
      expect(results.filter((r) => r.status === "success")).toHaveLength(1);
      expect(results.filter((r) => r.status === "error")).toHaveLength(19);
      const done = await termOf("NOR-14");
      expect(done.evaluation).toMatchObject({ state: "COMPLETED", version: 2 });
      expect(done.evaluation?.scores).toHaveLength(5);
      expect(await prisma.auditEvent.count({ where: { action: "evaluation.complete" } })).toBe(audits + 1);
      const mail = await prisma.outboxMessage.findMany({ where: { kind: "evaluation.completed" } });
      expect(mail.map((m) => m.toEmail)).toEqual(["focal.euro@who.example"]);

      // Completed is final.
      const after = await run(
        as(evaluation.saveEvaluationCommand),
        form(term.id, 2, completeForm),
        v("officer"),
      );
      expect(after.status).toBe("error");
    });

    it("counts one completion for one idempotency key, in sequence and in parallel (scenario 8)", async () => {
      await endTermIn("FIN-35", 60);
      const term = await termOf("FIN-35");
      const key = "a1b2c3d4-e5f6-4711-8899-aabbccddeeff";
      const draft = await run(as(evaluation.saveEvaluationCommand), form(term.id, 0, complete), v("officer"));
      expect(draft.status).toBe("success");
      const values = form(term.id, 1, { ...completeForm, idempotencyKey: key });
      const parallel = await Promise.all(
        Array.from({ length: 5 }, () => run(as(evaluation.completeEvaluationCommand), values, v("officer"))),
      );
      const again = await run(as(evaluation.completeEvaluationCommand), values, v("officer"));
      for (const result of [...parallel, again])
        expect(result, JSON.stringify(result)).toMatchObject({ status: "success" });
      const done = await termOf("FIN-35");
      expect(done.evaluation).toMatchObject({ state: "COMPLETED", version: 2 });
      expect(
        await prisma.auditEvent.count({
          where: { action: "evaluation.complete", entityId: String(done.evaluation!.id) },
        }),
      ).toBe(1);
      expect(await prisma.idempotencyKey.count({ where: { action: "evaluation.complete" } })).toBe(1);
    });

    it("blocks the regional review of a redesignation until the evaluation is complete, then designates version n+1", async () => {
      await endTermIn("DEN-64", 90);
      const term = await termOf("DEN-64");
      const centre = await prisma.centre.findUniqueOrThrow({ where: { reference: "DEN-64" } });
      // Start: redirects to the new designation, a copy of the current ToR and work plan.
      await expect(
        run(
          as(renewal.startRedesignationCommand),
          {
            designationId: String(term.id),
            centreVersion: String(centre.version),
            idempotencyKey: "k-0000000000000001",
          },
          v("officer"),
        ),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      // A second start (another tab, same key or not) makes no second one.
      const second = await run(
        as(renewal.startRedesignationCommand),
        { designationId: String(term.id), centreVersion: String(centre.version + 1) },
        v("officer"),
      );
      expect(second.message).toMatch(/already under way/);
      const redesignations = await prisma.designation.findMany({
        where: { centreId: centre.id, kind: "REDESIGNATION", state: "DRAFT" },
        include: {
          termsOfReference: { orderBy: { position: "asc" } },
          activities: { include: { torItem: true } },
        },
      });
      expect(redesignations).toHaveLength(1);
      const copy = redesignations[0]!;
      const original = await prisma.designation.findUniqueOrThrow({
        where: { id: term.id },
        include: { termsOfReference: { orderBy: { position: "asc" } }, activities: true },
      });
      expect(copy.termsOfReference.map((item) => item.text)).toEqual(
        original.termsOfReference.map((item) => item.text),
      );
      expect(copy.activities).toHaveLength(original.activities.length);
      expect(copy.activities.every((activity) => activity.torItem.designationId === copy.id)).toBe(true);

      const step = async (command: Command<never>, viewer: Viewer, values: Record<string, string> = {}) => {
        const current = await prisma.designation.findUniqueOrThrow({ where: { id: copy.id } });
        return run(
          command,
          { designationId: String(copy.id), version: String(current.version), ...values },
          viewer,
        );
      };
      for (const [command, viewer] of [
        [designation.sendCommand, v("officer")],
        [designation.submitCommand, v("admin")],
        [designation.endorseCommand, v("officer")],
        [designation.clearCommand, v("admin")],
      ] as const) {
        expect(await step(as(command), viewer)).toMatchObject({ status: "success" });
      }
      const blocked = await step(as(designation.acceptCommand), v("focalEuro"));
      expect(blocked.message).toMatch(/final evaluation of the current term must be completed/);

      const saved = await run(
        as(evaluation.completeEvaluationCommand),
        form(term.id, 0, completeForm),
        v("officer"),
      );
      expect(saved.status).toBe("success");
      expect(await step(as(designation.acceptCommand), v("focalEuro"))).toMatchObject({ status: "success" });
      expect(
        await step(as(designation.recordConsultationCommand), v("focalEuro"), { outcome: "NOT_REQUIRED" }),
      ).toMatchObject({
        status: "success",
      });
      const decided = await step(as(designation.decideCommand), v("focalEuro"), {
        decisionDate: today,
        termYears: "3",
        approverName: "Regional Director",
      });
      expect(decided, JSON.stringify(decided)).toMatchObject({ status: "success" });

      const done = await prisma.designation.findUniqueOrThrow({ where: { id: copy.id } });
      // Decided before the current term ends: the new term follows it, without gap or overlap.
      expect(toIsoDate(done.termStart!)).toBe(toIsoDate(term.termEnd!));
      expect(done.frozenVersion).toBe(term.frozenVersion! + 1);
      const after = await prisma.centre.findUniqueOrThrow({ where: { id: centre.id } });
      expect(after.status).toBe("ACTIVE");
      expect(toIsoDate(after.termStart!)).toBe(toIsoDate(done.termStart!));
      expect(toIsoDate(after.termEnd!)).toBe(toIsoDate(done.termEnd!));
      const reports = await prisma.annualReport.findMany({ where: { designationId: copy.id } });
      expect(reports).toHaveLength(3);
      expect(reports.every((r) => r.state === "SCHEDULED")).toBe(true);
    });

    it("designates NET-86's redesignation: Pending → Active, version 2 with a diff, a new term from the letter", async () => {
      const redesignation = await prisma.designation.findFirstOrThrow({
        where: { centre: { reference: "NET-86" }, kind: "REDESIGNATION", state: "REGIONAL_REVIEW" },
      });
      const step = async (command: Command<never>, values: Record<string, string> = {}) => {
        const current = await prisma.designation.findUniqueOrThrow({ where: { id: redesignation.id } });
        const state = await run(
          command,
          { designationId: String(redesignation.id), version: String(current.version), ...values },
          v("focalEuro"),
        );
        expect(state, JSON.stringify(state)).toMatchObject({ status: "success" });
      };
      await step(as(designation.acceptCommand));
      await step(as(designation.recordConsultationCommand), { outcome: "NOT_REQUIRED" });
      await step(as(designation.decideCommand), {
        decisionDate: today,
        termYears: "4",
        approverName: "Regional Director",
      });
      const centre = await prisma.centre.findUniqueOrThrow({ where: { reference: "NET-86" } });
      expect(centre.status).toBe("ACTIVE");
      expect(toIsoDate(centre.termStart!)).toBe(today);
      expect(await prisma.annualReport.count({ where: { designationId: redesignation.id } })).toBe(4);
      const { findPublicCentre } = await import("@/server/queries/centre-detail");
      const page = await findPublicCentre("NET-86");
      expect(page?.versionDiff).toMatchObject({ version: 2, previousVersion: 1 });
      expect(page?.versionDiff?.items.map((item) => item.change)).toEqual(["changed", "changed", "added"]);
    });

    it("terminates an Active centre: reports cancelled, directory shows it only with former centres", async () => {
      const centre = await prisma.centre.findUniqueOrThrow({ where: { reference: "SOA-14" } });
      const { parseExportSearch, toParamsRecord } = await import("@/domain/directory/search-params");
      const { resolveSearch } = await import("@/server/queries/directory-resolve");
      const { allMatches } = await import("@/server/queries/directory-search");
      const { designationFeed } = await import("@/server/queries/designation-feed");
      const references = async (query: string) => {
        const parsed = parseExportSearch(toParamsRecord(new URLSearchParams(query)));
        if (!parsed.ok) throw new Error("parse");
        const resolved = await resolveSearch(parsed.value);
        if (!resolved.ok) throw new Error("resolve");
        const seen: string[] = [];
        for await (const row of allMatches(resolved.value, 100)) seen.push(row.reference);
        return seen;
      };
      expect(await references("country=SOA")).toContain("SOA-14");
      const values = {
        centreId: String(centre.id),
        version: String(centre.version),
        reason: "The department closed.",
      };

      // The officer, centre staff and another region's focal point may not terminate.
      for (const viewer of [v("officer"), v("staffNor18"), v("focalEuro")]) {
        expect((await run(as(renewal.terminateCentreCommand), values, viewer)).status).toBe("error");
      }
      const short = await run(
        as(renewal.terminateCentreCommand),
        { ...values, reason: "no" },
        v("focalAfro"),
      );
      expect(short.fieldErrors?.reason).toBeDefined();
      expect(short.values?.reason).toBe("no");
      const reportsBefore = await prisma.annualReport.findMany({ where: { centreId: centre.id } });
      expect((await prisma.centre.findUniqueOrThrow({ where: { id: centre.id } })).status).toBe("ACTIVE");

      const state = await run(as(renewal.terminateCentreCommand), values, v("focalAfro"));
      expect(state, JSON.stringify(state)).toMatchObject({ status: "success" });
      const after = await prisma.centre.findUniqueOrThrow({ where: { id: centre.id } });
      expect(after).toMatchObject({ status: "TERMINATED", statusReason: "The department closed." });
      expect(toIsoDate(after.termEnd!)).toBe(today);
      // The designation's own term ends today too (the public history shows it).
      const term = await prisma.designation.findFirstOrThrow({
        where: { centreId: centre.id, state: "DESIGNATED" },
        orderBy: [{ termStart: "desc" }, { id: "desc" }],
        select: { termEnd: true },
      });
      expect(toIsoDate(term.termEnd!)).toBe(today);
      const reports = await prisma.annualReport.findMany({
        where: { centreId: centre.id },
        orderBy: { yearNumber: "asc" },
      });
      for (const report of reports) {
        const was = reportsBefore.find((r) => r.id === report.id)!.state;
        expect(report.state).toBe(was === "SCHEDULED" || was === "OPEN" ? "CANCELLED" : was);
      }
      expect(reports.filter((r) => r.state === "CANCELLED").length).toBeGreaterThanOrEqual(3);
      expect(
        await prisma.auditEvent.count({
          where: { action: "centre.status", entityId: String(centre.id), toState: "TERMINATED" },
        }),
      ).toBe(1);

      // A stale second try: conflict, nothing changes.
      expect((await run(as(renewal.terminateCentreCommand), values, v("focalAfro"))).status).toBe("error");

      expect(await references("country=SOA")).not.toContain("SOA-14");
      expect(await references("country=SOA&former=1")).toContain("SOA-14");
      const feed = await designationFeed(200);
      expect(feed.find((entry) => entry.reference === "SOA-14" && entry.kind === "status")).toMatchObject({
        status: "TERMINATED",
      });
    });
  });
}
