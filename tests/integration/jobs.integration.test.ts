import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addDays, startOfUtcDay, toIsoDate } from "@/domain/dates";
import type { PrismaClient } from "@/generated/prisma/client";
import { sayProblem } from "@/server/commands/say-problems";

import { startFakeSmtp } from "../support/fake-smtp";
import { seededAt, testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, seededDemoDatabase } from "../support/viewers";

// The scheduled jobs on the demo seed (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), through the same plain functions pg-boss calls:
// each reminder once however often the job runs (also concurrently); the
// expiry job moves Active centres to Closed / Pending and the public
// directory and change feed show it at once; the redesignation invitation;
// opening reports. On PostgreSQL, two app instances (child processes) run
// pg-boss on one database and a scheduled run sends each reminder once.

// The seeded template's time: the demo's dates are relative to it.
const now = seededAt();
const today = startOfUtcDay(now);

for (const kind of testDatabaseKinds()) {
  describe(`scheduled jobs (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let m: {
      reminders: typeof import("@/server/jobs/reminders");
      digest: typeof import("@/server/jobs/focal-digest");
      expiry: typeof import("@/server/jobs/centre-expiry");
      open: typeof import("@/server/jobs/open-reports");
      page: typeof import("@/server/queries/directory-page");
      search: typeof import("@/domain/directory/search-params");
      feed: typeof import("@/server/queries/designation-feed");
    };

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      m = {
        reminders: await import("@/server/jobs/reminders"),
        digest: await import("@/server/jobs/focal-digest"),
        expiry: await import("@/server/jobs/centre-expiry"),
        open: await import("@/server/jobs/open-reports"),
        page: await import("@/server/queries/directory-page"),
        search: await import("@/domain/directory/search-params"),
        feed: await import("@/server/queries/designation-feed"),
      };
    });

    // The app's client (src/server/db/client.ts, used by the directory and
    // feed queries) was made for this database: the next one needs its own.
    afterAll(() => closeTestDatabase(prisma, database));

    const reminderRows = () =>
      prisma.outboxMessage.findMany({
        where: { kind: { startsWith: "reminder." } },
        select: { dedupeKey: true, toEmail: true, kind: true },
        orderBy: { dedupeKey: "asc" },
      });
    const centre = (reference: string) =>
      prisma.centre.findUniqueOrThrow({
        where: { reference },
        select: { id: true, status: true, version: true, title: true, statusReason: true },
      });
    const userId = async (email: string) =>
      (await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

    it("sends each report reminder once, however often the job runs", async () => {
      const first = await m.reminders.runReminders(prisma, now);
      const rows = await reminderRows();
      expect(first.queued).toBeGreaterThan(0);
      // Report reminders plus any redesignation invitation the demo seed calls for.
      expect(rows).toHaveLength(first.queued + first.invitations);

      // NOR-18's year-2 report is overdue (seeded 40 days past due): its staff get the 14-days-after reminder.
      const nor18 = await centre("NOR-18");
      const overdue = await prisma.annualReport.findUniqueOrThrow({
        where: {
          designationId_yearNumber: { designationId: (await currentDesignation(nor18.id)).id, yearNumber: 2 },
        },
        select: { id: true },
      });
      const staffId = await userId("staff.nor18@centre.example");
      expect(rows).toContainEqual({
        dedupeKey: `report:${overdue.id}:due-plus-14:to:${staffId}`,
        toEmail: "staff.nor18@centre.example",
        kind: "reminder.due-plus-14",
      });
      // DEN-64's report was submitted 16 days ago: its officer is reminded.
      expect(rows.filter((row) => row.kind === "reminder.review-waiting").map((row) => row.toEmail)).toEqual([
        "officer@who.example",
      ]);

      const second = await m.reminders.runReminders(prisma, now);
      expect(second.queued).toBe(0);
      expect(second.due).toBe(first.due);
      // The next day nothing new is due either (the same windows).
      expect((await m.reminders.runReminders(prisma, addDays(now, 1))).queued).toBe(0);
      expect(await reminderRows()).toEqual(rows);
    });

    it("concurrent runs (two instances at once) still queue each reminder once", async () => {
      await prisma.outboxMessage.deleteMany({ where: { kind: { startsWith: "reminder." } } });
      const runs = await Promise.all([
        m.reminders.runReminders(prisma, now),
        m.reminders.runReminders(prisma, now),
        m.reminders.runReminders(prisma, now),
      ]);
      const rows = await reminderRows();
      expect(runs.reduce((sum, run) => sum + run.queued + run.invitations, 0)).toBe(rows.length);
      expect(new Set(rows.map((row) => row.dedupeKey)).size).toBe(rows.length);
      expect(rows.length).toBeGreaterThan(0);
    });

    it("sends each focal point one weekly digest of the overdue reports in their region", async () => {
      const first = await m.digest.runFocalDigest(prisma, now);
      const digests = await prisma.outboxMessage.findMany({
        where: { kind: "digest.focal-point" },
        select: { toEmail: true, textBody: true },
        orderBy: { toEmail: "asc" },
      });
      expect(first.queued).toBe(digests.length);
      const euro = digests.find((digest) => digest.toEmail === "focal.euro@who.example");
      const afro = digests.find((digest) => digest.toEmail === "focal.afro@who.example");
      expect(euro?.textBody).toContain("NOR-18");
      expect(euro?.textBody).not.toContain("SOA-14");
      expect(afro?.textBody).toContain("SOA-14");
      expect(afro?.textBody).not.toContain("NOR-18");
      expect((await m.digest.runFocalDigest(prisma, addDays(now, 1))).queued).toBe(
        // Monday starts a new ISO week: a new digest is due then, not before.
        addDays(now, 1).getUTCDay() === 1 ? first.queued : 0,
      );
    });

    it("invites the officer to start a redesignation 6 months before the term ends, once", async () => {
      const soa13 = await centre("SOA-13");
      const current = await currentDesignation(soa13.id);
      const end = addDays(today, 90);
      await prisma.centre.update({ where: { id: soa13.id }, data: { termEnd: end } });
      await prisma.designation.update({ where: { id: current.id }, data: { termEnd: end } });

      const first = await m.reminders.runReminders(prisma, now);
      expect(first.invitations).toBe(1);
      const invitations = await prisma.outboxMessage.findMany({
        where: {
          kind: "reminder.redesignation-invitation",
          dedupeKey: { startsWith: `designation:${current.id}:` },
        },
        select: { toEmail: true, dedupeKey: true, textBody: true },
      });
      expect(invitations).toEqual([
        {
          toEmail: "unit.head@who.example",
          dedupeKey: `designation:${current.id}:redesignation-invitation:to:${await userId("unit.head@who.example")}`,
          textBody: expect.stringContaining(`/evaluations/${current.id}`),
        },
      ]);
      expect((await m.reminders.runReminders(prisma, addDays(now, 7))).invitations).toBe(0);
    });

    it("opens scheduled reports on their opening day, once, with an audit row", async () => {
      const report = await prisma.annualReport.findFirstOrThrow({
        where: { state: "SCHEDULED", centre: { reference: "NOR-18" } },
        orderBy: { yearNumber: "asc" },
        select: { id: true, opensOn: true },
      });
      const state = async () =>
        (await prisma.annualReport.findUniqueOrThrow({ where: { id: report.id }, select: { state: true } }))
          .state;
      await m.open.runOpenReports(prisma, addDays(report.opensOn, -1));
      expect(await state()).toBe("SCHEDULED");
      expect((await m.open.runOpenReports(prisma, report.opensOn)).opened).toBeGreaterThanOrEqual(1);
      expect(
        await prisma.annualReport.findUniqueOrThrow({ where: { id: report.id }, select: { state: true } }),
      ).toEqual({ state: "OPEN" });
      const audit = await prisma.auditEvent.findMany({
        where: { action: "report.open", entityType: "AnnualReport", entityId: String(report.id) },
        select: { actorId: true, fromState: true, toState: true },
      });
      expect(audit).toEqual([{ actorId: null, fromState: "SCHEDULED", toState: "OPEN" }]);
      expect((await m.open.runOpenReports(prisma, report.opensOn)).opened).toBe(0);
    });

    it("moves expired Active centres to Closed or Pending; the directory and change feed show it at once", async () => {
      // DEN-64: a term designated in the registry, no redesignation → Closed.
      const den64 = await centre("DEN-64");
      await endTermYesterday(den64.id);
      // FIN-35: a redesignation in regional review → Pending.
      const fin35 = await centre("FIN-35");
      await endTermYesterday(fin35.id);
      await prisma.designation.create({
        data: { centreId: fin35.id, kind: "REDESIGNATION", state: "REGIONAL_REVIEW" },
      });
      // An imported centre whose term ended → Pending (its later history is unknown).
      const imported = await prisma.centre.findFirstOrThrow({
        where: {
          status: "ACTIVE",
          importedAt: { not: null },
          termEnd: { lt: today },
          designations: { every: { proposedById: null } },
        },
        select: { id: true, reference: true },
      });
      const words = titleWords(den64.title);
      const before = await page(`q=${words}`);
      expect(before.map((item) => item.reference)).toContain("DEN-64");

      const run = await m.expiry.runCentreExpiry(prisma, now);
      expect(run.closed).toBe(1);
      expect(run.pending).toBeGreaterThanOrEqual(2);
      expect(await centre("DEN-64")).toMatchObject({ status: "CLOSED", version: den64.version + 1 });
      // Stored language-neutral, said in the reader's language with the day in theirs.
      const reason = (await centre("DEN-64")).statusReason ?? "";
      expect(reason).toMatch(/^Problems\.termEndedNoRedesignation\|\{"end":"\d{4}-\d{2}-\d{2}"\}$/);
      expect(sayProblem(reason)).toMatch(
        /^The term ended on \d{1,2} [A-Z][a-z]+ \d{4} without redesignation\.$/,
      );
      expect(sayProblem(reason, "fr")).toMatch(
        /^La période de désignation a pris fin le .+ sans redésignation\.$/,
      );
      expect((await centre("FIN-35")).status).toBe("PENDING");
      expect((await centre(imported.reference)).status).toBe("PENDING");
      // NOR-18's term runs for two more years: untouched.
      expect((await centre("NOR-18")).status).toBe("ACTIVE");

      // The public directory: Closed leaves the default search and shows with former centres.
      expect((await page(`q=${words}`)).map((item) => item.reference)).not.toContain("DEN-64");
      const former = await page(`q=${words}&former=1`);
      expect(former.find((item) => item.reference === "DEN-64")?.status).toBe("CLOSED");
      expect(
        (await page(`q=${titleWords(fin35.title)}&status=pending`)).map((item) => item.reference),
      ).toContain("FIN-35");

      // The change feed lists the status change, dated today.
      const feed = await m.feed.designationFeed(2000);
      const entry = feed.find((item) => item.reference === "DEN-64" && item.kind === "status");
      expect(entry?.status).toBe("CLOSED");
      expect(toIsoDate(entry!.date)).toBe(toIsoDate(new Date()));

      // The audit row names no actor (the system) and the officer is told.
      const audit = await prisma.auditEvent.findMany({
        where: { action: "centre.status", entityType: "Centre", entityId: String(den64.id) },
        select: { actorId: true, fromState: true, toState: true },
      });
      expect(audit).toEqual([{ actorId: null, fromState: "ACTIVE", toState: "CLOSED" }]);
      expect(
        await prisma.outboxMessage.count({
          where: { kind: "centre.expired", toEmail: "officer@who.example" },
        }),
      ).toBe(2);

      // A second run changes nothing.
      expect(await m.expiry.runCentreExpiry(prisma, now)).toEqual({ pending: 0, closed: 0, skipped: 0 });
    }, 300_000);

    it("two senders at once deliver each queued message once (the claim leases it)", async () => {
      const smtp = await startFakeSmtp();
      const previous = process.env.SMTP_URL;
      process.env.SMTP_URL = smtp.url;
      try {
        await prisma.outboxMessage.updateMany({ where: { state: "PENDING" }, data: { state: "SENT" } });
        await prisma.outboxMessage.createMany({
          data: Array.from({ length: 6 }, (_, index) => ({
            kind: "test",
            toEmail: `person${index}@example.org`,
            subject: "Test",
            textBody: "Hello",
          })),
        });
        const { deliverOutbox } = await import("@/server/mail/deliver-outbox");
        const runs = await Promise.all([deliverOutbox(prisma), deliverOutbox(prisma), deliverOutbox(prisma)]);
        expect(runs.reduce((sum, run) => sum + run.sent, 0)).toBe(6);
        expect([...smtp.received].sort()).toEqual(
          Array.from({ length: 6 }, (_, index) => `person${index}@example.org`).sort(),
        );
        expect(await prisma.outboxMessage.count({ where: { kind: "test", state: "SENT" } })).toBe(6);
        // The periodic sender finds nothing left to send.
        expect(await deliverOutbox(prisma)).toEqual({ sent: 0, failed: 0 });
      } finally {
        if (previous === undefined) delete process.env.SMTP_URL;
        else process.env.SMTP_URL = previous;
        await smtp.stop();
      }
    });

    if (kind === "postgres") {
      it("two app instances running pg-boss on one database send each scheduled reminder once", async () => {
        await prisma.outboxMessage.deleteMany({ where: { kind: { startsWith: "reminder." } } });
        const instances = [startInstance(database.url), startInstance(database.url)];
        try {
          await Promise.all(instances.map((instance) => instance.ready));
          // The reminders job is scheduled every minute: wait for the first tick's run to finish.
          const deadline = Date.now() + 100_000;
          let completed = 0;
          while (Date.now() < deadline) {
            completed = await countCompleted(prisma, "reminders");
            if (completed > 0) break;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
          expect(completed).toBeGreaterThan(0);
        } finally {
          await Promise.all(instances.map((instance) => instance.stop()));
        }
        const rows = await reminderRows();
        expect(rows.length).toBeGreaterThan(0);
        expect(new Set(rows.map((row) => row.dedupeKey)).size).toBe(rows.length);
        // Each tick of the schedule made one job, run by one of the two instances.
        const ticks = await prisma.$queryRaw<{ minute: Date; jobs: bigint }[]>`
            SELECT date_trunc('minute', created_on) AS minute, count(*) AS jobs
            FROM pgboss.job WHERE name = 'reminders' GROUP BY 1`;
        expect(ticks.every((tick) => Number(tick.jobs) === 1)).toBe(true);
        // The app's log lines (JSON, src/server/log) name the job that ran.
        expect(instances.map((instance) => instance.output()).join("\n")).toMatch(
          /"job":"reminders","result":\{.*"msg":"job done"/,
        );
      }, 180_000);
    }

    async function currentDesignation(centreId: number) {
      return prisma.designation.findFirstOrThrow({
        where: { centreId, state: "DESIGNATED" },
        orderBy: [{ termStart: "desc" }, { id: "desc" }],
        select: { id: true },
      });
    }

    async function endTermYesterday(centreId: number) {
      const end = addDays(today, -1);
      const current = await currentDesignation(centreId);
      await prisma.designation.update({ where: { id: current.id }, data: { termEnd: end } });
      await prisma.centre.update({ where: { id: centreId }, data: { termEnd: end } });
    }

    /** A few words of a title, for a search (it takes at most 10 words). */
    function titleWords(title: string): string {
      const words = title.replace(/^WHO Collaborating Cent(re|er) (for|on) /i, "").split(/\s+/);
      return encodeURIComponent(words.slice(0, 4).join(" "));
    }

    async function page(query: string) {
      const result = await m.page.directoryPage(
        m.search.toParamsRecord(new URLSearchParams(query).entries()),
      );
      if (!result.ok) throw new Error(result.errors.join("; "));
      return result.result.items;
    }
  });
}

async function countCompleted(prisma: PrismaClient, name: string): Promise<number> {
  const rows = await prisma.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM pgboss.job WHERE name = ${name} AND state = 'completed'`;
  return Number(rows[0]?.count ?? 0);
}

function startInstance(url: string) {
  const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
  const script = fileURLToPath(new URL("../support/jobs-instance.ts", import.meta.url));
  const child: ChildProcess = spawn(process.execPath, [tsxCli, "--conditions=react-server", script], {
    env: { ...process.env, JOBS_TEST_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`jobs instance exited with ${code}: ${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    ready,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
