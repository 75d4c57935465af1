import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "@/generated/prisma/client";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase } from "../support/viewers";

// A registry started on PostgreSQL as the README's production steps say has
// no account: `npm run admin:create` makes the first administrator, who sets
// a password from the printed link, signs in and invites an officer.

for (const kind of testDatabaseKinds()) {
  describe(`the first administrator (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    const meta = { ip: "198.51.100.60", userAgent: null };

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      process.env.DATABASE_URL = database.url;
      const { createPrismaClient } = await import("@/server/db/create-client");
      prisma = createPrismaClient(database.url);
    });

    afterAll(() => closeTestDatabase(prisma, database));

    it("fresh database → command → link → password → signed in as administrator → invites an officer", async () => {
      const { createAdministrator } = await import("@/server/admin/create-administrator");
      const { executeCommand } = await import("@/server/commands/execute-command");
      const { setPasswordCommand } = await import("@/server/commands/set-password");
      const { inviteUserCommand } = await import("@/server/commands/invite-user");
      const { verifyCredentials } = await import("@/server/auth/credentials");
      const { loadViewer } = await import("@/server/auth/load-viewer");
      expect(await prisma.user.count()).toBe(0);

      const result = await createAdministrator(prisma, { email: " Ops@Example.org ", name: "Olu Operator" });
      if (!result.ok) throw new Error(result.message);
      expect(result).toMatchObject({ created: true, mailed: false });
      const token = /\/set-password\/([\w-]+)$/.exec(result.link)![1]!;

      const password = "a long operator passphrase";
      await expect(
        executeCommand(setPasswordCommand, { token, password, confirm: password }, { viewer: null, meta }),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      const signedIn = await verifyCredentials(prisma, { email: "ops@example.org", password }, meta);
      expect(signedIn.ok).toBe(true);

      const admin = await prisma.user.findUniqueOrThrow({ where: { email: "ops@example.org" } });
      const viewer = await loadViewer(prisma, {
        uid: admin.id,
        sv: admin.sessionVersion,
        sat: Math.floor(Date.now() / 1000),
      });
      expect(viewer?.roles.map((role) => role.role)).toEqual(["ADMIN"]);
      await expect(
        executeCommand(
          inviteUserCommand,
          { email: "first.officer@example.org", name: "First Officer", role: "OFFICER" },
          { viewer, meta },
        ),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      const officer = await prisma.user.findUniqueOrThrow({
        where: { email: "first.officer@example.org" },
        include: { roles: true },
      });
      expect(officer.roles.map((role) => role.role)).toEqual(["OFFICER"]);

      const audit = await prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { action: true } });
      expect(audit.map((row) => row.action)).toEqual(
        expect.arrayContaining(["user.administrator-created", "user.invited"]),
      );
    });

    it("refuses a second administrator unless forced, and never a disabled account", async () => {
      const { createAdministrator } = await import("@/server/admin/create-administrator");
      const refused = await createAdministrator(prisma, { email: "second@example.org" });
      expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("--force") });
      expect(await prisma.user.findUnique({ where: { email: "second@example.org" } })).toBeNull();

      const forced = await createAdministrator(prisma, { email: "first.officer@example.org", force: true });
      expect(forced).toMatchObject({ ok: true, created: false });
      const officer = await prisma.user.findUniqueOrThrow({
        where: { email: "first.officer@example.org" },
        include: { roles: true },
      });
      expect(officer.roles.map((role) => role.role).sort()).toEqual(["ADMIN", "OFFICER"]);

      await prisma.user.update({ where: { id: officer.id }, data: { disabledAt: new Date() } });
      expect(
        await createAdministrator(prisma, { email: "first.officer@example.org", force: true }),
      ).toMatchObject({ ok: false, message: expect.stringContaining("disabled") });
      expect(await createAdministrator(prisma, { email: "not an address" })).toMatchObject({ ok: false });
      const rows = await prisma.auditEvent.count({ where: { action: "user.administrator-created" } });
      expect(rows).toBe(2);
    });
  });
}
