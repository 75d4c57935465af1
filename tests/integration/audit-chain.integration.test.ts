import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Prisma, PrismaClient } from "@/generated/prisma/client";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, demoAccounts, seededDemoDatabase } from "../support/viewers";
import { DEMO_PASSWORD } from "@/server/seed/demo-accounts";

// The tamper-evident audit trail (decision 0029) on the demo seed, PGlite and
// PostgreSQL: real actions write rows, the sealer (directly and as the
// registered pg-boss job) chains them, `npm run audit:verify` finds them
// intact, then names a row changed or deleted by hand in SQL (past the
// append-only trigger, as the table's owner could). Writers and sealers at
// once; a transaction holding a small id while larger ones commit; a generic
// copy of the table into another database keeps the chain valid.

const root = fileURLToPath(new URL("../..", import.meta.url));
const meta = { ip: "198.51.100.29", userAgent: "audit-chain test" };
/** The audit modules, imported once the test's DATABASE_URL is set. */
const auditModules = async () => ({
  seal: await import("@/server/audit/seal-audit-trail"),
  verify: await import("@/server/audit/verify-audit-trail"),
  audit: await import("@/server/audit/record-audit"),
});
type AuditModules = Awaited<ReturnType<typeof auditModules>>;

/** A sealer's clock far enough ahead that every row is past the margin. */
const later = () => new Date(Date.now() + 10 * 60_000);

