import { TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ADDRESS_RULE } from "@/domain/sign-in-throttle";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/load-viewer";
import { sayProblem } from "@/server/commands/say-problems";

import { testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, demoAccounts, loadViewers, seededDemoDatabase } from "../support/viewers";

// Two-factor sign-in (decision 0014) against a real database: enrolment,
// the code at sign-in, single-use recovery codes, throttling, turning it off,
// an administrator's reset, REQUIRE_TWO_FACTOR, and the audit rows.

const PASSWORD = "registry-demo-2026";
const STEP = 30_000;

/** What the person's phone shows at `at`, computed with the same library. */
function appCode(secret: string, at: Date): string {
  return new TOTP({ secret: secret.replace(/\s/g, ""), algorithm: "SHA1", digits: 6, period: 30 }).generate({
    timestamp: at.getTime(),
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`two-factor sign-in (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let tf: typeof import("@/server/auth/two-factor/two-factor");
    let verifyCredentials: typeof import("@/server/auth/credentials").verifyCredentials;
    let executeCommand: typeof import("@/server/commands/execute-command").executeCommand;
    let commands: {
      confirm: typeof import("@/server/commands/two-factor/enrol").confirmTwoFactorCommand;
      disable: typeof import("@/server/commands/two-factor/disable").disableTwoFactorCommand;
      reset: typeof import("@/server/commands/two-factor/admin-reset").resetTwoFactorCommand;
      signInError: typeof import("@/server/commands/two-factor/sign-in-errors").secondFactorSignInError;
    };
    let viewers: Record<"admin" | "officer" | "staff", Viewer>;
    // Each test moves the clock on, so no 30-second step is spent twice by accident.
    let clock = Date.now();
    const later = (minutes = 1) => new Date((clock += minutes * 60_000));

    const audit = (action: string, userId: number) =>
      prisma.auditEvent.findMany({ where: { action, entityType: "User", entityId: String(userId) } });

    /** Enrols a demo account, returning its secret and recovery codes. */
    async function enrol(viewer: Viewer, ip: string): Promise<{ secret: string; recoveryCodes: string[] }> {
      expect(await tf.startEnrolment(prisma, viewer.id)).toBe("started");
      const state = await tf.twoFactorState(prisma, viewer.id);
      if (state.status !== "pending") throw new Error("not pending");
      const now = later();
      const result = await tf.confirmEnrolment(
        prisma,
        { id: viewer.id, role: viewer.role },
        appCode(state.secret, now),
        { ip, userAgent: null },
        now,
      );
      if (!result.ok) throw new Error(result.reason);
      return { secret: state.secret, recoveryCodes: result.recoveryCodes };
    }

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      process.env.AUTH_SECRET ??= "integration-test-secret-of-at-least-32-chars";
      tf = await import("@/server/auth/two-factor/two-factor");
      verifyCredentials = (await import("@/server/auth/credentials")).verifyCredentials;
      executeCommand = (await import("@/server/commands/execute-command")).executeCommand;
      commands = {
        confirm: (await import("@/server/commands/two-factor/enrol")).confirmTwoFactorCommand,
        disable: (await import("@/server/commands/two-factor/disable")).disableTwoFactorCommand,
        reset: (await import("@/server/commands/two-factor/admin-reset")).resetTwoFactorCommand,
        signInError: (await import("@/server/commands/two-factor/sign-in-errors")).secondFactorSignInError,
      };
      viewers = await loadViewers(prisma, {
        admin: demoAccounts.admin,
        officer: demoAccounts.officer,
        staff: demoAccounts.staffSoa13,
      });
    });

    afterAll(async () => {
      delete process.env.REQUIRE_TWO_FACTOR;
      await closeTestDatabase(prisma, database);
    });

    it("enrols with a code from the app: the secret encrypted, ten recovery codes argon2-hashed, one audit row", async () => {
      const staff = viewers.staff;
      const meta = { ip: "198.51.100.10", userAgent: null };
      await tf.startEnrolment(prisma, staff.id);
      const pending = await tf.twoFactorState(prisma, staff.id);
      if (pending.status !== "pending") throw new Error("not pending");
      // Not in force yet: the password alone still signs in.
      expect((await verifyCredentials(prisma, { email: staff.email, password: PASSWORD }, meta)).ok).toBe(
        true,
      );

      const now = later();
      const wrong = await executeCommand(commands.confirm, { code: "000000" }, { viewer: staff, meta });
      expect(wrong).toMatchObject({ status: "error", message: "That code is not right." });
      const malformed = await executeCommand(commands.confirm, { code: "12345" }, { viewer: staff, meta });
      expect(malformed.fieldErrors?.code?.[0]).toMatch(/6 digits/);

      const result = await tf.confirmEnrolment(
        prisma,
        { id: staff.id, role: staff.role },
        appCode(pending.secret, now),
        meta,
        now,
      );
      if (!result.ok) throw new Error(result.reason);
      expect(result.recoveryCodes).toHaveLength(10);
      expect(new Set(result.recoveryCodes).size).toBe(10);
      for (const code of result.recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

      const stored = await prisma.twoFactor.findUniqueOrThrow({ where: { userId: staff.id } });
      expect(stored.confirmedAt).not.toBeNull();
      expect(stored.secretEncrypted).not.toContain(pending.secret);
      const hashes = await prisma.recoveryCode.findMany({ where: { userId: staff.id } });
      expect(hashes).toHaveLength(10);
      for (const row of hashes) {
        expect(row.codeHash).toMatch(/^\$argon2id\$/);
        expect(result.recoveryCodes.some((code) => row.codeHash.includes(code))).toBe(false);
      }
      expect(await audit("auth.two-factor.enrolled", staff.id)).toHaveLength(1);
      // Once on, it cannot be restarted (which would swap the secret) without turning it off.
      expect(await tf.startEnrolment(prisma, staff.id)).toBe("already-on");
    });

    it("asks an enrolled person for the code after the password, accepts each app code once", async () => {
      const staff = viewers.staff;
      const meta = { ip: "198.51.100.11", userAgent: null };
      const { secret } = await tf.twoFactorState(prisma, staff.id).then(async (state) => {
        expect(state.status).toBe("on");
        const row = await prisma.twoFactor.findUniqueOrThrow({ where: { userId: staff.id } });
        const { openSecret } = await import("@/server/auth/two-factor/secret-box");
        return { secret: openSecret(row.secretEncrypted)! };
      });
      const signIns = (await audit("auth.sign-in", staff.id)).length;
      const now = later();
      const signIn = (code: string | undefined, password = PASSWORD, at = now) =>
        verifyCredentials(prisma, { email: staff.email, password, code }, meta, at);

      expect(await signIn(undefined)).toEqual({ ok: false, reason: "two-factor-required" });
      expect(await signIn("123456" === appCode(secret, now) ? "654321" : "123456")).toEqual({
        ok: false,
        reason: "two-factor-invalid",
      });
      // A wrong password with the right code is the generic failure: the code is not even looked at.
      expect(await signIn(appCode(secret, now), "wrong password")).toEqual({ ok: false, reason: "invalid" });
      expect((await audit("auth.sign-in", staff.id)).length).toBe(signIns);

      const code = appCode(secret, now);
      expect((await signIn(code)).ok).toBe(true);
      expect(await signIn(code)).toEqual({ ok: false, reason: "two-factor-reused" });
      // The app's next code (30 seconds later) works.
      const next = new Date(now.getTime() + STEP);
      expect((await signIn(appCode(secret, next), PASSWORD, next)).ok).toBe(true);
      expect((await audit("auth.sign-in", staff.id)).length).toBe(signIns + 2);
      const failures = await audit("auth.two-factor.failed", staff.id);
      expect(failures.map((row) => (row.details as { reason: string }).reason)).toEqual(
        expect.arrayContaining(["invalid", "reused"]),
      );
    });

    it("takes a recovery code once; the second use gets its own message", async () => {
      const staff = viewers.staff;
      const meta = { ip: "198.51.100.12", userAgent: null };
      // Enrol again from scratch so the test knows the codes: turn off with the app code first.
      const row = await prisma.twoFactor.findUniqueOrThrow({ where: { userId: staff.id } });
      const { openSecret } = await import("@/server/auth/two-factor/secret-box");
      const offAt = later();
      const off = await tf.disableTwoFactor(
        prisma,
        { id: staff.id, role: staff.role },
        appCode(openSecret(row.secretEncrypted)!, offAt),
        meta,
        offAt,
      );
      expect(off.ok).toBe(true);
      expect(await audit("auth.two-factor.disabled", staff.id)).toHaveLength(1);
      expect(await prisma.recoveryCode.count({ where: { userId: staff.id } })).toBe(0);

      const { recoveryCodes } = await enrol(staff, meta.ip);
      const [first, second] = recoveryCodes as [string, string];
      const now = later();
      // Typed in capitals without the hyphen, as someone copying from paper might.
      const typed = first.toUpperCase().replace("-", "");
      expect(
        (await verifyCredentials(prisma, { email: staff.email, password: PASSWORD, code: typed }, meta, now))
          .ok,
      ).toBe(true);
      expect(
        await verifyCredentials(prisma, { email: staff.email, password: PASSWORD, code: first }, meta, now),
      ).toEqual({ ok: false, reason: "two-factor-recovery-used" });
      const used = await audit("auth.two-factor.recovery-code-used", staff.id);
      expect(used).toHaveLength(1);
      expect(used[0]!.details).toMatchObject({ purpose: "sign-in", left: 9 });
      expect(
        (await verifyCredentials(prisma, { email: staff.email, password: PASSWORD, code: second }, meta, now))
          .ok,
      ).toBe(true);
      expect(await prisma.recoveryCode.count({ where: { userId: staff.id, usedAt: null } })).toBe(8);

      // What the sign-in form says (the command turns Auth.js's error code into this).
      const error = commands.signInError("two-factor-recovery-used");
      expect(sayProblem(error?.message ?? "")).toBe("That recovery code has already been used.");
      expect(sayProblem(error?.fieldErrors?.code?.[0] ?? "")).toMatch(/works once/);
      expect(commands.signInError("credentials")).toBeNull();
    });

    it("throttles wrong codes per (person, address) apart from passwords, and never locks out the person elsewhere", async () => {
      const staff = viewers.staff;
      const attacker = { ip: "192.0.2.77", userAgent: "attack" };
      const row = await prisma.twoFactor.findUniqueOrThrow({ where: { userId: staff.id } });
      const { openSecret } = await import("@/server/auth/two-factor/secret-box");
      const secret = openSecret(row.secretEncrypted)!;
      const now = later(20);
      const wrong = appCode(secret, now) === "111111" ? "222222" : "111111";
      for (let i = 0; i < ADDRESS_RULE.blockAt; i += 1) {
        expect(
          await verifyCredentials(
            prisma,
            { email: staff.email, password: PASSWORD, code: wrong },
            attacker,
            now,
          ),
        ).toEqual({ ok: false, reason: "two-factor-invalid" });
      }
      // Even the right code is refused from that address now.
      expect(
        await verifyCredentials(
          prisma,
          { email: staff.email, password: PASSWORD, code: appCode(secret, now) },
          attacker,
          now,
        ),
      ).toEqual({ ok: false, reason: "two-factor-throttled" });
      expect(await audit("auth.two-factor.throttled", staff.id)).toHaveLength(1);
      // The password's own counter for the pair is untouched (each right password gave its attempt back).
      const passwordPair = await prisma.signInThrottle.findUnique({
        where: { email_ip: { email: `password:${staff.email}`, ip: attacker.ip } },
      });
      expect(passwordPair?.failures ?? 0).toBe(0);
      // The person, elsewhere, signs in.
      expect(
        (
          await verifyCredentials(
            prisma,
            { email: staff.email, password: PASSWORD, code: appCode(secret, now) },
            { ip: "198.51.100.13", userAgent: null },
            now,
          )
        ).ok,
      ).toBe(true);
    });

    it("lets an administrator reset it (compare-and-set, audited); nobody else", async () => {
      const { admin, staff, officer } = viewers;
      const meta = { ip: "198.51.100.14", userAgent: null };
      const user = await prisma.user.findUniqueOrThrow({
        where: { id: staff.id },
        select: { version: true },
      });
      const input = { userId: String(staff.id), version: String(user.version) };

      const denied = await executeCommand(commands.reset, input, { viewer: officer, meta });
      expect(denied.status).toBe("error");
      expect(await tf.isEnrolled(prisma, staff.id)).toBe(true);

      const stale = await executeCommand(
        commands.reset,
        { ...input, version: String(user.version + 5) },
        { viewer: admin, meta },
      );
      expect(stale.message).toMatch(/Someone else changed this/);
      expect(await tf.isEnrolled(prisma, staff.id)).toBe(true);

      const done = await executeCommand(commands.reset, input, { viewer: admin, meta });
      expect(done).toMatchObject({ status: "success" });
      expect(await tf.isEnrolled(prisma, staff.id)).toBe(false);
      expect(await prisma.recoveryCode.count({ where: { userId: staff.id } })).toBe(0);
      const rows = await audit("auth.two-factor.reset", staff.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.actorId).toBe(admin.id);
      expect((await verifyCredentials(prisma, { email: staff.email, password: PASSWORD }, meta)).ok).toBe(
        true,
      );

      const again = await executeCommand(
        commands.reset,
        { ...input, version: String(user.version + 1) },
        { viewer: admin, meta },
      );
      expect(again.message).toMatch(/does not use two-factor/);
    });

    it("turning it off needs a right code; a wrong one changes nothing", async () => {
      const { officer } = viewers;
      const meta = { ip: "198.51.100.15", userAgent: null };
      const { secret } = await enrol(officer, meta.ip);
      const refreshed = (await loadViewers(prisma, { officer: demoAccounts.officer })).officer;
      const wrong = await executeCommand(commands.disable, { code: "000000" }, { viewer: refreshed, meta });
      expect(wrong.status).toBe("error");
      expect(await tf.isEnrolled(prisma, officer.id)).toBe(true);
      const now = later();
      const off = await tf.disableTwoFactor(
        prisma,
        { id: officer.id, role: officer.role },
        appCode(secret, now),
        meta,
        now,
      );
      expect(off.ok).toBe(true);
      expect(await tf.isEnrolled(prisma, officer.id)).toBe(false);
    });

    it("with REQUIRE_TWO_FACTOR=true the page guard sends an administrator or officer without it to set it up", async () => {
      const { guardPage } = await import("@/server/policy/page-guard");
      const meta = async () => ({ ip: "198.51.100.17", userAgent: null });
      const fresh = await loadViewers(prisma, {
        admin: demoAccounts.admin,
        officer: demoAccounts.officer,
        staff: demoAccounts.staffNor18,
      });
      const page = (viewer: Viewer, action: "workspace.my-work" | "account.two-factor") =>
        guardPage(viewer, action, null, "/my-work", meta);
      // redirect() throws an error whose digest carries the target.
      const toSetUp = { digest: expect.stringMatching(/^NEXT_REDIRECT;[a-z]+;\/account\/two-factor;/) };
      // Off (the default): every page as before.
      await expect(page(fresh.officer, "workspace.my-work")).resolves.toBe(fresh.officer);
      process.env.REQUIRE_TWO_FACTOR = "true";
      try {
        for (const viewer of [fresh.admin, fresh.officer]) {
          expect(viewer.twoFactorEnrolled).toBe(false);
          await expect(page(viewer, "workspace.my-work")).rejects.toMatchObject(toSetUp);
          // The set-up page itself stays open, or nobody could ever comply.
          await expect(page(viewer, "account.two-factor")).resolves.toBe(viewer);
        }
        await expect(page(fresh.staff, "workspace.my-work")).resolves.toBe(fresh.staff);
      } finally {
        delete process.env.REQUIRE_TWO_FACTOR;
      }
    });

    it("with REQUIRE_TWO_FACTOR=true an officer without it may only set it up; others are unaffected", async () => {
      const { authorize, AccessDenied } = await import("@/server/policy/authorize");
      process.env.REQUIRE_TWO_FACTOR = "true";
      try {
        const fresh = await loadViewers(prisma, {
          officer: demoAccounts.officer,
          staff: demoAccounts.staffNor18,
        });
        expect(fresh.officer.twoFactorEnrolled).toBe(false);
        await expect(authorize(fresh.officer, "designation.propose")).rejects.toEqual(
          new AccessDenied("two-factor-required"),
        );
        await expect(authorize(fresh.officer, "account.two-factor")).resolves.toBeDefined();
        await expect(authorize(fresh.staff, "calendar.manage")).resolves.toBeDefined();
        expect(
          await prisma.auditEvent.count({
            where: {
              actorId: fresh.officer.id,
              action: "authz.denied",
              details: { path: ["reason"], equals: "two-factor-required" },
            },
          }),
        ).toBe(1);

        await enrol(fresh.officer, "198.51.100.16");
        const enrolled = (await loadViewers(prisma, { officer: demoAccounts.officer })).officer;
        expect(enrolled.twoFactorEnrolled).toBe(true);
        await expect(authorize(enrolled, "designation.propose")).resolves.toBeDefined();
      } finally {
        delete process.env.REQUIRE_TWO_FACTOR;
      }
    });
  });
}
