import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { reportStatesAwaitingSubmission } from "@/domain/annual-report-schedule";
import { formatIsoDate, toIsoDate } from "@/domain/dates";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";

import { seededAt, testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, demoAccounts, loadViewers, seededDemoDatabase } from "../support/viewers";

// E-mails in the recipient's language and the language remembered in the
// profile (issue #13, decision 0026 "E-mails and the profile language"), on
// the demo seed, through the same commands and jobs as the app: an invitation
// to a French speaker is French, a reminder to Spanish-speaking staff is
// Spanish, a reset follows the account's language, and the switcher and the
// account page store the choice of a person signed in (audited), never a
// visitor's, never from another site's link.

const meta = { ip: "198.51.100.77", userAgent: "vitest" };
const now = seededAt();

for (const kind of testDatabaseKinds()) {
  describe(`e-mails in the recipient's language (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let viewers: Record<keyof typeof demoAccounts, Viewer>;
    let m: {
      executeCommand: typeof import("@/server/commands/execute-command").executeCommand;
      invite: typeof import("@/server/commands/invite-user").inviteUserCommand;
      reset: typeof import("@/server/commands/request-password-reset").requestPasswordResetCommand;
      setLanguage: typeof import("@/server/commands/set-language").setLanguageCommand;
      switchLanguage: typeof import("@/server/http/language-switch").switchLanguage;
      reminders: typeof import("@/server/jobs/reminders");
      digest: typeof import("@/server/jobs/focal-digest");
    };

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      viewers = await loadViewers(prisma, demoAccounts);
      m = {
        executeCommand: (await import("@/server/commands/execute-command")).executeCommand,
        invite: (await import("@/server/commands/invite-user")).inviteUserCommand,
        reset: (await import("@/server/commands/request-password-reset")).requestPasswordResetCommand,
        setLanguage: (await import("@/server/commands/set-language")).setLanguageCommand,
        switchLanguage: (await import("@/server/http/language-switch")).switchLanguage,
        reminders: await import("@/server/jobs/reminders"),
        digest: await import("@/server/jobs/focal-digest"),
      };
    });

    afterAll(() => closeTestDatabase(prisma, database));

    const mailTo = (toEmail: string, kind: string) =>
      prisma.outboxMessage.findFirstOrThrow({
        where: { toEmail, kind },
        orderBy: { id: "desc" },
        select: { subject: true, textBody: true },
      });
    const localeOf = async (email: string) =>
      (await prisma.user.findUniqueOrThrow({ where: { email }, select: { locale: true } })).locale;
    const languageAudits = (userId: number) =>
      prisma.auditEvent.findMany({
        where: { action: "account.language-changed", entityType: "User", entityId: String(userId) },
        orderBy: { id: "asc" },
        select: { actorId: true, details: true },
      });

    it("invites a person whose language is French in French, and remembers the language in their profile", async () => {
      const email = "farida.rahman@who.example";
      await expect(
        m.executeCommand(
          m.invite,
          { name: "Farida Rahman", email, role: "FOCAL_POINT", region: "EMRO", locale: "fr" },
          { viewer: viewers.admin, meta },
        ),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      expect(await localeOf(email)).toBe("fr");
      const mail = await mailTo(email, "invitation");
      expect(mail.subject).toBe("Invitation au Registre des centres collaborateurs");
      expect(mail.textBody).toContain("Bonjour Farida Rahman,");
      expect(mail.textBody).toContain(
        "Amira Haddad vous invite à rejoindre le Registre des centres collaborateurs.",
      );
      expect(mail.textBody).toContain("expire dans 72 heures");
      // The link opens the set-password page in French, on APP_URL.
      expect(mail.textBody).toMatch(/^https?:\/\/[^/\s]+\/fr\/set-password\/[\w-]{43}$/m);
      const audit = await prisma.auditEvent.findFirstOrThrow({
        where: { action: "user.invited", details: { path: ["email"], equals: email } },
        select: { details: true },
      });
      expect(audit.details).toMatchObject({ locale: "fr" });
    });

    it("refuses a language that is not one of the six, and writes nothing", async () => {
      const email = "nobody.de@who.example";
      const refused = await m.executeCommand(
        m.invite,
        { name: "Nobody", email, role: "FOCAL_POINT", region: "EMRO", locale: "de" },
        { viewer: viewers.admin, meta },
      );
      expect(refused).toMatchObject({
        status: "error",
        fieldErrors: { locale: ["Choose one of the registry's languages: ar, zh, en, fr, ru, es."] },
      });
      expect(await prisma.user.count({ where: { email } })).toBe(0);
    });

    it("tells an existing account it was given access in its own language, not the inviter's guess", async () => {
      const officer = viewers.officer;
      const own = await prisma.centre.findFirstOrThrow({
        where: { responsibleOfficerId: officer.id },
        select: { reference: true },
      });
      await prisma.user.update({ where: { email: demoAccounts.focalAfro }, data: { locale: "es" } });
      await expect(
        m.executeCommand(
          m.invite,
          {
            name: "Nomvula Dlamini",
            email: demoAccounts.focalAfro,
            role: "CENTRE_STAFF",
            centre: own.reference,
            locale: "ru",
          },
          { viewer: officer, meta },
        ),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      const mail = await mailTo(demoAccounts.focalAfro, "role-granted");
      expect(mail.subject).toBe("Se le ha concedido acceso en el Registro de centros colaboradores");
      expect(mail.textBody).toContain("Estimado/a Nomvula Dlamini:");
      // The officer's choice never overwrites the person's own.
      expect(await localeOf(demoAccounts.focalAfro)).toBe("es");
    });

    it("sends a reset link in the account's language, English when none is chosen", async () => {
      await prisma.user.update({ where: { email: demoAccounts.unitHead }, data: { locale: "ru" } });
      await m.executeCommand(m.reset, { email: demoAccounts.unitHead }, { viewer: null, meta });
      const russian = await mailTo(demoAccounts.unitHead, "password-reset");
      expect(russian.subject).toBe("Новый пароль для Реестра сотрудничающих центров");
      expect(russian.textBody).toContain("истекает через 60 минут");
      expect(russian.textBody).toMatch(/\/ru\/set-password\/[\w-]{43}$/m);

      await m.executeCommand(m.reset, { email: demoAccounts.staffSoa13 }, { viewer: null, meta });
      const english = await mailTo(demoAccounts.staffSoa13, "password-reset");
      expect(english.subject).toBe("Set a new password for the Collaborating Centres Registry");
      expect(english.textBody).toMatch(/^https?:\/\/[^/\s]+\/set-password\/[\w-]{43}$/m);
    });

    it("reminds Spanish-speaking centre staff in Spanish, and everyone else in their own language", async () => {
      await prisma.user.update({ where: { email: demoAccounts.staffNor18 }, data: { locale: "es" } });
      await prisma.outboxMessage.deleteMany({ where: { kind: { startsWith: "reminder." } } });
      const run = await m.reminders.runReminders(prisma, now);
      expect(run.queued).toBeGreaterThan(0);

      // NOR-18's year-2 report is overdue (seeded 40 days past due): the 14-days-after reminder.
      const report = await prisma.annualReport.findFirstOrThrow({
        where: {
          centre: { reference: "NOR-18" },
          yearNumber: 2,
          state: { in: [...reportStatesAwaitingSubmission] },
        },
        select: { id: true, dueOn: true },
      });
      const due = formatIsoDate(toIsoDate(report.dueOn), "es");
      const spanish = await mailTo(demoAccounts.staffNor18, "reminder.due-plus-14");
      expect(spanish.subject).toBe(`NOR-18: informe anual atrasado desde el ${due}`);
      expect(spanish.textBody).toContain(`el informe anual del año 2 vencía el ${due} y no se ha presentado`);
      expect(spanish.textBody).toMatch(
        new RegExp(`Ábralo en el registro: https?://[^/\\s]+/es/reports/${report.id}$`),
      );

      // The officer has not chosen a language: English, as before.
      const officer = await mailTo(demoAccounts.officer, "reminder.review-waiting");
      expect(officer.subject).toMatch(/^DEN-64: annual report waiting for your review$/);
    });

    it("sends a French-speaking focal point the weekly digest in French, with French plurals", async () => {
      await prisma.user.update({ where: { email: demoAccounts.focalEuro }, data: { locale: "fr" } });
      await prisma.user.update({ where: { email: demoAccounts.focalAfro }, data: { locale: "es" } });
      await prisma.outboxMessage.deleteMany({ where: { kind: "digest.focal-point" } });
      await m.digest.runFocalDigest(prisma, now);
      const french = await mailTo(demoAccounts.focalEuro, "digest.focal-point");
      expect(french.subject).toMatch(
        /^Récapitulatif hebdomadaire\u202f: \d+ rapports? annuels? en retard dans votre région$/,
      );
      expect(french.textBody).toMatch(
        /NOR-18 .*\u202f: année 2, à remettre le \d+ \S+ \d{4} \(\d+ jours de retard\)/,
      );
      // The AFRO focal point reads Spanish.
      const spanish = await mailTo(demoAccounts.focalAfro, "digest.focal-point");
      expect(spanish.subject).toMatch(/^Resumen semanal: \d+ informes? anual(es)? atrasados? en su región$/);
    });

    it("stores the switcher's choice in the profile of a person signed in, audited; a visitor only gets the cookie", async () => {
      const staff = viewers.staffSoa13;
      const switchTo = (locale: string, viewer: Viewer | null, site: string | null = "same-origin") =>
        m.switchLanguage(
          new Request(`http://localhost/language?${new URLSearchParams({ locale, to: "/fr/centres?q=x" })}`, {
            headers: site ? { "sec-fetch-site": site } : {},
          }),
          viewer,
        );

      // Never another site: a path that is one once its prefix is cut stays on this one.
      const away = await m.switchLanguage(
        new Request(
          `http://localhost/language?${new URLSearchParams({ locale: "en", to: "/fr//evil.com" })}`,
        ),
        null,
      );
      expect(away.headers.get("location")).toBe("/evil.com");

      const visitor = await switchTo("zh", null);
      expect(visitor.status).toBe(303);
      expect(visitor.headers.get("location")).toBe("/zh/centres?q=x");
      expect(visitor.headers.get("set-cookie")).toMatch(
        /^NEXT_LOCALE=zh; Path=\/; Max-Age=\d+; SameSite=Lax/,
      );

      expect(await localeOf(demoAccounts.staffSoa13)).toBeNull();
      const signedIn = await switchTo("ar", staff);
      expect(signedIn.headers.get("location")).toBe("/ar/centres?q=x");
      expect(signedIn.headers.get("set-cookie")).toMatch(/^NEXT_LOCALE=ar;/);
      expect(await localeOf(demoAccounts.staffSoa13)).toBe("ar");
      expect(await languageAudits(staff.id)).toEqual([
        { actorId: staff.id, details: { from: null, to: "ar" } },
      ]);

      // The same choice again records nothing new.
      await switchTo("ar", staff);
      expect(await languageAudits(staff.id)).toHaveLength(1);

      // A link on another site changes the cookie, never the profile that decides the person's e-mails.
      const foreign = await switchTo("ru", staff, "cross-site");
      expect(foreign.headers.get("set-cookie")).toMatch(/^NEXT_LOCALE=ru;/);
      expect(await localeOf(demoAccounts.staffSoa13)).toBe("ar");

      // A browser that sends no Sec-Fetch-Site is believed, as the origin guard does.
      await switchTo("es", staff, null);
      expect(await localeOf(demoAccounts.staffSoa13)).toBe("es");

      // An unknown language is refused with a clear message, in the language
      // of the page the click came from (French here), and nothing changes.
      const wrong = await switchTo("de", staff);
      expect(wrong.status).toBe(400);
      expect(await wrong.text()).toBe(
        "Choisissez l’une des langues du registre\u202f: ar, zh, en, fr, ru, es.",
      );
      expect(await localeOf(demoAccounts.staffSoa13)).toBe("es");
    });

    it("saves the language from the account page, answering in the new language", async () => {
      const admin = viewers.admin;
      const saved = await m.executeCommand(m.setLanguage, { locale: "fr" }, { viewer: admin, meta });
      expect(saved).toMatchObject({
        status: "success",
        message: expect.stringMatching(/^Votre langue est enregistrée/),
      });
      expect(await localeOf(demoAccounts.admin)).toBe("fr");
      const refused = await m.executeCommand(m.setLanguage, { locale: "en-GB" }, { viewer: admin, meta });
      expect(refused).toMatchObject({
        status: "error",
        fieldErrors: { locale: [expect.stringMatching(/ar, zh/)] },
      });
      const extra = await m.executeCommand(
        m.setLanguage,
        { locale: "es", email: "x@y.z" },
        { viewer: admin, meta },
      );
      expect(extra.status).toBe("error");
      expect(await localeOf(demoAccounts.admin)).toBe("fr");
      expect(await languageAudits(admin.id)).toEqual([
        { actorId: admin.id, details: { from: null, to: "fr" } },
      ]);
    });
  });
}