for (const kind of testDatabaseKinds()) {
  describe(`tamper-evident audit trail (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let m: AuditModules;

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      m = await auditModules();
    });

    afterAll(() => closeTestDatabase(prisma, database));

    const sealAll = () => m.seal.sealAuditTrail(prisma, { now: later() });
    const verify = (expectHead?: string) => m.verify.verifyAuditTrail(prisma, { expectHead, batchSize: 50 });
    const write: Write = (action, db = prisma) =>
      m.audit.recordAudit(db, { actor: null, action, entity: { type: "Test", id: action }, meta });
    const idOf = async (action: string) =>
      (await prisma.auditEvent.findFirstOrThrow({ where: { action }, select: { id: true } })).id;
    /** Runs SQL as someone who can switch the append-only trigger off (the table's owner). */
    const pastTheTrigger = (sql: string) =>
      prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
        await tx.$executeRawUnsafe(sql);
        await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
      });

    it("actions write audit rows; sealing chains every one; the chain verifies intact", async () => {
      const { verifyCredentials } = await import("@/server/auth/credentials");
      const seeded = await prisma.auditEvent.count();
      expect(seeded).toBeGreaterThan(0);
      expect(await prisma.auditEvent.count({ where: { seq: { not: null } } })).toBe(0);

      const failed = await verifyCredentials(
        prisma,
        { email: demoAccounts.admin, password: "wrong password" },
        meta,
      );
      const signedIn = await verifyCredentials(
        prisma,
        { email: demoAccounts.admin, password: DEMO_PASSWORD },
        meta,
      );
      expect([failed.ok, signedIn.ok]).toEqual([false, true]);
      const total = await prisma.auditEvent.count();
      expect(total).toBeGreaterThanOrEqual(seeded + 2);

      // With the sealer's own clock, rows just written are inside the margin and wait.
      const now = await m.seal.sealAuditTrail(prisma);
      expect(now.busy).toBe(0);
      expect(now.waiting).toBeGreaterThanOrEqual(2);

      const result = await sealAll();
      expect(result).toMatchObject({ waiting: 0, busy: 0, late: 0 });
      expect(now.sealed + result.sealed).toBe(total);
      const rows = await prisma.auditEvent.findMany({
        orderBy: { seq: "asc" },
        select: { id: true, seq: true },
      });
      expect(rows.map((row) => row.seq)).toEqual(rows.map((_, index) => BigInt(index + 1)));
      // No transaction was open, so the chain is in id order.
      expect(rows.map((row) => row.id)).toEqual(
        [...rows.map((row) => row.id)].sort((a, b) => (a < b ? -1 : 1)),
      );

      const verified = await verify();
      expect(verified).toMatchObject({ ok: true, awaiting: 0, summary: { sealed: total, late: 0 } });
      expect(verified.lines[0]).toBe(`audit chain intact: ${total} rows sealed, 0 awaiting sealing`);
      // A second pass has nothing to do.
      expect(await sealAll()).toMatchObject({ sealed: 0, waiting: 0 });
    });

    it("the append-only trigger lets a row be sealed once and nothing else", async () => {
      const sealed = await prisma.auditEvent.findFirstOrThrow({ where: { seq: 1n } });
      await expect(
        prisma.$executeRaw`UPDATE "AuditEvent" SET "sealedAt" = now() WHERE id = ${sealed.id}`,
      ).rejects.toThrow(/append-only/);
      await expect(
        prisma.$executeRaw`UPDATE "AuditEvent" SET seq = NULL, hash = NULL, "prevHash" = NULL, "sealedAt" = NULL WHERE id = ${sealed.id}`,
      ).rejects.toThrow(/append-only/);
      await write("test.unsealed");
      const id = await idOf("test.unsealed");
      await expect(
        prisma.$executeRaw`UPDATE "AuditEvent" SET seq = 999999, hash = 'x', "prevHash" = 'y', "sealedAt" = now(), action = 'other' WHERE id = ${id}`,
      ).rejects.toThrow(/append-only/);
      await expect(prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${id}`).rejects.toThrow(
        /append-only/,
      );
      expect((await sealAll()).sealed).toBe(1);
    });

    it("a rolled-back transaction's id is a permanent hole in the ids, never in the chain", async () => {
      await prisma
        .$transaction(async (tx) => {
          await write("test.rolled-back", tx);
          throw new Error("roll back");
        })
        .catch(() => {});
      await write("test.after-rollback");
      expect(await prisma.auditEvent.count({ where: { action: "test.rolled-back" } })).toBe(0);
      expect(await sealAll()).toMatchObject({ sealed: 1, waiting: 0, late: 0 });
      expect((await verify()).ok).toBe(true);
    });

    it("npm run audit:verify names a row changed by hand in SQL, and exits 1", async () => {
      await write("test.to-change");
      await sealAll();
      const before = await verify();
      if (!before.ok) throw new Error(before.lines.join("\n"));
      const id = await idOf("test.to-change");
      const row = await prisma.auditEvent.findUniqueOrThrow({ where: { id } });

      await pastTheTrigger(`UPDATE "AuditEvent" SET action = 'x' WHERE id = ${id}`);

      const found = await verify();
      expect(found).toMatchObject({
        ok: false,
        break: { reason: "changed", seq: row.seq, row: { id, action: "x" } },
      });
      const script = await runVerifyScript(database.url);
      expect(script.code).toBe(1);
      expect(script.output).toContain(
        `audit chain BROKEN at seq ${row.seq}: row id ${id} (seq ${row.seq}, ${row.occurredAt.toISOString()}, x) was changed`,
      );

      // Put back as it was: intact again (the hash covers the content, not when it was written).
      await pastTheTrigger(`UPDATE "AuditEvent" SET action = 'test.to-change' WHERE id = ${id}`);
      const again = await verify(before.summary.head!.hash);
      expect(again.ok).toBe(true);
      expect(again.lines).toContain(`the expected head is in the chain at seq ${before.summary.head!.seq}`);
    }, 120_000);

    it("names a row deleted by hand, and a head cut from the end through --expect-head", async () => {
      for (const action of ["test.delete-1", "test.delete-2", "test.delete-3"]) await write(action);
      await sealAll();
      const intact = await verify();
      if (!intact.ok) throw new Error(intact.lines.join("\n"));
      const head = intact.summary.head!;
      const [first, middle, last] = await prisma.auditEvent.findMany({
        where: { action: { startsWith: "test.delete-" } },
        orderBy: { seq: "asc" },
      });

      await pastTheTrigger(`DELETE FROM "AuditEvent" WHERE id = ${middle!.id}`);
      const found = await verify();
      expect(found).toMatchObject({
        ok: false,
        break: {
          reason: "removed",
          seq: middle!.seq,
          missing: { from: middle!.seq, to: middle!.seq },
          before: { id: first!.id },
          row: { id: last!.id },
        },
      });
      expect(found.lines[0]).toBe(
        `audit chain BROKEN at seq ${middle!.seq}: a row was removed (seq ${middle!.seq} is missing)`,
      );

      // The last row deleted as well: nothing in the table shows it, the noted head does.
      await pastTheTrigger(`DELETE FROM "AuditEvent" WHERE id IN (${middle!.id}, ${last!.id})`);
      const withoutTail = await verify();
      expect(withoutTail).toMatchObject({ ok: true, summary: { head: { seq: first!.seq } } });
      const cut = await verify(head.hash);
      expect(cut).toMatchObject({ ok: false, break: { reason: "head-missing", last: { id: first!.id } } });
      expect(cut.lines[0]).toBe(`audit chain BROKEN: the expected head ${head.hash} is not in the chain`);
    });
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`sealing while writers write (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let m: AuditModules;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      process.env.DATABASE_URL = database.url;
      const { createPrismaClient } = await import("@/server/db/create-client");
      prisma = createPrismaClient(database.url, 12);
      m = await auditModules();
    });

    afterAll(() => closeTestDatabase(prisma, database));

    const write: Write = (action, db = prisma) =>
      m.audit.recordAudit(db, {
        actor: null,
        action,
        details: { written: action, at: { n: 1.5, é: "ü 中" } },
      });
    const idOf = async (action: string) =>
      (await prisma.auditEvent.findFirstOrThrow({ where: { action }, select: { id: true } })).id;
    const sealAll = () => m.seal.sealAuditTrail(prisma, { now: later() });
    const chainOrder = async () =>
      (
        await prisma.auditEvent.findMany({
          where: { seq: { not: null } },
          orderBy: { seq: "asc" },
          select: { action: true },
        })
      ).map((row) => row.action);

    it("writers at once, each committing at its own pace, while three sealers run: every row sealed once, chain intact", async () => {
      let writing = true;
      const sealers = [0, 1, 2].map(async () => {
        const runs = [];
        while (writing) {
          runs.push(await m.seal.sealAuditTrail(prisma, { now: later(), marginMs: 0, batchSize: 7 }));
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return runs;
      });
      const writers = Array.from({ length: 60 }, (_, index) =>
        prisma.$transaction(
          async (tx) => {
            await write(`test.concurrent-${index}`, tx);
            // Commit order differs from id order.
            await tx.$executeRawUnsafe(`SELECT pg_sleep(${(index % 7) * 0.01})`);
            if (index % 10 === 9) throw new Error("roll back");
          },
          { maxWait: 60_000, timeout: 60_000 },
        ),
      );
      const outcomes = await Promise.allSettled(writers);
      writing = false;
      const runs = (await Promise.all(sealers)).flat();
      expect(outcomes.filter((outcome) => outcome.status === "rejected")).toHaveLength(6);

      const final = await sealAll();
      expect(final.waiting).toBe(0);
      const sealedByAll = runs.reduce((sum, run) => sum + run.sealed, 0) + final.sealed;
      expect(sealedByAll).toBe(54);
      expect(await prisma.auditEvent.count({ where: { seq: { not: null } } })).toBe(54);
      const verified = await m.verify.verifyAuditTrail(prisma);
      expect(verified).toMatchObject({ ok: true, awaiting: 0, summary: { sealed: 54 } });
    }, 120_000);

    if (kind === "postgres") {
      it("a second sealer while one holds the lock seals nothing and says so", async () => {
        await write("test.while-locked");
        let release!: () => void;
        let locked!: () => void;
        const lockTaken = new Promise<void>((resolve) => (locked = resolve));
        const gate = new Promise<void>((resolve) => (release = resolve));
        const holder = prisma.$transaction(
          async (tx) => {
            await tx.$executeRaw`SELECT pg_advisory_xact_lock(${m.seal.AUDIT_SEAL_LOCK}::bigint)`;
            locked();
            await gate;
          },
          { timeout: 60_000 },
        );
        await lockTaken;
        try {
          expect(await sealAll()).toEqual({ sealed: 0, late: 0, waiting: 1, busy: 1 });
        } finally {
          release();
          await holder;
        }
        expect(await sealAll()).toMatchObject({ sealed: 1, busy: 0, waiting: 0 });
      });

      // PGlite runs one transaction at a time: a transaction held open there
      // keeps every other connection waiting, so this order cannot happen on it.
      it("a transaction holding a smaller id while larger ones commit: within the margin they wait, and all seal in id order", async () => {
        const held = holdOpen(prisma, write, "test.held-short");
        await held.inserted;
        for (const action of ["test.short-1", "test.short-2"]) await write(action);
        // The sealer's real clock: the new rows are inside the margin; the held one is invisible.
        const waiting = await m.seal.sealAuditTrail(prisma);
        expect(waiting).toMatchObject({ sealed: 0, waiting: 2 });
        await held.commit();
        expect(await sealAll()).toMatchObject({ sealed: 3, late: 0, waiting: 0 });
        expect((await chainOrder()).slice(-3)).toEqual(["test.held-short", "test.short-1", "test.short-2"]);
        expect((await idOf("test.held-short")) < (await idOf("test.short-1"))).toBe(true);
        expect((await m.verify.verifyAuditTrail(prisma)).ok).toBe(true);
      });

      it("held past the margin: the larger ids are sealed, and the late row after them, never left unsealed", async () => {
        // Late rows the file's earlier writers left (a loaded machine makes some): this one adds one.
        await sealAll();
        const before = await m.verify.verifyAuditTrail(prisma);
        if (!before.ok) throw new Error(before.lines.join("\n"));
        const lateBefore = before.summary.late;
        const held = holdOpen(prisma, write, "test.held-long");
        await held.inserted;
        for (const action of ["test.long-1", "test.long-2"]) await write(action);
        expect(await sealAll()).toMatchObject({ sealed: 2, late: 0, waiting: 0 });
        await held.commit();
        expect(await sealAll()).toMatchObject({ sealed: 1, late: 1, waiting: 0 });
        expect((await chainOrder()).slice(-3)).toEqual(["test.long-1", "test.long-2", "test.held-long"]);
        const verified = await m.verify.verifyAuditTrail(prisma);
        expect(verified).toMatchObject({ ok: true, awaiting: 0, summary: { late: lateBefore + 1 } });
        expect(verified.lines).toContain(
          `${lateBefore + 1} rows were sealed after rows with larger ids (their transactions committed late)`,
        );
      });
    }

    it("a late row (an id below those sealed, as a long transaction leaves) is sealed at the end of the chain", async () => {
      // What the held transaction above leaves, on either database: a hole
      // that is sealed past, then filled by a row committed later.
      await prisma
        .$transaction(async (tx) => {
          await write("test.hole", tx);
          throw new Error("roll back");
        })
        .catch(() => {});
      await write("test.above-hole");
      expect(await sealAll()).toMatchObject({ sealed: 1, late: 0 });
      const hole = (await idOf("test.above-hole")) - 1n;
      expect(await prisma.auditEvent.count({ where: { id: hole } })).toBe(0);
      await prisma.$executeRaw`INSERT INTO "AuditEvent" (id, "occurredAt", action) VALUES (${hole}, now(), 'test.late')`;
      expect(await sealAll()).toMatchObject({ sealed: 1, late: 1, waiting: 0 });
      expect((await chainOrder()).slice(-2)).toEqual(["test.above-hole", "test.late"]);
      expect((await m.verify.verifyAuditTrail(prisma)).ok).toBe(true);
    });

    it("a generic copy of every column into another database keeps the chain valid", async () => {
      await sealAll();
      const source = await m.verify.verifyAuditTrail(prisma);
      if (!source.ok) throw new Error(source.lines.join("\n"));
      const [dump] = await prisma.$queryRaw<{ rows: string }[]>`
        SELECT json_agg(a ORDER BY id)::text AS rows FROM "AuditEvent" a`;
      const copy = await createTestDatabase(kind);
      const { createPrismaClient } = await import("@/server/db/create-client");
      const target = createPrismaClient(copy.url, 2);
      try {
        await target.$transaction(async (tx) => {
          await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica"); // no foreign keys: no users here
          await tx.$executeRaw`
            INSERT INTO "AuditEvent" SELECT * FROM json_populate_recordset(NULL::"AuditEvent", ${dump!.rows}::json)`;
        });
        const copied = await m.verify.verifyAuditTrail(target, { expectHead: source.summary.head!.hash });
        expect(copied).toMatchObject({
          ok: true,
          awaiting: 0,
          summary: { sealed: source.summary.sealed, head: source.summary.head },
        });
      } finally {
        await target.$disconnect();
        await copy.drop();
      }
    });

    it("the sealer runs as the registered audit-seal job (pg-boss, every minute)", async () => {
      const { startJobs } = await import("@/server/jobs/start-jobs");
      // Old enough to be past the margin on the job's own clock.
      await prisma.auditEvent.create({
        data: { action: "test.by-job", occurredAt: new Date(Date.now() - 60_000) },
      });
      const handle = await startJobs({
        url: database.url,
        db: prisma,
        catchUp: false,
        pollingIntervalSeconds: 1,
      });
      try {
        const schedules = await handle.boss.getSchedules();
        expect(schedules.find((schedule) => schedule.name === "audit-seal")).toMatchObject({
          cron: "* * * * *",
        });
        await handle.boss.send("audit-seal", {});
        const deadline = Date.now() + 60_000;
        while (Date.now() < deadline && (await prisma.auditEvent.count({ where: { seq: null } })) > 0)
          await new Promise((resolve) => setTimeout(resolve, 250));
      } finally {
        await handle.stop();
      }
      expect(await prisma.auditEvent.count({ where: { seq: null } })).toBe(0);
      // The job's own answer, as pg-boss keeps it.
      const runs = await prisma.$queryRaw<{ output: { sealed?: number } | null }[]>`
        SELECT output FROM pgboss.job WHERE name = 'audit-seal' AND state = 'completed'`;
      expect(runs.map((run) => run.output?.sealed)).toContain(1);
      expect((await m.verify.verifyAuditTrail(prisma)).ok).toBe(true);
    }, 120_000);
  });
}

type Write = (action: string, db?: Prisma.TransactionClient | PrismaClient) => Promise<void>;

/** A transaction that writes an audit row (taking its id) and stays open until commit(). */
function holdOpen(prisma: PrismaClient, write: Write, action: string) {
  let inserted!: () => void;
  let release!: () => void;
  const insertedPromise = new Promise<void>((resolve) => (inserted = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const done = prisma.$transaction(
    async (tx) => {
      await write(action, tx);
      inserted();
      await gate;
    },
    { timeout: 60_000 },
  );
  return {
    inserted: insertedPromise,
    commit: async () => {
      release();
      await done;
    },
  };
}

/** Runs `npm run audit:verify` as an operator would (the same command line), on `url`. */
function runVerifyScript(url: string): Promise<{ code: number | null; output: string }> {
  const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
  const child = spawn(process.execPath, [tsxCli, "--conditions=react-server", "scripts/audit-verify.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}
