import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";
import type { Command } from "@/server/commands/command";

import { commandRunner, type RunCommand } from "../support/command-runner";
import { testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, demoAccounts, loadViewers, seededDemoDatabase } from "../support/viewers";

/** What a person reads when their save or submit reaches a report already submitted (English). */
const lockedMessage =
  "This report has been submitted and is locked, so your changes were not saved. Reload the page to see it.";

// Annual reports on the demo seed (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), through executeCommand exactly as the server
// actions run it: NOR-18's overdue year-2 report drafted, refused while
// incomplete, submitted, returned with a note, fixed, resubmitted and
// accepted; docs/security.md scenarios 1 (other centre), 6 (parallel approvals),
// 7 (stale save) and 8 (idempotent double submit); and bad input.

const meta = { ip: "203.0.113.7", userAgent: "vitest" };

for (const kind of testDatabaseKinds()) {
  describe(`annual reports (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let run: RunCommand;
    let commands: typeof import("@/server/commands/report/edit-commands") &
      typeof import("@/server/commands/report/review-commands");
    let page: typeof import("@/server/queries/annual-report-page").annualReportPage;
    let myWork: typeof import("@/server/queries/my-work").myWork;
    const viewers: Record<string, Viewer> = {};
    const as = <I>(command: Command<I>) => command as unknown as Command<never>;

    async function reportOf(reference: string, state?: string) {
      return prisma.annualReport.findFirstOrThrow({
        where: { centre: { reference }, ...(state ? { state: state as never } : {}) },
        orderBy: { yearNumber: "asc" },
        select: {
          id: true,
          version: true,
          state: true,
          updatedAt: true,
          resourcesUsed: true,
          collaboration: true,
          difficulties: true,
          suggestions: true,
          useOfWhoName: true,
          designation: { select: { activities: { orderBy: { position: "asc" }, select: { id: true } } } },
        },
      });
    }
    async function snapshot(reportId: number) {
      return prisma.annualReport.findUniqueOrThrow({
        where: { id: reportId },
        include: { progress: { include: { outputs: true }, orderBy: { activityId: "asc" } }, comments: true },
      });
    }
    const complete = (activityIds: number[]) => ({
      ...Object.fromEntries(
        activityIds.flatMap((id) => [
          [`activity-${id}-status`, "ONGOING"],
          [`activity-${id}-narrative`, `Progress on activity ${id}.`],
        ]),
      ),
      resourcesUsed: "Two researchers part-time.",
      collaboration: "A joint webinar with two other centres.",
      difficulties: "Recruitment took longer than planned.",
      suggestions: "Earlier notice of WHO meetings.",
      useOfWhoName: "Only on joint publications agreed with WHO.",
    });

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      run = await commandRunner(meta);
      commands = {
        ...(await import("@/server/commands/report/edit-commands")),
        ...(await import("@/server/commands/report/review-commands")),
      };
      page = (await import("@/server/queries/annual-report-page")).annualReportPage;
      myWork = (await import("@/server/queries/my-work")).myWork;
      Object.assign(viewers, await loadViewers(prisma, demoAccounts));
    });

    afterAll(() => closeTestDatabase(prisma, database));

    it("takes NOR-18's overdue report from draft to accepted, with a return in between", async () => {
      const { staffNor18, officer, focalEuro } = viewers as Record<string, Viewer>;
      const open = await reportOf("NOR-18", "OPEN");
      const [a1, a2, a3, a4] = open.designation.activities.map((activity) => activity.id) as number[];
      const base = (version: number) => ({ reportId: String(open.id), version: String(version) });

      // The focal point sees it as overdue before.
      const overdue = async () =>
        (await myWork(focalEuro!)).find((section) => section.id.startsWith("focal-overdue"))!.items;
      expect((await overdue()).map((item) => item.key)).toContain(`report-${open.id}`);

      // A partial draft: one activity, one section; the new version comes back.
      let saved: { version: number } | undefined;
      const first = await run(
        as(commands.saveDraftCommand((result) => (saved = result))),
        {
          ...base(open.version),
          [`activity-${a1}-status`]: "COMPLETED",
          [`activity-${a1}-narrative`]: "Framework published.",
          [`activity-${a1}-output-0-kind`]: "PUBLICATION",
          [`activity-${a1}-output-0-title`]: "Framework",
          [`activity-${a1}-output-0-url`]: "https://example.org/framework",
          resourcesUsed: "Two researchers.",
        },
        staffNor18!,
      );
      expect(first, JSON.stringify(first)).toMatchObject({ status: "success", message: "Draft saved." });
      // The first save makes the open report a draft: the page is told to show the new state.
      expect(saved).toEqual({ version: open.version + 1, savedAt: expect.any(Date), stateChanged: true });
      // The same tab saves again with the version it got back: no false conflict.
      const second = await run(
        as(commands.saveDraftCommand((result) => (saved = result))),
        { ...base(saved!.version), collaboration: "Webinar with two centres." },
        staffNor18!,
      );
      expect(second.status).toBe("success");
      expect(saved).toMatchObject({ version: open.version + 2, stateChanged: false });
      const draft = await snapshot(open.id);
      expect(draft).toMatchObject({
        state: "DRAFT",
        version: open.version + 2,
        resourcesUsed: "Two researchers.",
        collaboration: "Webinar with two centres.",
      });
      expect(draft.progress).toHaveLength(1);
      expect(draft.progress[0]!.outputs).toMatchObject([
        { kind: "PUBLICATION", title: "Framework", url: "https://example.org/framework" },
      ]);

      // Submitting an incomplete report stores nothing and says what is missing, at each field.
      const incomplete = await run(as(commands.submitReportCommand), base(draft.version), staffNor18!);
      expect(incomplete.status).toBe("error");
      expect(Object.keys(incomplete.fieldErrors ?? {}).sort()).toEqual(
        [
          `activity-${a2}-status`,
          `activity-${a2}-narrative`,
          `activity-${a3}-status`,
          `activity-${a3}-narrative`,
          `activity-${a4}-status`,
          `activity-${a4}-narrative`,
          "difficulties",
          "suggestions",
          "useOfWhoName",
        ].sort(),
      );
      expect(await snapshot(open.id)).toEqual(draft);

      // Complete: submitted, locked, the officer is mailed.
      const officerMail = () =>
        prisma.outboxMessage.count({ where: { toEmail: "officer@who.example", kind: "report.submitted" } });
      const mailBefore = await officerMail();
      const submitted = await run(
        as(commands.submitReportCommand),
        { ...base(draft.version), ...complete([a2!, a3!, a4!]), collaboration: "Webinar with two centres." },
        staffNor18!,
      );
      expect(submitted, JSON.stringify(submitted)).toMatchObject({ status: "success" });
      const locked = await snapshot(open.id);
      expect(locked).toMatchObject({ state: "SUBMITTED", submittedById: staffNor18!.id });
      expect(locked.progress).toHaveLength(4);
      expect(locked.progress.find((row) => row.activityId === a1)).toMatchObject({
        status: "COMPLETED",
        narrative: "Framework published.",
      });
      expect(await officerMail()).toBe(mailBefore + 1);
      expect((await overdue()).map((item) => item.key)).not.toContain(`report-${open.id}`);

      // After the lock: a clear message, nothing stored.
      for (const command of [commands.saveDraftCommand(), commands.submitReportCommand]) {
        const late = await run(
          as(command),
          { ...base(locked.version), resourcesUsed: "Changed after the lock" },
          staffNor18!,
        );
        expect(late).toMatchObject({ status: "error", message: lockedMessage });
      }
      expect(await snapshot(open.id)).toEqual(locked);

      // Staff cannot review their own report; the officer returns it with a note.
      const selfReview = await run(as(commands.acceptReportCommand), base(locked.version), staffNor18!);
      expect(selfReview.status).toBe("error");
      const note = "Please describe the difficulties with the pilot countries in more detail.";
      const returned = await run(
        as(commands.returnReportCommand),
        { ...base(locked.version), note },
        officer!,
      );
      expect(returned, JSON.stringify(returned)).toMatchObject({ status: "success" });
      expect(
        await prisma.outboxMessage.findFirst({
          where: { toEmail: "staff.nor18@centre.example", kind: "report.returned" },
          select: { textBody: true },
        }),
      ).toMatchObject({ textBody: expect.stringContaining(note) });

      // The centre sees the note next to the report and in its history.
      const seen = await page(staffNor18!, open.id);
      expect(seen.report.state).toBe("RETURNED");
      expect(seen.report.comments.map((comment) => comment.body)).toEqual([note]);
      expect(seen.history.map((entry) => [entry.action, entry.note])).toEqual([
        ["report.submit", null],
        ["report.return", note],
      ]);
      expect(seen.offered).toContain("report.save-draft");
      expect(seen.offered).not.toContain("report.accept");

      // Fix (RETURNED → DRAFT), resubmit, accept.
      const afterReturn = await snapshot(open.id);
      const fixed = await run(
        as(commands.saveDraftCommand()),
        { ...base(afterReturn.version), difficulties: "Two pilot countries postponed their workshops." },
        staffNor18!,
      );
      expect(fixed.status).toBe("success");
      const redrafted = await snapshot(open.id);
      expect(redrafted).toMatchObject({
        state: "DRAFT",
        difficulties: "Two pilot countries postponed their workshops.",
      });
      const resubmitted = await run(as(commands.submitReportCommand), base(redrafted.version), staffNor18!);
      expect(resubmitted, JSON.stringify(resubmitted)).toMatchObject({ status: "success" });
      const accepted = await run(
        as(commands.acceptReportCommand),
        base((await snapshot(open.id)).version),
        officer!,
      );
      expect(accepted, JSON.stringify(accepted)).toMatchObject({ status: "success" });
      expect(await snapshot(open.id)).toMatchObject({ state: "ACCEPTED", reviewedById: officer!.id });

      // One audit row per step, with actor and role; the history shows all of them.
      const audit = await prisma.auditEvent.findMany({
        where: { entityType: "AnnualReport", entityId: String(open.id), toState: { not: null } },
        orderBy: { id: "asc" },
        select: { action: true, fromState: true, toState: true, actorId: true, actorRole: true },
      });
      expect(audit).toEqual([
        {
          action: "report.save-draft",
          fromState: "OPEN",
          toState: "DRAFT",
          actorId: staffNor18!.id,
          actorRole: "CENTRE_STAFF",
        },
        {
          action: "report.submit",
          fromState: "DRAFT",
          toState: "SUBMITTED",
          actorId: staffNor18!.id,
          actorRole: "CENTRE_STAFF",
        },
        {
          action: "report.return",
          fromState: "SUBMITTED",
          toState: "RETURNED",
          actorId: officer!.id,
          actorRole: "OFFICER",
        },
        {
          action: "report.save-draft",
          fromState: "RETURNED",
          toState: "DRAFT",
          actorId: staffNor18!.id,
          actorRole: "CENTRE_STAFF",
        },
        {
          action: "report.submit",
          fromState: "DRAFT",
          toState: "SUBMITTED",
          actorId: staffNor18!.id,
          actorRole: "CENTRE_STAFF",
        },
        {
          action: "report.accept",
          fromState: "SUBMITTED",
          toState: "ACCEPTED",
          actorId: officer!.id,
          actorRole: "OFFICER",
        },
      ]);
      const final = await page(focalEuro!, open.id, { compare: true });
      expect(final.history.map((entry) => entry.action)).toEqual([
        "report.submit",
        "report.return",
        "report.submit",
        "report.accept",
      ]);
      // Last year's report, side by side.
      expect(final.previous).toMatchObject({ yearNumber: 1, state: "ACCEPTED" });
      expect(await prisma.outboxMessage.count({ where: { kind: "report.accepted" } })).toBe(1);
    });

    it("gives staff of another centre not-found for every read and write, DB unchanged, denial logged (scenario 1)", async () => {
      const { staffSoa13 } = viewers as Record<string, Viewer>;
      const targets = await prisma.annualReport.findMany({
        where: { centre: { reference: { in: ["NOR-18", "DEN-64", "FIN-35"] } }, state: { not: "SCHEDULED" } },
        select: { id: true, version: true },
      });
      expect(targets.length).toBeGreaterThan(3);
      const { AccessDenied } = await import("@/server/policy/authorize");
      const denialsBefore = await prisma.auditEvent.count({
        where: { action: "authz.denied", actorId: staffSoa13!.id },
      });
      for (const target of targets) {
        const before = await snapshot(target.id);
        await expect(page(staffSoa13!, target.id)).rejects.toBeInstanceOf(AccessDenied);
        const values = {
          reportId: String(target.id),
          version: String(target.version),
          resourcesUsed: "Written by another centre",
          note: "x",
        };
        const { note, resourcesUsed, ...common } = values;
        const attempts: [Command<never>, Record<string, string>][] = [
          [as(commands.saveDraftCommand()), { ...common, resourcesUsed }],
          [as(commands.submitReportCommand), { ...common, resourcesUsed }],
          [as(commands.acceptReportCommand), common],
          [as(commands.returnReportCommand), { ...common, note }],
        ];
        for (const [command, posted] of attempts) {
          const result = await run(command, posted, staffSoa13!);
          expect(result).toMatchObject({
            status: "error",
            message: "We could not find that, or you do not have access to it.",
          });
          // None of the other centre's values come back.
          expect(JSON.stringify(result)).not.toContain(before.resourcesUsed ?? "\u0000");
        }
        expect(await snapshot(target.id)).toEqual(before);
      }
      expect(
        await prisma.auditEvent.count({ where: { action: "authz.denied", actorId: staffSoa13!.id } }),
      ).toBe(denialsBefore + targets.length * 5);
    });

    it("lets exactly one of 20 simultaneous approvals win (scenario 6)", async () => {
      const before = await reportOf("DEN-64", "SUBMITTED");
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          run(
            as(commands.acceptReportCommand),
            { reportId: String(before.id), version: String(before.version) },
            viewers.officer!,
          ),
        ),
      );
      expect(results.filter((result) => result.status === "success")).toHaveLength(1);
      const losers = results.filter((result) => result.status === "error");
      expect(losers).toHaveLength(19);
      for (const loser of losers) expect(loser.message).toMatch(/Someone else changed this report/);
      expect(await snapshot(before.id)).toMatchObject({ state: "ACCEPTED", version: before.version + 1 });
      expect(
        await prisma.auditEvent.count({ where: { action: "report.accept", entityId: String(before.id) } }),
      ).toBe(1);
    });

    it("refuses a save carrying an old version and keeps the first save (scenario 7)", async () => {
      const before = await reportOf("SOA-13", "DRAFT");
      const values = { reportId: String(before.id), version: String(before.version) };
      const first = await run(
        as(commands.saveDraftCommand()),
        { ...values, suggestions: "First save" },
        viewers.staffSoa13!,
      );
      expect(first.status).toBe("success");
      const stale = await run(
        as(commands.saveDraftCommand()),
        { ...values, suggestions: "Stale save" },
        viewers.staffSoa13!,
      );
      expect(stale).toMatchObject({ status: "error", values: { suggestions: "Stale save" } });
      expect(stale.message).toMatch(/Someone else changed this report/);
      expect(await snapshot(before.id)).toMatchObject({
        suggestions: "First save",
        version: before.version + 1,
      });
    });

    it("submits once for one idempotency key, sent twice and in parallel (scenario 8)", async () => {
      const before = await reportOf("FIN-35", "RETURNED");
      const activityIds = before.designation.activities.map((activity) => activity.id);
      const values = {
        reportId: String(before.id),
        version: String(before.version),
        idempotencyKey: "k".repeat(8) + "-fin35-submit-1",
        ...complete(activityIds),
      };
      const parallel = await Promise.all([
        run(as(commands.submitReportCommand), values, viewers.admin!),
        run(as(commands.submitReportCommand), values, viewers.admin!),
      ]);
      const again = await run(as(commands.submitReportCommand), values, viewers.admin!);
      for (const result of [...parallel, again])
        expect(result, JSON.stringify(result)).toMatchObject({
          status: "success",
          message: "Report submitted. It is now locked while WHO reviews it.",
        });
      expect(await snapshot(before.id)).toMatchObject({ state: "SUBMITTED", version: before.version + 1 });
      expect(
        await prisma.auditEvent.count({ where: { action: "report.submit", entityId: String(before.id) } }),
      ).toBe(1);
      // Stored scoped to the person and the action (src/server/commands/idempotency.ts).
      expect(
        await prisma.idempotencyKey.count({
          where: { key: { endsWith: `:report.submit:${values.idempotencyKey}` } },
        }),
      ).toBe(1);
      // Another key is a new submission: the report is locked.
      const other = await run(
        as(commands.submitReportCommand),
        { ...values, idempotencyKey: "another-key-0000001" },
        viewers.admin!,
      );
      expect(other).toMatchObject({ status: "error", message: lockedMessage });
    });

    it("answers bad input with a clear message at the field, stores nothing and keeps the draft", async () => {
      const { staffSoa13, officer } = viewers as Record<string, Viewer>;
      const report = await reportOf("SOA-13", "DRAFT");
      const activity = report.designation.activities[0]!.id;
      const before = await snapshot(report.id);
      const base = { reportId: String(report.id), version: String(report.version) };
      const cases: [Record<string, string>, string][] = [
        [{ [`activity-${activity}-narrative`]: "x".repeat(100_000) }, `activity-${activity}-narrative`],
        [{ [`activity-${activity}-status`]: "DONE" }, `activity-${activity}-status`],
        [{ score: "7" }, "form"],
        [{ [`activity-${activity}-score`]: "99" }, "form"],
        [{ state: "ACCEPTED" }, "form"],
        [
          {
            [`activity-${activity}-output-0-kind`]: "EVENT",
            [`activity-${activity}-output-0-title`]: "X",
            [`activity-${activity}-output-0-url`]: "javascript:alert(1)",
          },
          `activity-${activity}-output-0-url`,
        ],
        [{ collaboration: "y".repeat(5_001) }, "collaboration"],
      ];
      for (const command of [commands.saveDraftCommand(), commands.submitReportCommand]) {
        for (const [extra, field] of cases) {
          const result = await run(as(command), { ...base, ...extra }, staffSoa13!);
          expect(result.status, field).toBe("error");
          expect(result.fieldErrors?.[field], field).toEqual([expect.any(String)]);
          // What was typed comes back.
          expect(result.values).toMatchObject(extra);
        }
      }
      // An activity of another work plan, and a report of another centre.
      const foreign = await reportOf("NOR-18");
      const foreignActivity = foreign.designation.activities[0]!.id;
      const wrongActivity = await run(
        as(commands.saveDraftCommand()),
        { ...base, [`activity-${foreignActivity}-narrative`]: "Not mine" },
        staffSoa13!,
      );
      expect(wrongActivity).toMatchObject({ status: "error", fieldErrors: { form: [expect.any(String)] } });
      // An officer who is not responsible for SOA-13 cannot save it either.
      const soa13Officer = await run(
        as(commands.saveDraftCommand()),
        { ...base, suggestions: "Officer" },
        officer!,
      );
      expect(soa13Officer.status).toBe("error");
      expect(await snapshot(report.id)).toEqual(before);
    });
  });
}
