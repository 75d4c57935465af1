import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { RESET_REQUESTS_PER_EMAIL, RESET_REQUESTS_PER_IP } from "@/domain/auth-tokens";
import { ACCOUNT_MAX_BLOCK_MS, ACCOUNT_RULE, ADDRESS_RULE, ALL_ADDRESSES } from "@/domain/sign-in-throttle";
import type { PrismaClient } from "@/generated/prisma/client";

import { testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, seededDemoDatabase } from "../support/viewers";
import { DEMO_PASSWORD } from "@/server/seed/demo-accounts";

// Sign-in, throttling (docs/security.md scenario 9), invitation and reset links,
// against a real database.

for (const kind of testDatabaseKinds()) {
  describe(`sign-in and links (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let verifyCredentials: typeof import("@/server/auth/credentials").verifyCredentials;
    let executeCommand: typeof import("@/server/commands/execute-command").executeCommand;
    let setPassword: typeof import("@/server/commands/set-password").setPasswordCommand;
    let requestReset: typeof import("@/server/commands/request-password-reset").requestPasswordResetCommand;
    let invite: typeof import("@/server/commands/invite-user").inviteUserCommand;
    let loadViewer: typeof import("@/server/auth/load-viewer").loadViewer;
    let hashPassword: typeof import("@/server/auth/password").hashPassword;

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      verifyCredentials = (await import("@/server/auth/credentials")).verifyCredentials;
      executeCommand = (await import("@/server/commands/execute-command")).executeCommand;
      setPassword = (await import("@/server/commands/set-password")).setPasswordCommand;
      requestReset = (await import("@/server/commands/request-password-reset")).requestPasswordResetCommand;
      invite = (await import("@/server/commands/invite-user")).inviteUserCommand;
      loadViewer = (await import("@/server/auth/load-viewer")).loadViewer;
      hashPassword = (await import("@/server/auth/password")).hashPassword;
    });

    // Password guesses are stored under the key kind "password" (src/server/auth/throttle.ts).
    const throttleRow = (email: string, ip: string) =>
      prisma.signInThrottle.findUniqueOrThrow({ where: { email_ip: { email: `password:${email}`, ip } } });

    afterAll(() => closeTestDatabase(prisma, database));

    it("every demo account signs in with the README's password", async () => {
      const { demoAccounts } = await import("@/server/seed/demo-accounts");
      for (const account of demoAccounts) {
        const result = await verifyCredentials(
          prisma,
          { email: account.email, password: DEMO_PASSWORD },
          { ip: "198.51.100.1", userAgent: null },
        );
        expect(result.ok, account.email).toBe(true);
      }
    });

    it("takes the e-mail in any case but the password exactly as typed (never trimmed)", async () => {
      const meta = { ip: "198.51.100.2", userAgent: null };
      expect(
        (
          await verifyCredentials(
            prisma,
            { email: " Admin@Registry.Example ", password: DEMO_PASSWORD },
            meta,
          )
        ).ok,
      ).toBe(true);
      expect(
        (
          await verifyCredentials(
            prisma,
            { email: "admin@registry.example", password: ` ${DEMO_PASSWORD}` },
            meta,
          )
        ).ok,
      ).toBe(false);
      expect(
        (
          await verifyCredentials(
            prisma,
            { email: "admin@registry.example", password: DEMO_PASSWORD.slice(0, -1) },
            meta,
          )
        ).ok,
      ).toBe(false);
    });

    it("throttles one account from one address after 10 failures; the account still works from another address (scenario 9)", async () => {
      const MAX_FAILURES = ADDRESS_RULE.blockAt;
      const email = "officer@who.example";
      const attacker = { ip: "192.0.2.66", userAgent: "attack" };
      for (let i = 0; i < MAX_FAILURES; i += 1) {
        expect(await verifyCredentials(prisma, { email, password: `wrong-${i}` }, attacker)).toEqual({
          ok: false,
          reason: "invalid",
        });
      }
      // The 11th attempt, even with the right password, is throttled for this pair.
      expect(await verifyCredentials(prisma, { email, password: DEMO_PASSWORD }, attacker)).toEqual({
        ok: false,
        reason: "throttled",
        scope: "address",
        retryAfterSeconds: expect.any(Number),
      });
      // The real person elsewhere is not locked out.
      expect(
        (
          await verifyCredentials(
            prisma,
            { email, password: DEMO_PASSWORD },
            { ip: "198.51.100.9", userAgent: null },
          )
        ).ok,
      ).toBe(true);
      // Another account from the attacker's address is not throttled either.
      expect(
        (
          await verifyCredentials(
            prisma,
            { email: "focal.euro@who.example", password: DEMO_PASSWORD },
            attacker,
          )
        ).ok,
      ).toBe(true);
      const row = await throttleRow(email, attacker.ip);
      expect(row.failures).toBe(MAX_FAILURES);
      expect(row.blockedUntil!.getTime()).toBeGreaterThan(Date.now());
      const audited = await prisma.auditEvent.groupBy({
        by: ["action"],
        where: { ip: attacker.ip, details: { path: ["email"], equals: email } },
        _count: true,
      });
      expect(Object.fromEntries(audited.map((row) => [row.action, row._count]))).toEqual({
        "auth.sign-in.failed": MAX_FAILURES,
        "auth.sign-in.throttled": 1,
      });
    });

    it("counts parallel failures from several instances atomically", async () => {
      const email = "unit.head@who.example";
      const meta = { ip: "192.0.2.77", userAgent: null };
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          verifyCredentials(prisma, { email, password: `nope-${i}` }, meta),
        ),
      );
      expect((await throttleRow(email, meta.ip)).failures).toBe(6);
      expect((await throttleRow(email, ALL_ADDRESSES)).failures).toBe(6);
    });

    it("a burst of parallel guesses from one address meets the same limit: each is counted before its password is checked", async () => {
      const email = "burst@nowhere.example";
      const meta = { ip: "192.0.2.78", userAgent: null };
      const answers = await Promise.all(
        Array.from({ length: ADDRESS_RULE.blockAt + 10 }, (_, i) =>
          verifyCredentials(prisma, { email, password: `burst-${i}` }, meta),
        ),
      );
      const reasons = answers.map((answer) => (answer.ok ? "ok" : answer.reason));
      expect(reasons.filter((reason) => reason === "invalid")).toHaveLength(ADDRESS_RULE.blockAt);
      expect(reasons.filter((reason) => reason === "throttled")).toHaveLength(10);
      expect((await throttleRow(email, meta.ip)).failures).toBe(ADDRESS_RULE.blockAt);
    });

    it("a right password gives its counted attempt back: the account's count is only the wrong ones", async () => {
      const email = "focal.afro@who.example";
      const meta = { ip: "192.0.2.79", userAgent: null };
      await verifyCredentials(prisma, { email, password: "wrong-once" }, meta);
      expect((await verifyCredentials(prisma, { email, password: DEMO_PASSWORD }, meta)).ok).toBe(true);
      expect((await throttleRow(email, ALL_ADDRESSES)).failures).toBe(1);
      expect((await throttleRow(email, meta.ip)).failures).toBe(0);
    });

    const person = async (email: string, password = DEMO_PASSWORD) =>
      prisma.user.create({
        data: { email, name: email, passwordHash: await hashPassword(password) },
        select: { id: true, email: true, sessionVersion: true },
      });
    const from = (n: number) => ({ ip: `203.0.113.${n}`, userAgent: null });

    it("slows one account down across all addresses, for a known and an unknown e-mail alike; never at the person's own address; open again 15 minutes after the last failure", async () => {
      const known = await person("many.addresses@example.org");
      const unknown = "no.account.here@example.org";
      const now = new Date();
      // The person signed in from home last week.
      const home = { ip: "198.51.100.201", userAgent: null };
      const lastWeek = new Date(now.getTime() - 7 * 24 * 3_600_000);
      expect(
        (await verifyCredentials(prisma, { email: known.email, password: DEMO_PASSWORD }, home, lastWeek)).ok,
      ).toBe(true);
      // An attacker with one address per guess: the pair limit never bites.
      for (const email of [known.email, unknown]) {
        for (let i = 1; i <= ACCOUNT_RULE.blockAt; i += 1) {
          const result = await verifyCredentials(prisma, { email, password: `guess-${i}` }, from(i), now);
          expect(result, `${email} guess ${i}`).toEqual({ ok: false, reason: "invalid" });
        }
      }
      // The next address, even with the right password, is refused, for both alike.
      const fresh = from(ACCOUNT_RULE.blockAt + 1);
      const answers = await Promise.all(
        [known.email, unknown].map((email) =>
          verifyCredentials(prisma, { email, password: DEMO_PASSWORD }, fresh, now),
        ),
      );
      expect(answers[0]).toEqual({ ok: false, reason: "throttled", scope: "account", retryAfterSeconds: 60 });
      expect(answers[1]).toEqual(answers[0]);
      // The person at home is not locked out.
      expect(
        (await verifyCredentials(prisma, { email: known.email, password: DEMO_PASSWORD }, home, now)).ok,
      ).toBe(true);
      // The next failure doubles the wait; the block never outlasts 15 minutes after the last failure.
      let last = now;
      for (let i = 0; i < 6; i += 1) {
        last = new Date(last.getTime() + ACCOUNT_MAX_BLOCK_MS);
        expect(
          await verifyCredentials(prisma, { email: known.email, password: "again" }, fresh, last),
        ).toEqual({
          ok: false,
          reason: "invalid",
        });
      }
      expect(
        await verifyCredentials(
          prisma,
          { email: known.email, password: DEMO_PASSWORD },
          from(99),
          new Date(last.getTime() + 1000),
        ),
      ).toEqual({
        ok: false,
        reason: "throttled",
        scope: "account",
        retryAfterSeconds: ACCOUNT_MAX_BLOCK_MS / 1000 - 1,
      });
      expect(
        (
          await verifyCredentials(
            prisma,
            { email: known.email, password: DEMO_PASSWORD },
            from(99),
            new Date(last.getTime() + ACCOUNT_MAX_BLOCK_MS),
          )
        ).ok,
      ).toBe(true);
      const account = await throttleRow(known.email, ALL_ADDRESSES);
      expect(account.failures).toBe(ACCOUNT_RULE.blockAt + 6);
      const throttled = await prisma.auditEvent.findMany({
        where: { action: "auth.sign-in.throttled", details: { path: ["scope"], equals: "account" } },
        select: { details: true },
      });
      expect(throttled.map((row) => (row.details as { email: string }).email).sort()).toEqual(
        [known.email, known.email, unknown].sort(),
      );
    });

    it("a reset link used at a new address lets the person in there while the account is under attack", async () => {
      const victim = await person("reset.me@example.org");
      for (let i = 1; i <= ACCOUNT_RULE.blockAt; i += 1)
        await verifyCredentials(prisma, { email: victim.email, password: `guess-${i}` }, from(100 + i));
      const cafe = { ip: "198.51.100.202", userAgent: null };
      expect(
        await verifyCredentials(prisma, { email: victim.email, password: DEMO_PASSWORD }, cafe),
      ).toMatchObject({
        reason: "throttled",
        scope: "account",
      });
      await executeCommand(requestReset, { email: victim.email }, { viewer: null, meta: cafe });
      const mail = await prisma.outboxMessage.findFirstOrThrow({
        where: { toEmail: victim.email, kind: "password-reset" },
      });
      const token = /\/set-password\/([\w-]+)/.exec(mail.textBody)![1]!;
      const password = "a new passphrase for the cafe";
      await expect(
        executeCommand(setPassword, { token, password, confirm: password }, { viewer: null, meta: cafe }),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      expect((await verifyCredentials(prisma, { email: victim.email, password }, cafe)).ok).toBe(true);
      // Elsewhere the account is still slowed down: the reset gave the attacker no fresh guesses.
      expect(await verifyCredentials(prisma, { email: victim.email, password }, from(150))).toMatchObject({
        reason: "throttled",
        scope: "account",
      });
    });

    it("counts wrong current passwords on the change-password form under the same rule, shared with sign-in", async () => {
      const { changePasswordCommand } = await import("@/server/commands/change-password");
      const user = await prisma.user.findUniqueOrThrow({ where: { email: "focal.afro@who.example" } });
      const claims = { uid: user.id, sv: user.sessionVersion, sat: Math.floor(Date.now() / 1000) };
      const viewer = await loadViewer(prisma, claims);
      const meta = { ip: "192.0.2.150", userAgent: null };
      const change = (current: string) =>
        executeCommand(
          changePasswordCommand,
          { current, password: "a stolen session's choice", confirm: "a stolen session's choice" },
          { viewer, meta },
        );
      for (let i = 1; i <= ADDRESS_RULE.blockAt; i += 1) {
        expect(await change(`guess ${i}`)).toMatchObject({
          status: "error",
          fieldErrors: { current: [expect.any(String)] },
        });
      }
      // The 11th guess, even the right one, is refused and changes nothing.
      const refused = await change(DEMO_PASSWORD);
      expect(refused).toMatchObject({
        status: "error",
        message: expect.stringMatching(
          /^Too many failed attempts for this account from your network\. Try again in 15 minutes/,
        ),
      });
      expect(await loadViewer(prisma, claims)).not.toBeNull();
      const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(after.passwordHash).toBe(user.passwordHash);
      // Sign-in from the same address is throttled too: one budget for guessing one password.
      expect(
        await verifyCredentials(prisma, { email: user.email, password: DEMO_PASSWORD }, meta),
      ).toMatchObject({
        reason: "throttled",
        scope: "address",
      });
      const audited = await prisma.auditEvent.groupBy({
        by: ["action"],
        where: { ip: meta.ip },
        _count: true,
      });
      expect(Object.fromEntries(audited.map((row) => [row.action, row._count]))).toEqual({
        "auth.password.change-failed": ADDRESS_RULE.blockAt,
        "auth.password.change-throttled": 1,
        "auth.sign-in.throttled": 1,
      });
      const account = await throttleRow(user.email, ALL_ADDRESSES);
      expect(account.failures).toBeGreaterThanOrEqual(ADDRESS_RULE.blockAt);
    });

    it("answers an unknown e-mail and a wrong password identically, in similar time", async () => {
      const meta = { ip: "198.51.100.50", userAgent: null };
      const time = async (email: string) => {
        const started = performance.now();
        const result = await verifyCredentials(prisma, { email, password: "not-the-password" }, meta);
        return { result, ms: performance.now() - started };
      };
      await time("nobody@example.org"); // warms the dummy hash
      const unknown = [];
      const wrong = [];
      // Five of each, alternating, and medians: one burst of load on a busy machine moves neither.
      for (let i = 0; i < 5; i += 1) {
        unknown.push(await time(`nobody${i}@example.org`));
        wrong.push(await time("staff.soa13@centre.example"));
      }
      expect(new Set([...unknown, ...wrong].map((entry) => JSON.stringify(entry.result)))).toEqual(
        new Set([JSON.stringify({ ok: false, reason: "invalid" })]),
      );
      const median = (list: { ms: number }[]) => list.map((entry) => entry.ms).sort((a, b) => a - b)[2]!;
      const ratio = median(unknown) / median(wrong);
      // Both pay one argon2id verification (tens of ms); without the dummy hash an unknown
      // address would take ~1 ms, a ratio of 1:30 or more. The bounds only need to tell those apart.
      expect(median(unknown)).toBeGreaterThan(10);
      expect(ratio).toBeGreaterThan(1 / 3);
      expect(ratio).toBeLessThan(3);
    });

    it("audits success and failure without the password", async () => {
      const secret = "a-very-secret-wrong-password";
      await verifyCredentials(
        prisma,
        { email: "focal.afro@who.example", password: secret },
        { ip: "198.51.100.60", userAgent: "ua" },
      );
      const rows = await prisma.auditEvent.findMany({ where: { ip: "198.51.100.60" } });
      expect(rows.map((row) => row.action)).toEqual(["auth.sign-in.failed"]);
      expect(
        JSON.stringify(rows, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value)),
      ).not.toContain(secret);
      expect(rows[0]).toMatchObject({ userAgent: "ua", entityType: "User" });
    });

    it("an invitation link sets a password once; the second use and an expired link are refused", async () => {
      const admin = await prisma.user.findUniqueOrThrow({
        where: { email: "admin@registry.example" },
        include: { roles: true },
      });
      const viewer = await loadViewer(prisma, {
        uid: admin.id,
        sv: admin.sessionVersion,
        sat: Math.floor(Date.now() / 1000),
      });
      const meta = { ip: "198.51.100.70", userAgent: null };
      await expect(
        executeCommand(
          invite,
          { email: "New.Focal@Example.org", name: "New Focal", role: "FOCAL_POINT", region: "EMRO" },
          { viewer, meta },
        ),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      const mail = await prisma.outboxMessage.findFirstOrThrow({
        where: { toEmail: "new.focal@example.org", kind: "invitation" },
      });
      const token = /\/set-password\/([\w-]+)/.exec(mail.textBody)?.[1];
      expect(token).toBeDefined();
      // Only a hash of the token is stored.
      expect(await prisma.authToken.count({ where: { tokenHash: token! } })).toBe(0);

      const weak = await executeCommand(
        setPassword,
        { token: token!, password: "password123", confirm: "password123" },
        { viewer: null, meta },
      );
      expect(weak).toMatchObject({
        status: "error",
        fieldErrors: { password: [expect.stringMatching(/too common/)] },
      });
      expect(JSON.stringify(weak)).not.toContain("password123");
      const mismatch = await executeCommand(
        setPassword,
        { token: token!, password: "correct horse battery", confirm: "correct horse" },
        { viewer: null, meta },
      );
      expect(mismatch.fieldErrors?.confirm).toBeDefined();

      const password = "  correct horse battery staple  ";
      await expect(
        executeCommand(setPassword, { token: token!, password, confirm: password }, { viewer: null, meta }),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      expect((await verifyCredentials(prisma, { email: "new.focal@example.org", password }, meta)).ok).toBe(
        true,
      );
      expect(
        (await verifyCredentials(prisma, { email: "new.focal@example.org", password: password.trim() }, meta))
          .ok,
      ).toBe(false);

      const again = await executeCommand(
        setPassword,
        { token: token!, password: "another long password", confirm: "another long password" },
        { viewer: null, meta },
      );
      expect(again).toMatchObject({
        status: "error",
        message: expect.stringMatching(/expired or has been used/),
      });

      // A reset link past its expiry.
      const user = await prisma.user.findUniqueOrThrow({ where: { email: "new.focal@example.org" } });
      const { hashToken } = await import("@/server/auth/tokens");
      await prisma.authToken.create({
        data: {
          userId: user.id,
          purpose: "PASSWORD_RESET",
          tokenHash: hashToken("expired-token-expired-token-123"),
          expiresAt: new Date(Date.now() - 1000),
        },
      });
      const expired = await executeCommand(
        setPassword,
        {
          token: "expired-token-expired-token-123",
          password: "yet another password",
          confirm: "yet another password",
        },
        { viewer: null, meta },
      );
      expect(expired.message).toMatch(/expired or has been used/);
      const actions = (
        await prisma.auditEvent.findMany({
          where: { entityType: "User", entityId: String(user.id) },
          select: { action: true },
        })
      ).map((row) => row.action);
      expect(actions).toEqual(expect.arrayContaining(["user.invited", "auth.invitation.accepted"]));
    });

    it("a signed-in person changes their password with the current one; every session ends; both outcomes audited", async () => {
      const { changePasswordCommand } = await import("@/server/commands/change-password");
      const user = await prisma.user.findUniqueOrThrow({ where: { email: "unit.head@who.example" } });
      const claims = { uid: user.id, sv: user.sessionVersion, sat: Math.floor(Date.now() / 1000) };
      const viewer = await loadViewer(prisma, claims);
      const meta = { ip: "198.51.100.90", userAgent: null };
      const wrong = await executeCommand(
        changePasswordCommand,
        { current: "not it", password: "a fresh long passphrase", confirm: "a fresh long passphrase" },
        { viewer, meta },
      );
      expect(wrong).toMatchObject({
        status: "error",
        fieldErrors: { current: [expect.any(String)] },
        values: {},
      });
      await expect(
        executeCommand(
          changePasswordCommand,
          { current: DEMO_PASSWORD, password: "a fresh long passphrase", confirm: "a fresh long passphrase" },
          { viewer, meta },
        ),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      expect(await loadViewer(prisma, claims)).toBeNull();
      expect(
        (await verifyCredentials(prisma, { email: user.email, password: "a fresh long passphrase" }, meta))
          .ok,
      ).toBe(true);
      const actions = (
        await prisma.auditEvent.findMany({
          where: { ip: meta.ip },
          orderBy: { id: "asc" },
          select: { action: true },
        })
      ).map((row) => row.action);
      expect(actions).toEqual(["auth.password.change-failed", "auth.password.changed", "auth.sign-in"]);
    });

    it("a reset request answers the same for known and unknown addresses and mails only the known one", async () => {
      const meta = { ip: "198.51.100.80", userAgent: null };
      const before = await prisma.outboxMessage.count({ where: { kind: "password-reset" } });
      const known = await executeCommand(
        requestReset,
        { email: "staff.nor18@centre.example" },
        { viewer: null, meta },
      );
      const unknown = await executeCommand(
        requestReset,
        { email: "ghost@example.org" },
        { viewer: null, meta },
      );
      expect(known).toEqual(unknown);
      expect(await prisma.outboxMessage.count({ where: { kind: "password-reset" } })).toBe(before + 1);
      const bad = await executeCommand(requestReset, { email: "not an address" }, { viewer: null, meta });
      expect(bad).toMatchObject({
        status: "error",
        values: { email: "not an address" },
        fieldErrors: { email: [expect.any(String)] },
      });
      // The reset sets a new password and ends existing sessions.
      const user = await prisma.user.findUniqueOrThrow({ where: { email: "staff.nor18@centre.example" } });
      const claims = { uid: user.id, sv: user.sessionVersion, sat: Math.floor(Date.now() / 1000) };
      expect(await loadViewer(prisma, claims)).not.toBeNull();
      const mail = await prisma.outboxMessage.findFirstOrThrow({
        where: { toEmail: user.email, kind: "password-reset" },
      });
      const token = /\/set-password\/([\w-]+)/.exec(mail.textBody)![1]!;
      await expect(
        executeCommand(
          setPassword,
          { token, password: "a brand new passphrase", confirm: "a brand new passphrase" },
          { viewer: null, meta },
        ),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      expect(await loadViewer(prisma, claims)).toBeNull();
      expect(hashPassword).toBeTypeOf("function");
    });

    it("reset requests are limited per typed address (a specific answer, the same with or without an account) and per client (a clear wait message)", async () => {
      const email = "staff.soa13@centre.example";
      const ghost = "ghost.reset@example.org";
      const mails = () => prisma.outboxMessage.count({ where: { kind: "password-reset", toEmail: email } });
      const before = await mails();
      const answers: Record<string, Awaited<ReturnType<typeof executeCommand>>[]> = {
        [email]: [],
        [ghost]: [],
      };
      for (let i = 0; i < RESET_REQUESTS_PER_EMAIL + 2; i++) {
        for (const address of [email, ghost]) {
          answers[address]!.push(
            await executeCommand(
              requestReset,
              { email: address },
              { viewer: null, meta: { ip: `203.0.113.${i + 1}`, userAgent: null } },
            ),
          );
        }
      }
      // Account or not, the answers are the same, request by request (what was typed aside).
      const shown = (address: string) =>
        answers[address]!.map((answer) => ({ ...answer, values: undefined }));
      expect(shown(ghost)).toEqual(shown(email));
      const distinct = answers[email]!.map((answer) => JSON.stringify(answer));
      expect(new Set(distinct.slice(0, RESET_REQUESTS_PER_EMAIL)).size).toBe(1);
      expect(answers[email]![0]).toMatchObject({ status: "success" });
      for (const answer of answers[email]!.slice(RESET_REQUESTS_PER_EMAIL)) {
        expect(answer).toMatchObject({
          status: "error",
          message: expect.stringMatching(
            new RegExp(
              `^If an account exists for that address, we have already sent it ${RESET_REQUESTS_PER_EMAIL} links in the last hour\\. Use the latest one, or ask again in \\d+ minutes?\\.$`,
            ),
          ),
        });
      }
      expect(await mails()).toBe(before + RESET_REQUESTS_PER_EMAIL);
      const throttled = await prisma.auditEvent.count({
        where: { action: "auth.password-reset.throttled", details: { path: ["scope"], equals: "address" } },
      });
      // Two refusals for each of the two addresses, but one audit row per address and window:
      // a flood of refused requests does not grow the audit table.
      expect(throttled).toBe(2);

      const meta = { ip: "203.0.113.200", userAgent: null };
      for (let i = 0; i < RESET_REQUESTS_PER_IP; i++) {
        const answer = await executeCommand(
          requestReset,
          { email: `nobody${i}@example.org` },
          { viewer: null, meta },
        );
        expect(answer.status).toBe("success");
      }
      const refused = await executeCommand(
        requestReset,
        { email: "nobody@example.org" },
        { viewer: null, meta },
      );
      expect(refused).toMatchObject({
        status: "error",
        message: expect.stringMatching(/Too many password-reset requests .* Try again in \d+ minutes?\./),
        values: { email: "nobody@example.org" },
      });
      for (let i = 0; i < 5; i++) {
        const again = await executeCommand(
          requestReset,
          { email: `again${i}@example.org` },
          { viewer: null, meta },
        );
        expect(again.status).toBe("error");
      }
      // Six refusals from the client address, one audit row for its window.
      expect(
        await prisma.auditEvent.count({
          where: { action: "auth.password-reset.throttled", details: { path: ["scope"], equals: "client" } },
        }),
      ).toBe(1);
    });

    it("POST /api/auth/signout (Auth.js's own endpoint, with its CSRF token as a browser sends it) ends every session: a copied cookie no longer counts", async () => {
      process.env.AUTH_SECRET ??= "integration-test-secret-of-at-least-32-characters";
      const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
      const { NextRequest } = await import("next/server");
      const { encode } = await import("next-auth/jwt");
      const { SESSION_COOKIE_HTTP } = await import("@/server/auth/config");
      const user = await prisma.user.findUniqueOrThrow({ where: { email: "focal.euro@who.example" } });
      const claims = { uid: user.id, sv: user.sessionVersion, sat: Math.floor(Date.now() / 1000) };
      const cookie = await encode({
        token: { sub: String(user.id), ...claims },
        secret: process.env.AUTH_SECRET,
        salt: SESSION_COOKIE_HTTP,
      });
      const origin = "http://localhost:3000";
      const csrf = await GET(new NextRequest(`${origin}/api/auth/csrf`));
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const csrfCookie = csrf.headers
        .getSetCookie()
        .map((line) => line.split(";")[0])
        .join("; ");
      const signOut = (token: string | null) =>
        POST(
          new NextRequest(`${origin}/api/auth/signout`, {
            method: "POST",
            headers: {
              origin,
              cookie: `${csrfCookie}; ${SESSION_COOKIE_HTTP}=${cookie}`,
              "content-type": "application/x-www-form-urlencoded",
              "user-agent": "copied-cookie-test",
            },
            body: new URLSearchParams({ ...(token ? { csrfToken: token } : {}), callbackUrl: `${origin}/` }),
          }),
        );
      // Without the CSRF token Auth.js refuses before anything ends.
      await signOut(null);
      expect(await loadViewer(prisma, claims)).not.toBeNull();

      const answer = await signOut(csrfToken);
      expect(answer.status).toBe(302);
      expect(answer.headers.getSetCookie().join("\n")).toContain(`${SESSION_COOKIE_HTTP}=;`);
      // The cookie the browser just dropped, replayed from a copy: no longer a session.
      expect(await loadViewer(prisma, claims)).toBeNull();
      const audit = await prisma.auditEvent.findMany({
        where: { action: "auth.sign-out", entityId: String(user.id), userAgent: "copied-cookie-test" },
        select: { actorId: true, actorRole: true, details: true },
      });
      expect(audit).toEqual([{ actorId: user.id, actorRole: "FOCAL_POINT", details: { via: "auth.js" } }]);
      // The same request again (the cookie replayed) finds nothing left to end.
      await signOut(csrfToken);
      expect(
        await prisma.auditEvent.count({
          where: { action: "auth.sign-out", userAgent: "copied-cookie-test" },
        }),
      ).toBe(1);
    });

    it("a double click on the sign-out button ends the sessions once: one version step, one audit row", async () => {
      const { signOutCommand } = await import("@/server/commands/sign-out");
      const user = await prisma.user.findUniqueOrThrow({
        where: { email: "unit.head@who.example" },
        select: { id: true, sessionVersion: true },
      });
      const claims = { uid: user.id, sv: user.sessionVersion, sat: Math.floor(Date.now() / 1000) };
      const viewer = await loadViewer(prisma, claims);
      if (!viewer) throw new Error("no viewer");
      const meta = { ip: "198.51.100.77", userAgent: "double-click-test" };
      // Both clicks carry the same session; outside a request Auth.js's own signOut (the cookie)
      // then fails, which is not what this test is about: only the database's outcome counts.
      await Promise.allSettled([
        executeCommand(signOutCommand, {}, { viewer, meta }),
        executeCommand(signOutCommand, {}, { viewer, meta }),
      ]);
      const after = await prisma.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { sessionVersion: true },
      });
      expect(after.sessionVersion).toBe(user.sessionVersion + 1);
      expect(
        await prisma.auditEvent.count({ where: { action: "auth.sign-out", userAgent: "double-click-test" } }),
      ).toBe(1);
      expect(await loadViewer(prisma, claims)).toBeNull();
    });

    it("the prune-rate-limits job deletes the throttle and rate-limit rows that no longer count, and only those", async () => {
      const { findJob } = await import("@/server/jobs/job-list");
      const { takeFixedWindow } = await import("@/server/rate-limit/fixed-window");
      const job = findJob("prune-rate-limits");
      expect(job?.cron).toBeDefined();
      const now = new Date();
      const later = (ms: number) => new Date(now.getTime() + ms);
      // A flood of made-up e-mail and client addresses.
      for (let i = 0; i < 20; i += 1) {
        await verifyCredentials(
          prisma,
          { email: `flood${i}@example.org`, password: "x" },
          { ip: `198.18.0.${i}`, userAgent: null },
          now,
        );
        await takeFixedWindow(`api:198.18.1.${i}`, 100, 60);
      }
      const flood = {
        pairs: () =>
          prisma.signInThrottle.count({
            where: { email: { startsWith: "password:flood" }, ip: { not: ALL_ADDRESSES } },
          }),
        accounts: () =>
          prisma.signInThrottle.count({
            where: { email: { startsWith: "password:flood" }, ip: ALL_ADDRESSES },
          }),
        clients: () => prisma.apiRateLimit.count({ where: { key: { startsWith: "api:198.18.1." } } }),
      };
      const counts = async () => ({
        pairs: await flood.pairs(),
        accounts: await flood.accounts(),
        clients: await flood.clients(),
      });
      const known = { email: "password:many.addresses@example.org", ip: "198.51.100.201" };
      const knownRow = () => prisma.signInThrottle.count({ where: known });
      expect(await counts()).toEqual({ pairs: 20, accounts: 20, clients: 20 });
      // Nothing has expired yet.
      await job!.run(prisma, now);
      expect(await counts()).toEqual({ pairs: 20, accounts: 20, clients: 20 });
      // The pairs' 15-minute windows have passed; the accounts' day has not.
      await job!.run(prisma, later(ADDRESS_RULE.windowMs + 60_000));
      expect(await counts()).toEqual({ pairs: 0, accounts: 20, clients: 20 });
      // A day and more later only known addresses remain.
      await job!.run(prisma, later(26 * 3_600_000));
      expect(await counts()).toEqual({ pairs: 0, accounts: 0, clients: 0 });
      expect(await knownRow()).toBe(1);
      // Once 30 days have passed since the last sign-in everywhere, nothing is left.
      const result = await job!.run(prisma, later(31 * 24 * 3_600_000));
      expect(result.signInRows).toBeGreaterThan(0);
      expect(await prisma.signInThrottle.count()).toBe(0);
      expect(await prisma.apiRateLimit.count()).toBe(0);
    });
  });
}
