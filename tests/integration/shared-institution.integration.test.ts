import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { designationLetterContent, plainText } from "@/domain/designation-letter";
import { letterWords } from "@/server/documents/letter-words";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Viewer } from "@/server/auth/viewer";
import type { Command } from "@/server/commands/command";

import { commandRunner, designationCommands, type RunCommand } from "../support/command-runner";
import { testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, demoAccounts, loadViewers, seededDemoDatabase } from "../support/viewers";
import { allCriteriaMet } from "../support/proposal-form";

// Issue #11 item 3, the outside test's scenario: an officer with no scope over
// DEN-70 (the demo's Danish proposal, here taken to designation) proposed a
// Danish centre whose institution name matched DEN-70's in another letter
// case; the proposal silently reused DEN-70's institution row, and saving the
// new draft's details rewrote DEN-70's institution, its public page and its
// issued letter. Centre staff of the new proposal could do the same. Now
// sharing is a choice the proposer is shown, every write goes through the
// one writer that copies a shared row, and letters are frozen when issued.

const meta = { ip: "203.0.113.70", userAgent: "vitest" };
/** Read when used: the run may cross midnight. */
const today = () => new Date().toISOString().slice(0, 10);
const DEN70_TITLE = "WHO Collaborating Centre for Digital Health Literacy";

