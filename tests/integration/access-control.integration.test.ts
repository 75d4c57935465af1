import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Action, ResourceFacts } from "@/domain/permissions";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";

import { testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, demoAccounts, loadViewers, seededDemoDatabase } from "../support/viewers";

// Access control against a real database with the demo seed (PGlite, and
// PostgreSQL when TEST_DATABASE_URL is set): the policy, the queries and the
// command pipeline (executeCommand) exactly as the server actions run them,
// with viewers loaded from the database like getViewer() does.

const meta = { ip: "203.0.113.7", userAgent: "vitest" };

for (const kind of testDatabaseKinds()) {
  describe(`access control (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let server: {
      loadViewer: typeof import("@/server/auth/load-viewer").loadViewer;
      authorize: typeof import("@/server/policy/authorize").authorize;
      AccessDenied: typeof import("@/server/policy/authorize").AccessDenied;
      facts: typeof import("@/server/policy/resource-facts");
      myWork: typeof import("@/server/queries/my-work").myWork;
      inviteOptions: typeof import("@/server/queries/users").inviteOptions;
      listUsers: typeof import("@/server/queries/users").listUsers;
      executeCommand: typeof import("@/server/commands/execute-command").executeCommand;
      invite: typeof import("@/server/commands/invite-user").inviteUserCommand;
      access: typeof import("@/server/commands/user-access").setUserAccessCommand;
      addRole: typeof import("@/server/commands/change-roles").addRoleCommand;
    };
    const viewers: Record<string, Viewer> = {};

    async function denial(promise: Promise<unknown>): Promise<string> {
      try {
        await promise;
        return "allowed";
      } catch (error) {
        if (error instanceof server.AccessDenied) return error.outcome;
        throw error;
      }
    }

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      const policy = await import("@/server/policy/authorize");
      server = {
        loadViewer: (await import("@/server/auth/load-viewer")).loadViewer,
        authorize: policy.authorize,
        AccessDenied: policy.AccessDenied,
        facts: await import("@/server/policy/resource-facts"),
        myWork: (await import("@/server/queries/my-work")).myWork,
        inviteOptions: (await import("@/server/queries/users")).inviteOptions,
        listUsers: (await import("@/server/queries/users")).listUsers,
        executeCommand: (await import("@/server/commands/execute-command")).executeCommand,
        invite: (await import("@/server/commands/invite-user")).inviteUserCommand,
        access: (await import("@/server/commands/user-access")).setUserAccessCommand,
        addRole: (await import("@/server/commands/change-roles")).addRoleCommand,
      };
      Object.assign(viewers, await loadViewers(prisma, demoAccounts));
    });

    afterAll(() => closeTestDatabase(prisma, database));

    describe("centre staff of one centre and another centre's data", () => {
      const centreActions: Action[] = [
        "centre.read-internal",
        "centre.edit-contacts",
        "designation.read",
        "designation.edit-form",
        "designation.submit",
        "comment.read",
        "comment.create",
        "report.read",
        "report.save-draft",
        "report.submit",
        "evaluation.read",
        "user.invite",
      ];

      it("is refused every read and write on SOA-13 as not-found, each denial audited", async () => {
        const staff = viewers.staffNor18!;
        const soa13 = await prisma.centre.findUniqueOrThrow({
          where: { reference: "SOA-13" },
          select: { id: true },
        });
        const records: ResourceFacts[] = [(await server.facts.centreFacts(soa13.id))!];
        for (const designation of await prisma.designation.findMany({
          where: { centreId: soa13.id },
          select: { id: true },
        })) {
          records.push((await server.facts.designationFacts(designation.id))!);
        }
        for (const report of await prisma.annualReport.findMany({
          where: { centreId: soa13.id },
          select: { id: true },
        })) {
          records.push((await server.facts.reportFacts(report.id))!);
        }
        expect(records.length).toBeGreaterThanOrEqual(3);
        const before = await prisma.auditEvent.count({
          where: { action: "authz.denied", actorId: staff.id },
        });
        let attempts = 0;
        for (const record of records) {
          for (const action of centreActions) {
            expect(
              await denial(server.authorize(staff, action, record, meta)),
              `${action} on ${JSON.stringify(record)}`,
            ).toBe("not-found");
            attempts += 1;
          }
        }
        const after = await prisma.auditEvent.count({ where: { action: "authz.denied", actorId: staff.id } });
        expect(after - before).toBe(attempts);
      });

      it("can read its own centre's records", async () => {
        const nor18 = await prisma.centre.findUniqueOrThrow({
          where: { reference: "NOR-18" },
          select: { id: true },
        });
        const report = await prisma.annualReport.findFirstOrThrow({
          where: { centreId: nor18.id },
          select: { id: true },
        });
        await expect(
          server.authorize(viewers.staffNor18!, "report.read", await server.facts.reportFacts(report.id)),
        ).resolves.toBeTruthy();
      });

      it("sees only its own centre on My work", async () => {
        const nor18 = await prisma.centre.findUniqueOrThrow({
          where: { reference: "NOR-18" },
          select: { id: true },
        });
        const sections = await server.myWork(viewers.staffNor18!);
        const titles = sections.flatMap((section) => section.items.map((item) => item.title));
        expect(titles.length).toBeGreaterThan(0);
        for (const title of titles) expect(title.startsWith("NOR-18 ")).toBe(true);
        expect(sections.every((section) => section.id.endsWith(`-${nor18.id}`))).toBe(true);
      });

      it("cannot invite staff for another centre or change anything through a direct command: nothing is written", async () => {
        const users = await prisma.user.count();
        const state = await server.executeCommand(
          server.invite,
          { email: "intruder@example.org", name: "Intruder", role: "CENTRE_STAFF", centre: "SOA-13" },
          { viewer: viewers.staffNor18!, meta },
        );
        expect(state.status).toBe("error");
        expect(state.message).toMatch(/could not find/);
        // Said in the reader's language when the form came from a French page.
        const inFrench = await server.executeCommand(
          server.invite,
          { email: "intruder@example.org", name: "Intruder", role: "CENTRE_STAFF", centre: "SOA-13" },
          { viewer: viewers.staffNor18!, meta, locale: "fr" },
        );
        expect(inFrench.message).toBe("Nous n’avons pas trouvé cet élément, ou vous n’y avez pas accès.");
        expect(await prisma.user.count()).toBe(users);
      });
    });

    describe("an officer", () => {
      it("sees only the centres they are responsible for", async () => {
        const officer = viewers.officer!;
        const theirs = await prisma.centre.findMany({
          where: { responsibleOfficerId: officer.id },
          select: { reference: true },
        });
        const options = await server.inviteOptions(officer);
        expect(options.centres?.map((centre) => centre.value).sort()).toEqual(
          theirs.map((centre) => centre.reference).sort(),
        );
        const sections = await server.myWork(officer);
        const references = sections.flatMap((section) =>
          section.items.map((item) => item.title.split(" · ")[0]),
        );
        expect(references.length).toBeGreaterThan(0);
        for (const reference of references)
          expect(theirs.map((centre) => centre.reference)).toContain(reference);
      });

      it("may read a centre they are responsible for, and gets not-found for one they are not", async () => {
        const officer = viewers.officer!;
        const own = await prisma.centre.findFirstOrThrow({
          where: { responsibleOfficerId: officer.id },
          select: { id: true },
        });
        const other = await prisma.centre.findFirstOrThrow({
          where: { OR: [{ responsibleOfficerId: null }, { responsibleOfficerId: { not: officer.id } }] },
          select: { id: true },
        });
        await expect(
          server.authorize(officer, "centre.read-internal", await server.facts.centreFacts(own.id)),
        ).resolves.toBeTruthy();
        expect(
          await denial(
            server.authorize(officer, "centre.read-internal", await server.facts.centreFacts(other.id)),
          ),
        ).toBe("not-found");
      });

      it("invites staff for their own centre, not for another one", async () => {
        const officer = viewers.officer!;
        const own = await prisma.centre.findFirstOrThrow({
          where: { responsibleOfficerId: officer.id },
          select: { reference: true },
        });
        const refused = await server.executeCommand(
          server.invite,
          {
            email: "new.staff.soa13@example.org",
            name: "Other Staff",
            role: "CENTRE_STAFF",
            centre: "SOA-13",
          },
          { viewer: officer, meta },
        );
        expect(refused.status).toBe("error");
        expect(await prisma.user.count({ where: { email: "new.staff.soa13@example.org" } })).toBe(0);
        // An officer cannot invite a focal point either: only administrators invite other roles.
        const focal = await server.executeCommand(
          server.invite,
          { email: "focal.new@example.org", name: "New Focal", role: "FOCAL_POINT", region: "EURO" },
          { viewer: officer, meta },
        );
        expect(focal.status).toBe("error");
        // The invitation returns only to a designation's own page: never to another site.
        for (const returnTo of [
          "https://evil.example/designations/1",
          "//evil.example",
          "/designations/0",
          "/admin",
        ]) {
          const elsewhere = await server.executeCommand(
            server.invite,
            {
              email: "away@example.org",
              name: "Away",
              role: "CENTRE_STAFF",
              centre: own.reference,
              returnTo,
            },
            { viewer: officer, meta },
          );
          expect(elsewhere).toMatchObject({
            status: "error",
            fieldErrors: { returnTo: ["This form cannot return there. Reload the page."] },
          });
        }
        expect(await prisma.user.count({ where: { email: "away@example.org" } })).toBe(0);
        await expect(
          server.executeCommand(
            server.invite,
            {
              email: "new.staff@example.org",
              name: "New Staff",
              role: "CENTRE_STAFF",
              centre: own.reference,
            },
            { viewer: officer, meta },
          ),
        ).rejects.toThrow(/NEXT_REDIRECT/);
        const invited = await prisma.user.findUniqueOrThrow({
          where: { email: "new.staff@example.org" },
          select: {
            roles: { select: { role: true, centre: { select: { reference: true } } } },
            passwordHash: true,
          },
        });
        expect(invited.roles).toEqual([{ role: "CENTRE_STAFF", centre: { reference: own.reference } }]);
        expect(invited.passwordHash).toBeNull();
      });

      it("inviting an address that already has an account answers the same and does not reveal it", async () => {
        const officer = viewers.officer!;
        const own = await prisma.centre.findFirstOrThrow({
          where: { responsibleOfficerId: officer.id, reference: { not: "NOR-18" } },
          select: { id: true, reference: true },
        });
        const email = "staff.nor18@centre.example";
        const mailsBefore = await prisma.outboxMessage.count({ where: { toEmail: email } });
        const versionBefore = (
          await prisma.user.findUniqueOrThrow({ where: { email }, select: { version: true } })
        ).version;
        const answer = (input: Record<string, string>) =>
          server.executeCommand(server.invite, input, { viewer: officer, meta }).then(
            () => "no redirect",
            (error: Error) => error.message,
          );
        const forNew = await answer({
          email: "brand.new@example.org",
          name: "Brand New",
          role: "CENTRE_STAFF",
          centre: own.reference,
        });
        const forExisting = await answer({
          email,
          name: "Someone",
          role: "CENTRE_STAFF",
          centre: own.reference,
        });
        expect(forExisting).toMatch(/NEXT_REDIRECT/);
        expect(forExisting).toBe(forNew);
        // The existing person keeps their account and password, gains the role, and is told.
        const person = await prisma.user.findUniqueOrThrow({
          where: { email },
          select: {
            name: true,
            passwordHash: true,
            version: true,
            roles: { select: { centre: { select: { reference: true } } } },
          },
        });
        expect(person.name).not.toBe("Someone");
        expect(person.passwordHash).not.toBeNull();
        expect(person.roles.map((r) => r.centre?.reference).sort()).toEqual(["NOR-18", own.reference].sort());
        // An administrator's open page of this person is now stale: it cannot save over the new role.
        expect(person.version).toBe(versionBefore + 1);
        expect(await prisma.outboxMessage.count({ where: { toEmail: email } })).toBe(mailsBefore + 1);
        // Asking again changes nothing and sends nothing more.
        expect(await answer({ email, name: "Someone", role: "CENTRE_STAFF", centre: own.reference })).toBe(
          forNew,
        );
        expect(await prisma.roleAssignment.count({ where: { user: { email }, centreId: own.id } })).toBe(1);
        expect(await prisma.outboxMessage.count({ where: { toEmail: email } })).toBe(mailsBefore + 1);
        // Clean up: later tests count NOR-18's staff.
        await prisma.roleAssignment.deleteMany({ where: { user: { email }, centreId: own.id } });
      });
    });

    describe("vertical escalation (docs/security.md scenario 2)", () => {
      it("refuses officer-only actions to staff and focal points", async () => {
        const nor18 = await prisma.centre.findUniqueOrThrow({
          where: { reference: "NOR-18" },
          select: { id: true },
        });
        const submitted = await prisma.annualReport.findFirst({
          where: { state: "SUBMITTED" },
          select: { id: true },
        });
        const report = submitted ? await server.facts.reportFacts(submitted.id) : null;
        const centre = (await server.facts.centreFacts(nor18.id))!;
        for (const viewer of [viewers.staffNor18!, viewers.focalEuro!]) {
          expect(
            await denial(server.authorize(viewer, "designation.endorse", { ...centre, state: "SUBMITTED" })),
          ).not.toBe("allowed");
          expect(
            await denial(server.authorize(viewer, "designation.send", { ...centre, state: "DRAFT" })),
          ).not.toBe("allowed");
          expect(
            await denial(server.authorize(viewer, "evaluation.complete", { ...centre, state: "DRAFT" })),
          ).not.toBe("allowed");
          if (report)
            for (const action of ["report.accept", "report.return"] as const)
              expect(await denial(server.authorize(viewer, action, report))).not.toBe("allowed");
        }
      });

      it("refuses administration to everyone but administrators, and every write to anonymous callers, with no change", async () => {
        const target = await prisma.user.findUniqueOrThrow({ where: { email: "focal.afro@who.example" } });
        for (const viewer of [
          null,
          viewers.staffNor18!,
          viewers.officer!,
          viewers.focalEuro!,
          viewers.unitHead!,
        ]) {
          const disable = await server.executeCommand(
            server.access,
            { userId: String(target.id), version: String(target.version), change: "disable" },
            { viewer, meta },
          );
          expect(disable.status).toBe("error");
          const promote = await server.executeCommand(
            server.addRole,
            { userId: String(target.id), version: String(target.version), role: "ADMIN" },
            { viewer, meta },
          );
          expect(promote.status).toBe("error");
          const invite = await server.executeCommand(
            server.invite,
            { email: "anyone@example.org", name: "Anyone", role: "ADMIN" },
            { viewer, meta },
          );
          expect(invite.status).toBe("error");
          await expect(server.listUsers(viewer as Viewer, "")).rejects.toBeInstanceOf(server.AccessDenied);
        }
        const after = await prisma.user.findUniqueOrThrow({
          where: { id: target.id },
          include: { roles: true },
        });
        expect(after.version).toBe(target.version);
        expect(after.disabledAt).toBeNull();
        expect(after.roles.map((role) => role.role)).toEqual(["FOCAL_POINT"]);
        expect(await prisma.user.count({ where: { email: "anyone@example.org" } })).toBe(0);
      });

      it("rejects extra fields (mass assignment) before anything runs", async () => {
        const target = await prisma.user.findUniqueOrThrow({ where: { email: "focal.afro@who.example" } });
        const state = await server.executeCommand(
          server.access,
          {
            userId: String(target.id),
            version: String(target.version),
            change: "end-sessions",
            role: "ADMIN",
            disabledAt: "",
          },
          { viewer: viewers.admin!, meta },
        );
        expect(state.status).toBe("error");
        expect(state.fieldErrors?.form?.[0]).toMatch(/fields it should not have/);
        expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).version).toBe(
          target.version,
        );
      });
    });

    describe("revocation (docs/security.md scenario 10)", () => {
      it("disabling a user or ending their sessions rejects the old session at the next request", async () => {
        const target = await prisma.user.findUniqueOrThrow({ where: { email: "focal.afro@who.example" } });
        // The people list states each account by the domain rule (staffAccountState).
        const listed = async () =>
          (await server.listUsers(viewers.admin!, "focal.afro@who.example")).map((user) => user.state);
        expect(await listed()).toEqual(["active"]);
        const oldClaims = { uid: target.id, sv: target.sessionVersion, sat: Math.floor(Date.now() / 1000) };
        expect(await server.loadViewer(prisma, oldClaims)).not.toBeNull();

        const ended = await server.executeCommand(
          server.access,
          { userId: String(target.id), version: String(target.version), change: "end-sessions" },
          { viewer: viewers.admin!, meta },
        );
        expect(ended).toMatchObject({ status: "success" });
        expect(await server.loadViewer(prisma, oldClaims)).toBeNull();

        const fresh = await prisma.user.findUniqueOrThrow({ where: { id: target.id } });
        const newClaims = { uid: target.id, sv: fresh.sessionVersion, sat: Math.floor(Date.now() / 1000) };
        expect(await server.loadViewer(prisma, newClaims)).not.toBeNull();
        const disabled = await server.executeCommand(
          server.access,
          { userId: String(target.id), version: String(fresh.version), change: "disable" },
          { viewer: viewers.admin!, meta },
        );
        expect(disabled.status).toBe("success");
        expect(await server.loadViewer(prisma, newClaims)).toBeNull();
        expect(await listed()).toEqual(["disabled"]);
        const events = await prisma.auditEvent.findMany({
          where: {
            entityType: "User",
            entityId: String(target.id),
            action: { in: ["user.sessions-ended", "user.disabled"] },
          },
          select: { action: true, actorId: true, ip: true },
        });
        expect(events).toHaveLength(2);
        expect(events.every((event) => event.actorId === viewers.admin!.id && event.ip === meta.ip)).toBe(
          true,
        );
      });

      it("a stale admin form (old version) is a conflict, not a silent overwrite", async () => {
        const target = await prisma.user.findUniqueOrThrow({
          where: { email: "staff.soa13@centre.example" },
        });
        const first = await server.executeCommand(
          server.access,
          { userId: String(target.id), version: String(target.version), change: "end-sessions" },
          { viewer: viewers.admin!, meta },
        );
        expect(first.status).toBe("success");
        const stale = await server.executeCommand(
          server.access,
          { userId: String(target.id), version: String(target.version), change: "disable" },
          { viewer: viewers.admin!, meta },
        );
        expect(stale).toMatchObject({
          status: "error",
          message: expect.stringMatching(/changed this in the meantime/),
        });
        expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).disabledAt).toBeNull();
      });
    });
  });
}
