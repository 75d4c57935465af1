import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { FormState } from "@/domain/form-state";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";
import type { Command } from "@/server/commands/command";
import type { DirectoryPage } from "@/server/queries/directory-search";

import { createTestDatabase, testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, demoAccounts, loadViewers } from "../support/viewers";

// Issue #12 items 2, 5 and 6 on the demo seed (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), through executeCommand as the server actions
// run it: the officer sends the Norwegian draft and is told nobody at the
// institution can act yet; the staff choose the centre's subjects (refused
// when none, more than three, repeated or not in the list); a returned form
// says so with WHO's reason; once designated, the centre has the work plan's
// types of activity, the form's website and city, and is found under its
// subject and activity facets with the right counts.

const meta = { ip: "203.0.113.12", userAgent: "vitest" };
const today = new Date().toISOString().slice(0, 10);
const TITLE = "WHO Collaborating Centre for Health Data Governance";
const DATA_SUBJECT = "Health information, statistics, measurement & trend assessment";

for (const kind of testDatabaseKinds()) {
  describe(`a new centre in the directory (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let run: (command: Command<never>, values: Record<string, string>, viewer: Viewer) => Promise<FormState>;
    let commands: typeof import("@/server/commands/designation/review-commands") &
      typeof import("@/server/commands/designation/decision-commands") &
      typeof import("@/server/commands/designation/form-commands");
    let designationPage: typeof import("@/server/queries/designation-page").designationPage;
    let directoryPage: typeof import("@/server/queries/directory-page").directoryPage;
    let findPublicCentre: typeof import("@/server/queries/centre-detail").findPublicCentre;
    const viewers: Record<string, Viewer> = {};
    const as = <I>(command: Command<I>) => command as unknown as Command<never>;

    const designation = () =>
      prisma.designation.findFirstOrThrow({
        where: { centre: { title: TITLE } },
        select: {
          id: true,
          version: true,
          state: true,
          centreId: true,
          centre: { select: { reference: true } },
        },
      });
    async function post(command: Command<never>, viewer: Viewer, values: Record<string, string> = {}) {
      const { id, version } = await designation();
      return run(command, { designationId: String(id), version: String(version), ...values }, viewer);
    }
    async function step(command: Command<never>, viewer: Viewer, values: Record<string, string> = {}) {
      const state = await post(command, viewer, values);
      expect(state, JSON.stringify(state)).toMatchObject({ status: "success" });
    }
    async function search(query: Record<string, string[]>) {
      const result = await directoryPage(query);
      if (!result.ok) throw new Error(result.errors.join("; "));
      return result.result;
    }
    const facetCount = (page: DirectoryPage, facet: "subject" | "activity", label: string) =>
      page.facets[facet].find((value) => value.label === label)?.count ?? 0;
    const subjectId = async (name: string) =>
      String((await prisma.subject.findUniqueOrThrow({ where: { name }, select: { id: true } })).id);

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      process.env.DATABASE_URL = database.url;
      const { createPrismaClient } = await import("@/server/db/create-client");
      prisma = createPrismaClient(database.url);
      const { seedAll } = await import("@/server/seed/seed-all");
      await seedAll(prisma, { demoMode: true, now: new Date() });
      const { executeCommand } = await import("@/server/commands/execute-command");
      run = (command, values, viewer) => executeCommand(command, values, { viewer, meta });
      commands = {
        ...(await import("@/server/commands/designation/review-commands")),
        ...(await import("@/server/commands/designation/decision-commands")),
        ...(await import("@/server/commands/designation/form-commands")),
      };
      designationPage = (await import("@/server/queries/designation-page")).designationPage;
      directoryPage = (await import("@/server/queries/directory-page")).directoryPage;
      findPublicCentre = (await import("@/server/queries/centre-detail")).findPublicCentre;
      Object.assign(viewers, await loadViewers(prisma, demoAccounts));
    });

    afterAll(() => closeTestDatabase(prisma, database));

    it("takes a new centre from a draft to the directory, a full member", async () => {
      const { officer, unitHead, focalEuro, staffNor18 } = viewers as Record<string, Viewer>;
      const { id, centreId, centre } = await designation();

      // Item 5: before and after sending, the officer sees who at the institution can act: nobody yet.
      expect((await designationPage(officer!, id)).institutionStaff).toEqual([]);
      await step(as(commands.sendCommand), officer!);
      expect((await designationPage(officer!, id)).institutionStaff).toEqual([]);
      await prisma.user.create({
        data: {
          email: "invited.nor@centre.example",
          name: "Invited Staff",
          roles: { create: { role: "CENTRE_STAFF", centreId } },
        },
      });
      const staff = await prisma.user.create({
        data: {
          email: "kari.nor@centre.example",
          name: "Kari Nordmann",
          passwordHash: "not-a-real-hash",
          roles: { create: { role: "CENTRE_STAFF", centreId } },
        },
        select: { email: true },
      });
      expect((await designationPage(officer!, id)).institutionStaff).toEqual([
        { name: "Invited Staff", email: "invited.nor@centre.example", state: "invited" },
        { name: "Kari Nordmann", email: "kari.nor@centre.example", state: "active" },
      ]);
      const staffViewer = (await loadViewers(prisma, { staff: staff.email })).staff;
      // The staff's own page does not list accounts: that is for whoever may invite.
      expect((await designationPage(staffViewer, id)).institutionStaff).toBeNull();

      // Item 2: the subjects, one to three from the list.
      const [ehealth, data, ethics] = await Promise.all([
        subjectId("Informatics and Telemedicine"),
        subjectId(DATA_SUBJECT),
        subjectId("Ethics"),
      ]);
      const fourth = String(
        (
          await prisma.subject.findFirstOrThrow({
            where: { id: { notIn: [ehealth, data, ethics].map(Number) } },
          })
        ).id,
      );
      const before = await designation();
      const refusals: [Record<string, string>, Record<string, string[]>][] = [
        [
          { subject1: "", subject2: "", subject3: "" },
          { subject1: ["Choose the centre's main subject: at least one subject from the list."] },
        ],
        [
          { subject1: ehealth!, subject2: data!, subject3: ethics!, subject4: fourth },
          { subject1: ["Choose at most 3 subjects; 4 were sent."] },
        ],
        [{ subject1: ehealth!, subject2: ehealth! }, { subject2: ["Choose each subject once."] }],
        [
          { subject1: ehealth!, subject3: "999999" },
          { subject3: ["This subject is not in the reference list. Choose one from the list."] },
        ],
      ];
      for (const [values, fieldErrors] of refusals) {
        expect(
          await post(as(commands.saveSubjectsCommand), staffViewer, values),
          JSON.stringify(values),
        ).toMatchObject({ status: "error", fieldErrors });
      }
      expect(await designation()).toEqual(before);
      expect(await prisma.centreSubject.count({ where: { centreId } })).toBe(0);
      // Staff of another centre cannot choose this centre's subjects.
      expect(await post(as(commands.saveSubjectsCommand), staffNor18!, { subject1: ehealth! })).toMatchObject(
        {
          status: "error",
          message: "We could not find that, or you do not have access to it.",
        },
      );

      // Submitting without subjects is refused next to the field.
      await step(as(commands.saveDetailsCommand), staffViewer, {
        headOfCentreName: "Prof. Kari Nordmann",
        city: "Oslo",
        website: "https://healthdata.example.no",
      });
      await step(as(commands.saveTorItemCommand), staffViewer, {
        itemId: "",
        text: "To support WHO in developing guidance on health data governance.",
      });
      const tor = await prisma.termsOfReferenceItem.findFirstOrThrow({
        where: { designationId: id },
        select: { id: true },
      });
      const types = await prisma.activityType.findMany({
        orderBy: { id: "asc" },
        take: 2,
        select: { id: true, name: true },
      });
      for (const [index, type] of [types[1]!, types[0]!, types[1]!].entries())
        await step(as(commands.saveActivityCommand), staffViewer, {
          itemId: "",
          torItemId: String(tor.id),
          title: `Activity ${index + 1}`,
          activityTypeId: String(type.id),
          description: "A description.",
          deliverables: "A report.",
          timeframe: "Year 1",
          responsiblePerson: "Prof. Kari Nordmann",
        });
      expect(await post(as(commands.submitCommand), staffViewer)).toMatchObject({
        status: "error",
        fieldErrors: { subject1: ["Choose the centre's subjects (one to three) before submitting."] },
      });
      await step(as(commands.saveSubjectsCommand), staffViewer, {
        subject1: ehealth!,
        subject2: "",
        subject3: data!,
      });
      expect(
        await prisma.centreSubject.findMany({
          where: { centreId },
          orderBy: { position: "asc" },
          select: { subjectId: true, position: true },
        }),
      ).toEqual([
        { subjectId: Number(ehealth), position: 1 },
        { subjectId: Number(data), position: 2 },
      ]);
      const page = await designationPage(staffViewer, id);
      expect(page.designation.centre.subjects.map((row) => row.subjectId)).toEqual([
        Number(ehealth),
        Number(data),
      ]);
      expect(page.subjectsEditable).toBe(true);

      // Item 6: a returned form says so, with WHO's reason; a resubmitted one no longer does.
      await step(as(commands.submitCommand), staffViewer);
      expect((await designationPage(staffViewer, id)).returned).toBeNull();
      await step(as(commands.returnCommand), officer!, {
        comment: "Name the countries whose laws you compare.",
      });
      const returned = await designationPage(staffViewer, id);
      expect(returned.designation.state).toBe("WITH_INSTITUTION");
      expect(returned.returned?.note?.body).toBe("Name the countries whose laws you compare.");
      expect((await designationPage(officer!, id)).returned?.note?.body).toBe(
        "Name the countries whose laws you compare.",
      );
      await step(as(commands.submitCommand), staffViewer);
      expect((await designationPage(staffViewer, id)).returned).toBeNull();

      // Reviewed and designated; the facet counts before, for comparison.
      const beforeDesignation = await search({});
      const subjectCountBefore = facetCount(beforeDesignation, "subject", DATA_SUBJECT);
      const activityCountBefore = facetCount(beforeDesignation, "activity", types[0]!.name);
      await step(as(commands.endorseCommand), officer!);
      await step(as(commands.clearCommand), unitHead!);
      await step(as(commands.acceptCommand), focalEuro!);
      await step(as(commands.recordConsultationCommand), focalEuro!, {
        outcome: "NO_OBJECTION",
        requestedOn: today,
        repliedOn: today,
      });
      await step(as(commands.decideCommand), focalEuro!, {
        decisionDate: today,
        termYears: "4",
        approverName: "Regional Director",
      });

      // The types of activity follow from the work plan, in its order; website and city from the form.
      expect(
        await prisma.centreActivityType.findMany({
          where: { centreId },
          orderBy: { position: "asc" },
          select: { activityTypeId: true },
        }),
      ).toEqual([{ activityTypeId: types[1]!.id }, { activityTypeId: types[0]!.id }]);
      const searchRow = await prisma.centreSearch.findUniqueOrThrow({
        where: { centreId },
        select: { subjectIds: true, activityTypeIds: true, status: true },
      });
      expect(searchRow).toEqual({
        subjectIds: [Number(ehealth), Number(data)],
        activityTypeIds: [types[1]!.id, types[0]!.id],
        status: "ACTIVE",
      });
      const publicCentre = await findPublicCentre(centre.reference);
      expect(publicCentre).toMatchObject({
        website: "https://healthdata.example.no",
        city: "Oslo",
        institution: { name: "Norwegian Institute of Public Health" },
        activityTypes: [types[1]!.name, types[0]!.name],
      });
      expect(publicCentre?.subjects).toHaveLength(2);

      // Found under its subject and its activity, and counted there (the counters follow the search rows).
      // (Within its country: a page holds 20 of the subject's many imported centres.)
      const country = [publicCentre!.countryCode];
      const queries: Record<string, string[]>[] = [
        { subject: [DATA_SUBJECT], country },
        { activity: [types[0]!.name], country },
        { subject: [DATA_SUBJECT], activity: [types[1]!.name], country },
      ];
      for (const query of queries) {
        const result = await search(query);
        expect(
          result.items.map((item) => item.reference),
          JSON.stringify(query),
        ).toContain(centre.reference);
      }
      const after = await search({});
      expect(facetCount(after, "subject", DATA_SUBJECT)).toBe(subjectCountBefore + 1);
      expect(facetCount(after, "activity", types[0]!.name)).toBe(activityCountBefore + 1);
      expect(facetCount(after, "subject", DATA_SUBJECT)).toBe(
        (await search({ subject: [DATA_SUBJECT] })).total,
      );
    });
  });
}