for (const kind of testDatabaseKinds()) {
  describe(`shared institutions (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let run: RunCommand;
    let commands: typeof import("@/server/commands/designation/review-commands") &
      typeof import("@/server/commands/designation/decision-commands") &
      typeof import("@/server/commands/designation/form-commands") &
      typeof import("@/server/commands/designation/propose-command") &
      typeof import("@/server/commands/designation/edit-proposal-command");
    let findPublicCentre: typeof import("@/server/queries/centre-detail").findPublicCentre;
    let designationLetter: typeof import("@/server/queries/designation-letter").designationLetter;
    const viewers: Record<string, Viewer> = {};
    const as = <I>(command: Command<I>) => command as unknown as Command<never>;

    const designationOf = (title: string) =>
      prisma.designation.findFirstOrThrow({
        where: { centre: { title } },
        select: {
          id: true,
          version: true,
          state: true,
          centreId: true,
          centre: { select: { reference: true } },
        },
      });
    /** One step of the designation chain, which must succeed. */
    async function step(
      title: string,
      command: Command<never>,
      viewer: Viewer,
      values: Record<string, string> = {},
    ) {
      const { id, version } = await designationOf(title);
      const state = await run(
        command,
        { designationId: String(id), version: String(version), ...values },
        viewer,
      );
      expect(state, JSON.stringify(state)).toMatchObject({ status: "success" });
    }
    async function staffFor(centreId: number, email: string) {
      await prisma.user.create({
        data: { email, name: email, roles: { create: { role: "CENTRE_STAFF", centreId } } },
      });
      return (await loadViewers(prisma, { staff: email })).staff;
    }
    /** What the outside test watched: DEN-70's institution row, public page and issued letter. */
    async function den70() {
      const designation = await designationOf(DEN70_TITLE);
      const centre = await prisma.centre.findUniqueOrThrow({
        where: { id: designation.centreId },
        select: { reference: true, institution: true },
      });
      const page = await findPublicCentre(centre.reference);
      const letter = designationLetterContent(
        await designationLetter(viewers.focalEuro!, designation.id),
        await letterWords("en"),
      );
      return {
        institution: centre.institution,
        page: page?.institution,
        letter: letter.address.map(plainText),
      };
    }
    const proposal = async (title: string, values: Record<string, string>) => {
      const denmark = await prisma.country.findUniqueOrThrow({
        where: { whoCode: "DEN" },
        select: { id: true },
      });
      const unit = await prisma.unit.findFirstOrThrow({ where: { code: "HWF" }, select: { id: true } });
      const criteria = allCriteriaMet();
      return {
        institutionName: "university of southern DENMARK",
        department: "",
        title,
        countryId: String(denmark.id),
        unitId: String(unit.id),
        initiator: "HQ",
        jointWorkStart: "2021-01-01",
        jointWorkEnd: "2024-01-01",
        ...criteria,
        ...values,
      };
    };

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      run = await commandRunner(meta);
      commands = await designationCommands();
      findPublicCentre = (await import("@/server/queries/centre-detail")).findPublicCentre;
      designationLetter = (await import("@/server/queries/designation-letter")).designationLetter;
      // An officer responsible for nothing: no scope over DEN-70 at all.
      await prisma.user.create({
        data: { email: "stranger@who.example", name: "Stranger", roles: { create: { role: "OFFICER" } } },
      });
      Object.assign(
        viewers,
        await loadViewers(prisma, { ...demoAccounts, stranger: "stranger@who.example" }),
      );

      // DEN-70, the demo's Danish proposal (with the institution), taken to designation.
      const den = await designationOf(DEN70_TITLE);
      expect(den.centre.reference).toBe("DEN-70");
      const staff = await staffFor(den.centreId, "staff.den70@centre.example");
      await step(DEN70_TITLE, as(commands.saveDetailsCommand), staff, {
        headOfCentreName: "Prof. Signe Madsen",
        headOfCentreEmail: "signe@sdu.example",
        department: "Department of Public Health",
        address: "Campusvej 55",
        city: "Odense",
        postalCode: "5230",
      });
      await step(DEN70_TITLE, as(commands.saveTorItemCommand), staff, {
        itemId: "",
        text: "To support WHO in measuring digital health literacy.",
      });
      const type = await prisma.activityType.findFirstOrThrow({ select: { id: true } });
      const bare = await prisma.termsOfReferenceItem.findMany({
        where: { designationId: den.id, activities: { none: {} } },
        select: { id: true },
      });
      for (const tor of bare)
        await step(DEN70_TITLE, as(commands.saveActivityCommand), staff, {
          itemId: "",
          torItemId: String(tor.id),
          title: "A survey instrument",
          activityTypeId: String(type.id),
          description: "A validated survey instrument.",
          deliverables: "The instrument, published by WHO.",
          timeframe: "Year 1",
          responsiblePerson: "Prof. Signe Madsen",
        });
      const subject = await prisma.subject.findFirstOrThrow({ select: { id: true } });
      await step(DEN70_TITLE, as(commands.saveSubjectsCommand), staff, { subject1: String(subject.id) });
      await step(DEN70_TITLE, as(commands.submitCommand), staff);
      await step(DEN70_TITLE, as(commands.endorseCommand), viewers.officer!);
      await step(DEN70_TITLE, as(commands.clearCommand), viewers.unitHead!);
      await step(DEN70_TITLE, as(commands.acceptCommand), viewers.focalEuro!);
      await step(DEN70_TITLE, as(commands.recordConsultationCommand), viewers.focalEuro!, {
        outcome: "NO_OBJECTION",
        requestedOn: today(),
        repliedOn: today(),
      });
      await step(DEN70_TITLE, as(commands.decideCommand), viewers.focalEuro!, {
        decisionDate: today(),
        termYears: "4",
        approverName: "Regional Director",
      });
      expect((await designationOf(DEN70_TITLE)).state).toBe("DESIGNATED");
    });

    afterAll(() => closeTestDatabase(prisma, database));

    it("asks the proposer before sharing a same-name institution, storing nothing until they choose", async () => {
      const before = await den70();
      expect(before.page).toMatchObject({
        name: "University of Southern Denmark",
        department: "Department of Public Health",
      });
      expect(before.letter).toContain("Department of Public Health");
      const numbers = () =>
        prisma.country.findUniqueOrThrow({ where: { whoCode: "DEN" }, select: { lastCentreNumber: true } });
      const last = await numbers();
      const centres = await prisma.centre.count();

      const values = await proposal("WHO Collaborating Centre for Stranger Things", {
        department: "The stranger's department",
      });
      const asked = await run(as(commands.proposeCommand), values, viewers.stranger!);
      expect(asked).toMatchObject({
        status: "error",
        fieldErrors: {
          institutionChoice: [
            expect.stringContaining("“University of Southern Denmark” (Department of Public Health, Odense)"),
          ],
        },
        values: {
          institutionName: "university of southern DENMARK",
          department: "The stranger's department",
          // The record asked about comes back with the question; no choice is kept.
          institutionChoice: "",
          institutionShared: String(before.institution!.id),
        },
      });
      expect(await numbers()).toEqual(last);
      expect(await prisma.centre.count()).toBe(centres);

      // Choosing a new record: its own row, under the name as typed.
      await expect(
        run(as(commands.proposeCommand), { ...values, institutionChoice: "new" }, viewers.stranger!),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      const own = await prisma.centre.findFirstOrThrow({
        where: { title: values.title },
        select: { institution: true },
      });
      expect(own.institution).toMatchObject({
        name: "university of southern DENMARK",
        department: "The stranger's department",
      });
      expect(await den70()).toEqual(before);
      // Its officer edits the draft to DEN-70's spelling: a rename of its own record only.
      const draft = await designationOf(values.title);
      const edited = await run(
        as(commands.editProposalCommand),
        {
          // The edit form has no country: the reference number was taken from its sequence.
          ...Object.fromEntries(Object.entries(values).filter(([key]) => key !== "countryId")),
          designationId: String(draft.id),
          version: String(draft.version),
          institutionName: "University of Southern Denmark",
          department: "The stranger's other department",
        },
        viewers.stranger!,
      );
      expect(edited, JSON.stringify(edited)).toMatchObject({ status: "success" });
      expect(await den70()).toEqual(before);
      // "existing" where the country has no such institution is refused at the field.
      const none = await run(
        as(commands.proposeCommand),
        { ...values, institutionName: "No Such Institute", institutionChoice: "existing" },
        viewers.stranger!,
      );
      expect(none).toMatchObject({
        status: "error",
        fieldErrors: { institutionName: [expect.any(String)] },
      });
    });

    it("never rewrites DEN-70's institution, public page or letter through a proposal that shares it", async () => {
      const before = await den70();
      const title = "WHO Collaborating Centre for Shared Records";
      // The stranger chooses to share the record, knowingly.
      await expect(
        run(
          as(commands.proposeCommand),
          await proposal(title, {
            institutionChoice: "existing",
            institutionShared: String(before.institution!.id),
          }),
          viewers.stranger!,
        ),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      const shared = await prisma.centre.findFirstOrThrow({
        where: { title },
        select: { id: true, institutionId: true },
      });
      expect(shared.institutionId).toBe(before.institution!.id);

      // The outside test's move: saving the new draft's details.
      await step(title, as(commands.saveDetailsCommand), viewers.stranger!, {
        department: "The stranger's department",
        address: "1 Nowhere Street",
        city: "Nowhere",
      });
      expect(await den70()).toEqual(before);
      const copy = await prisma.centre.findUniqueOrThrow({
        where: { id: shared.id },
        select: { institution: true },
      });
      expect(copy.institution).toMatchObject({
        name: "University of Southern Denmark",
        department: "The stranger's department",
        city: "Nowhere",
      });
      expect(copy.institution!.id).not.toBe(before.institution!.id);

      // Centre staff of another proposal sharing the record, once it is with them.
      const second = "WHO Collaborating Centre for Shared Records Two";
      await expect(
        run(
          as(commands.proposeCommand),
          await proposal(second, {
            institutionChoice: "existing",
            institutionShared: String(before.institution!.id),
          }),
          viewers.stranger!,
        ),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      await step(second, as(commands.sendCommand), viewers.stranger!);
      const staff = await staffFor((await designationOf(second)).centreId, "staff.shared@centre.example");
      await step(second, as(commands.saveDetailsCommand), staff, {
        department: "Staff's own department",
        postalCode: "0000",
      });
      expect(await den70()).toEqual(before);
    });

    it("shares only the record the proposer was shown, asking again otherwise", async () => {
      const before = await den70();
      const centres = await prisma.centre.count();
      // Scenario A: "existing" on the first submit, never having been shown the record.
      const blind = await run(
        as(commands.proposeCommand),
        await proposal("WHO Collaborating Centre for Blind Sharing", { institutionChoice: "existing" }),
        viewers.stranger!,
      );
      expect(blind).toMatchObject({
        status: "error",
        fieldErrors: { institutionChoice: [expect.stringContaining("University of Southern Denmark")] },
        values: { institutionChoice: "", institutionShared: String(before.institution!.id) },
      });
      expect(await prisma.centre.count()).toBe(centres);

      // Scenario B: asked about one record, chose it, then corrected the name to another one's.
      const denmark = await prisma.country.findUniqueOrThrow({ where: { whoCode: "DEN" } });
      const other = await prisma.institution.create({
        data: { name: "Aarhus University", department: "Aarhus's department", countryId: denmark.id },
      });
      const corrected = await run(
        as(commands.proposeCommand),
        await proposal("WHO Collaborating Centre for Corrected Names", {
          institutionName: "Aarhus University",
          institutionChoice: "existing",
          institutionShared: String(before.institution!.id),
        }),
        viewers.stranger!,
      );
      expect(corrected).toMatchObject({
        status: "error",
        fieldErrors: {
          institutionChoice: [expect.stringContaining("“Aarhus University” (Aarhus's department)")],
        },
        values: { institutionChoice: "", institutionShared: String(other.id) },
      });
      expect(await prisma.centre.count()).toBe(centres);
      expect(await prisma.institution.findUniqueOrThrow({ where: { id: other.id } })).toEqual(other);
    });

    it("keeps the department typed when a draft switches to a shared record", async () => {
      const before = await den70();
      const title = "WHO Collaborating Centre for Switched Records";
      await expect(
        run(
          as(commands.proposeCommand),
          await proposal(title, { institutionName: "Own Institute", department: "Typed department" }),
          viewers.stranger!,
        ),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      const draft = await designationOf(title);
      const values = await proposal(title, {
        institutionName: "University of Southern Denmark",
        department: "Typed department",
        institutionChoice: "existing",
        institutionShared: String(before.institution!.id),
      });
      const edited = await run(
        as(commands.editProposalCommand),
        {
          ...Object.fromEntries(Object.entries(values).filter(([key]) => key !== "countryId")),
          designationId: String(draft.id),
          version: String(draft.version),
        },
        viewers.stranger!,
      );
      expect(edited, JSON.stringify(edited)).toMatchObject({ status: "success" });
      const centre = await prisma.centre.findUniqueOrThrow({
        where: { id: draft.centreId },
        select: { institution: true },
      });
      expect(centre.institution).toMatchObject({
        name: "University of Southern Denmark",
        department: "Typed department",
      });
      expect(await den70()).toEqual(before);
    });

    // PostgreSQL only: PGlite runs one transaction at a time, so two cannot hold a row together.
    it.skipIf(kind === "pglite")(
      "locks a record once for a proposer who may write it: two of them never deadlock",
      async () => {
        const before = await den70();
        const { sameNameInstitution, writeCentreInstitution } =
          await import("@/server/institutions/centre-institution");
        const { centreId } = await designationOf(DEN70_TITLE);
        const countryId = (await prisma.country.findUniqueOrThrow({ where: { whoCode: "DEN" } })).id;
        // Each: look at the record (as the share question does), then write through it.
        // The second starts only once the first holds the row, and the first writes only
        // once the second holds it too or waits for it (seen in pg_stat_activity).
        let held!: () => void;
        const firstHolds = new Promise<void>((resolve) => (held = resolve));
        let secondHolds = false;
        const secondWaitsOrHolds = async () => {
          for (;;) {
            if (secondHolds) return;
            const [waiting] = await prisma.$queryRaw<{ n: number }[]>`
              SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE wait_event_type = 'Lock' AND query ILIKE '%FROM "Institution"%'`;
            if (waiting!.n > 0) return;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        };
        const look = async (
          tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0],
          then: () => Promise<void>,
        ) => {
          await sameNameInstitution(tx, countryId, "University of Southern Denmark");
          await then();
          // The same department: nothing written, but the row is locked for writing.
          await writeCentreInstitution(tx, centreId, { department: before.institution!.department });
        };
        const first = prisma.$transaction((tx) =>
          look(tx, async () => {
            held();
            await secondWaitsOrHolds();
          }),
        );
        await firstHolds;
        const second = prisma.$transaction((tx) =>
          look(tx, async () => {
            secondHolds = true;
          }),
        );
        const results = await Promise.allSettled([first, second]);
        expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
        expect(await den70()).toEqual(before);
      },
    );

    it("keeps an issued letter as it was issued, whatever happens to the institution later", async () => {
      const before = await den70();
      // Any later change of DEN-70's own record (a correction by its own staff in a redesignation, say).
      await prisma.institution.update({
        where: { id: before.institution!.id },
        data: { department: "Department of Later Changes", city: "Aarhus" },
      });
      const after = await den70();
      expect(after.page).toMatchObject({ department: "Department of Later Changes" });
      expect(after.letter).toEqual(before.letter);
      expect(after.letter.join("\n")).toContain("Department of Public Health");
      expect(after.letter.join("\n")).toContain("5230 Odense");
    });
  });
}
