import { createHash } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { DashboardRow } from "@/domain/dashboard";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";

import { testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, demoAccounts, loadViewers, seededDemoDatabase } from "../support/viewers";

// The dashboard, its CSV export and the calendar feed on the demo seed
// (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), through the same
// functions the page, the route handlers and executeCommand use: each role
// sees its own scope only, the export is refused to the wrong role, and a
// calendar token is created, replaced, looked up and revoked.

const meta = { ip: "203.0.113.7", userAgent: "vitest" };
const origin = "https://registry.example";
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

for (const kind of testDatabaseKinds()) {
  describe(`dashboard and calendar (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let queries: typeof import("@/server/queries/dashboard");
    let feed: typeof import("@/server/calendar/calendar-feed");
    let calendar: typeof import("@/server/commands/calendar/calendar-commands");
    let executeCommand: typeof import("@/server/commands/execute-command").executeCommand;
    let AccessDenied: typeof import("@/server/policy/authorize").AccessDenied;
    const viewers: Record<string, Viewer> = {};

    const rowsOf = async (viewer: Viewer, id: string) =>
      (await queries.dashboard(viewer)).find((section) => section.id === id)!;
    const references = (rows: DashboardRow[]) => new Set(rows.map((row) => row.centre.reference));
    const userVersion = async (viewer: Viewer) =>
      (await prisma.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { version: true } })).version;
    const token = (seed: string) =>
      sha256(seed)
        .slice(0, 43)
        .replace(/[^A-Za-z0-9_-]/g, "A");

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      queries = await import("@/server/queries/dashboard");
      feed = await import("@/server/calendar/calendar-feed");
      calendar = await import("@/server/commands/calendar/calendar-commands");
      executeCommand = (await import("@/server/commands/execute-command")).executeCommand;
      AccessDenied = (await import("@/server/policy/authorize")).AccessDenied;
      Object.assign(viewers, await loadViewers(prisma, demoAccounts));
    });

    afterAll(() => closeTestDatabase(prisma, database));

    it("shows each focal point their own region only", async () => {
      const afro = await rowsOf(viewers.focalAfro!, "overdue-reports");
      expect(afro.rows.find((row) => row.centre.reference === "SOA-14")).toMatchObject({
        item: "Annual report, year 1",
        lateness: expect.stringMatching(/^\d+ days overdue$/),
        href: expect.stringMatching(/^\/reports\/\d+$/),
      });
      expect(references(afro.rows).has("NOR-18")).toBe(false);

      const europe = await rowsOf(viewers.focalEuro!, "overdue-reports");
      expect(references(europe.rows)).toContain("NOR-18");
      expect(references(europe.rows).has("SOA-14")).toBe(false);

      // Every list of every focal point: only rows of their region, whatever the list.
      for (const [viewer, region] of [
        [viewers.focalAfro!, "AFRO"],
        [viewers.focalEuro!, "EURO"],
      ] as const) {
        for (const section of await queries.dashboard(viewer)) {
          expect(section.total).toBeGreaterThanOrEqual(section.rows.length);
          for (const row of section.rows) expect(row.centre.regionCode, section.id).toBe(region);
        }
      }
    });

    it("shows an officer only the centres they are responsible for", async () => {
      const own = await prisma.centre.findMany({
        where: { responsibleOfficerId: viewers.officer!.id },
        select: { reference: true },
      });
      const mine = new Set(own.map((centre) => centre.reference));
      let rows = 0;
      for (const section of await queries.dashboard(viewers.officer!)) {
        for (const row of section.rows) {
          expect(mine.has(row.centre.reference), `${section.id} ${row.centre.reference}`).toBe(true);
          rows += 1;
        }
      }
      expect(rows).toBeGreaterThan(0);
      expect(references((await rowsOf(viewers.officer!, "overdue-reports")).rows)).toEqual(
        new Set(["FIN-35", "NOR-18"]),
      );
      // NET-86's final evaluation is completed: not missing.
      const missing = await rowsOf(viewers.officer!, "missing-evaluations");
      expect(references(missing.rows).has("NET-86")).toBe(false);
    });

    it("lists imported centres left Pending, and NET-86 with its redesignation under way", async () => {
      const pending = await rowsOf(viewers.focalEuro!, "pending-centres");
      const imported = await prisma.centre.count({
        where: { status: "PENDING", region: { code: "EURO" } },
      });
      expect(pending.total).toBe(imported);
      expect(pending.rows.find((row) => row.centre.reference === "NET-86")).toMatchObject({
        note: "Redesignation under way",
        href: "/centres/NET-86",
      });
    });

    it("shows an administrator every region, and refuses centre staff", async () => {
      const all = references((await rowsOf(viewers.admin!, "overdue-reports")).rows);
      expect(all).toContain("SOA-14");
      expect(all).toContain("NOR-18");
      await expect(queries.dashboard(viewers.staffNor18!)).rejects.toBeInstanceOf(AccessDenied);
    });

    it("exports a list as CSV for its scope, and answers 404 to the wrong role", async () => {
      const response = await queries.dashboardCsvResponse(viewers.focalAfro!, "overdue-reports.csv", {
        origin,
        meta,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("content-disposition")).toMatch(
        /^attachment; filename="overdue-reports-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const text = await response.text();
      const lines = text.trimEnd().split("\r\n");
      expect(lines[0]).toBe("reference,title,region,item,date,days_late,lateness,note,url");
      expect(lines.some((line) => line.startsWith("SOA-14,") && line.includes(`${origin}/reports/`))).toBe(
        true,
      );
      expect(text).not.toContain("NOR-18");
      const page = await rowsOf(viewers.focalAfro!, "overdue-reports");
      expect(lines).toHaveLength(page.total + 1);

      const deniedBefore = await prisma.auditEvent.count({
        where: { action: "authz.denied", actorId: viewers.staffNor18!.id },
      });
      const staff = await queries.dashboardCsvResponse(viewers.staffNor18!, "overdue-reports.csv", {
        origin,
        meta,
      });
      expect(staff.status).toBe(404);
      expect(await staff.text()).not.toContain("SOA-14");
      expect(
        await prisma.auditEvent.count({ where: { action: "authz.denied", actorId: viewers.staffNor18!.id } }),
      ).toBe(deniedBefore + 1);

      const anonymous = await queries.dashboardCsvResponse(null, "overdue-reports.csv", { origin, meta });
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get("location")).toMatch(/^\/sign-in\?next=/);
      for (const file of ["users.csv", "overdue-reports.json", "../overdue-reports.csv"]) {
        const unknown = await queries.dashboardCsvResponse(viewers.admin!, file, { origin, meta });
        expect(unknown.status, file).toBe(404);
      }
    });

    it("creates, looks up, replaces and revokes a calendar address", async () => {
      const staff = viewers.staffNor18!;
      const first = token("first");
      const created = await executeCommand(
        calendar.createCalendarLinkCommand as never,
        { version: String(await userVersion(staff)), token: first },
        { viewer: staff, meta },
      );
      expect(created).toMatchObject({ status: "success", message: "Your calendar address is ready." });
      expect(
        (
          await prisma.user.findUniqueOrThrow({
            where: { id: staff.id },
            select: { calendarTokenHash: true },
          })
        ).calendarTokenHash,
      ).toBe(sha256(first));

      const response = await feed.calendarFeedResponse(`${first}.ics`, { origin });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(response.headers.get("cache-control")).toMatch(/^private/);
      const ics = await response.text();
      expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
      expect(ics).toContain("BEGIN:VEVENT");
      expect(ics).toContain("SUMMARY:Annual report due: NOR-18\\, year 2");
      expect(ics).toMatch(/DTSTART;VALUE=DATE:\d{8}/);
      expect(ics).not.toContain("SOA-13");
      expect(ics).toContain("PRODID:-//Collaborating Centres Registry//deadlines//EN");

      // The feed speaks its owner's language, chosen in their profile: the same events, in French.
      await prisma.user.update({ where: { id: staff.id }, data: { locale: "fr" } });
      const french = await (await feed.calendarFeedResponse(`${first}.ics`, { origin })).text();
      expect(french).toContain("SUMMARY:Rapport annuel à remettre\u202f: NOR-18\\, année 2");
      expect(french).toContain("X-WR-CALNAME:Registre des centres collaborateurs\u202f: mes échéances");
      expect(french).toContain("PRODID:-//Collaborating Centres Registry//deadlines//FR");
      expect(french).not.toContain("Annual report due");
      await prisma.user.update({ where: { id: staff.id }, data: { locale: null } });

      // A stale form (old version) does not replace the address.
      const stale = await executeCommand(
        calendar.createCalendarLinkCommand as never,
        { version: "1", token: token("stale") },
        { viewer: staff, meta },
      );
      expect(stale).toMatchObject({ status: "error", message: expect.stringMatching(/changed this/) });
      expect(stale.values).not.toHaveProperty("token");

      // Extra fields are refused (strict schema), nothing stored.
      const extra = await executeCommand(
        calendar.createCalendarLinkCommand as never,
        { version: String(await userVersion(staff)), token: token("x"), calendarTokenHash: "0" },
        { viewer: staff, meta },
      );
      expect(extra.status).toBe("error");

      const second = token("second");
      const replaced = await executeCommand(
        calendar.createCalendarLinkCommand as never,
        { version: String(await userVersion(staff)), token: second },
        { viewer: staff, meta },
      );
      expect(replaced.message).toMatch(/old one no longer works/);
      expect((await feed.calendarFeedResponse(`${first}.ics`, { origin })).status).toBe(404);
      expect((await feed.calendarFeedResponse(`${second}.ics`, { origin })).status).toBe(200);
      expect((await feed.calendarFeedResponse(second, { origin })).status).toBe(404);
      expect((await feed.calendarFeedResponse("nonsense.ics", { origin })).status).toBe(404);

      const revoked = await executeCommand(
        calendar.revokeCalendarLinkCommand as never,
        { version: String(await userVersion(staff)) },
        { viewer: staff, meta },
      );
      expect(revoked.status).toBe("success");
      expect((await feed.calendarFeedResponse(`${second}.ics`, { origin })).status).toBe(404);
      const again = await executeCommand(
        calendar.revokeCalendarLinkCommand as never,
        { version: String(await userVersion(staff)) },
        { viewer: staff, meta },
      );
      expect(again).toMatchObject({ status: "error", message: "You have no calendar address to revoke." });

      const audit = await prisma.auditEvent.findMany({
        where: { actorId: staff.id, action: { startsWith: "calendar." } },
        orderBy: { id: "asc" },
        select: { action: true, entityId: true },
      });
      expect(audit.map((row) => row.action)).toEqual([
        "calendar.link-created",
        "calendar.link-replaced",
        "calendar.link-revoked",
      ]);
    });

    it("refuses a calendar address to someone signed out, and stops the feed of a disabled account", async () => {
      const anonymous = await executeCommand(
        calendar.createCalendarLinkCommand as never,
        { version: "1", token: token("anon") },
        { viewer: null, meta },
      );
      expect(anonymous.message).toMatch(/session has ended/);

      const afro = viewers.focalAfro!;
      const secret = token("afro");
      await executeCommand(
        calendar.createCalendarLinkCommand as never,
        { version: String(await userVersion(afro)), token: secret },
        { viewer: afro, meta },
      );
      const ics = await (await feed.calendarFeedResponse(`${secret}.ics`, { origin })).text();
      expect(ics).toContain("Overdue annual report: SOA-14");
      expect(ics).not.toContain("NOR-18");
      await prisma.user.update({ where: { id: afro.id }, data: { disabledAt: new Date() } });
      expect((await feed.calendarFeedResponse(`${secret}.ics`, { origin })).status).toBe(404);
      await prisma.user.update({ where: { id: afro.id }, data: { disabledAt: null } });
    });

    it("gives the officer's My work the evaluations to write and the redesignations to start", async () => {
      const { myWork } = await import("@/server/queries/my-work");
      const sections = await myWork(viewers.officer!);
      const section = (id: string) => sections.find((candidate) => candidate.id === id)!;
      const nor14 = await prisma.designation.findFirstOrThrow({
        where: { centre: { reference: "NOR-14" }, state: "DESIGNATED" },
        orderBy: { termStart: "desc" },
        select: { id: true },
      });
      // NOR-14's term ends in 100 days, not evaluated: both lists, linking to its evaluation page.
      for (const id of ["officer-evaluations", "officer-redesignations"]) {
        const item = section(id).items.find((candidate) => candidate.title.startsWith("NOR-14 · "));
        expect(item?.href, id).toBe(`/evaluations/${nor14.id}`);
      }
      // NET-86: evaluation completed and a redesignation already under way: in neither.
      for (const id of ["officer-evaluations", "officer-redesignations"])
        expect(
          section(id).items.some((item) => item.title.startsWith("NET-86 · ")),
          id,
        ).toBe(false);
      // NOR-18 is two years into its term: not yet.
      expect(section("officer-redesignations").items.some((item) => item.title.startsWith("NOR-18 · "))).toBe(
        false,
      );
      // Report items open the report itself.
      const review = section("officer-reports").items.find((item) => item.title.startsWith("DEN-64 · "));
      expect(review?.href).toMatch(/^\/reports\/\d+$/);
      // Another officer's centres never show.
      const other = await myWork(viewers.unitHead!);
      expect(
        other
          .find((candidate) => candidate.id === "officer-evaluations")!
          .items.some((item) => item.title.startsWith("NOR-14 · ")),
      ).toBe(false);
    });

    it("gives an officer the reports to review, evaluations and term ends of their centres", async () => {
      const events = await feed.calendarEventsFor(viewers.officer!);
      const { describeEvents } = await import("@/server/calendar/ics");
      const summaries = describeEvents(events, "en").map((event) => event.summary);
      expect(summaries).toContain("Review annual report: DEN-64, year 1");
      expect(summaries).toContain("Designation expires: NOR-18");
      expect(summaries.some((summary) => summary.includes("SOA-1"))).toBe(false);
      expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
    });
  });
}
