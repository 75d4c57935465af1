import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "@/generated/prisma/client";
import type { Command } from "@/server/commands/command";
import type { Viewer } from "@/server/auth/viewer";

import { commandRunner, designationCommands, type RunCommand } from "../support/command-runner";
import { pdfText } from "../support/pdf-text";
import { testDatabaseKinds, type TestDatabase } from "../support/test-database";
import { closeTestDatabase, demoAccounts, loadViewers, seededDemoDatabase } from "../support/viewers";
import { allCriteriaMet } from "../support/proposal-form";

// The designation life cycle on the demo seed (PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set), through executeCommand exactly as the server
// actions run it: the whole chain from a draft proposal to an Active centre
// and its letter (HTML content and PDF), editing a draft proposal, comments
// anchored to ToR items and activities, the bad inputs of issue 5, and
// docs/security.md scenarios 1 (other centre), 3 (mass assignment), 6
// (concurrency) and 7 (stale edit) on these actions.

const meta = { ip: "203.0.113.9", userAgent: "vitest" };
const today = new Date().toISOString().slice(0, 10);

for (const kind of testDatabaseKinds()) {
  describe(`designation life cycle (${kind})`, () => {
    let database: TestDatabase;
    let prisma: PrismaClient;
    let run: RunCommand;
    let commands: typeof import("@/server/commands/designation/review-commands") &
      typeof import("@/server/commands/designation/decision-commands") &
      typeof import("@/server/commands/designation/form-commands") &
      typeof import("@/server/commands/designation/comment-commands") &
      typeof import("@/server/commands/designation/propose-command") &
      typeof import("@/server/commands/designation/edit-proposal-command");
    let similarCentres: typeof import("@/server/queries/designation-similar").similarCentres;
    const viewers: Record<string, Viewer> = {};

    async function designationOf(title: string) {
      return prisma.designation.findFirstOrThrow({
        where: { centre: { title } },
        select: { id: true, version: true, state: true, centreId: true },
      });
    }
    // Commands are typed per input; the test posts raw strings like a browser does.
    const as = <I>(command: Command<I>) => command as unknown as Command<never>;

    beforeAll(async () => {
      ({ database, prisma } = await seededDemoDatabase(kind));
      run = await commandRunner(meta);
      commands = await designationCommands();
      similarCentres = (await import("@/server/queries/designation-similar")).similarCentres;
      // Staff for the Norwegian proposal, which the demo seed leaves as a draft.
      const draft = await designationOf("WHO Collaborating Centre for Health Data Governance");
      await prisma.user.create({
        data: {
          email: "staff.newnor@centre.example",
          name: "New Staff",
          roles: { create: { role: "CENTRE_STAFF", centreId: draft.centreId } },
        },
      });
      Object.assign(
        viewers,
        await loadViewers(prisma, { ...demoAccounts, staffNew: "staff.newnor@centre.example" }),
      );
    });

    afterAll(() => closeTestDatabase(prisma, database));

    it("takes a draft proposal through the whole chain to an Active centre", async () => {
      const title = "WHO Collaborating Centre for Health Data Governance";
      const step = async (command: Command<never>, viewer: Viewer, values: Record<string, string> = {}) => {
        const { id, version } = await designationOf(title);
        const state = await run(
          command,
          { designationId: String(id), version: String(version), ...values },
          viewer,
        );
        expect(state, JSON.stringify(state)).toMatchObject({ status: "success" });
        return designationOf(title);
      };
      const { officer, unitHead, focalEuro, staffNew } = viewers as Record<string, Viewer>;
      expect((await designationOf(title)).state).toBe("DRAFT");

      // Staff do not see, let alone submit, a draft proposal.
      const early = await designationOf(title);
      const hidden = await run(
        as(commands.submitCommand),
        { designationId: String(early.id), version: String(early.version) },
        staffNew!,
      );
      expect(hidden.message).toMatch(/could not find/);

      expect((await step(as(commands.sendCommand), officer!)).state).toBe("WITH_INSTITUTION");
      // My work labels the form as its page's badge does: sent, not yet returned.
      const { myWork } = await import("@/server/queries/my-work");
      const { designationBadgeLabel, returnedLabel } = await import("@/domain/designation-return");
      const myFormDetail = async () =>
        (await myWork(staffNew!))
          .filter((section) => section.id.startsWith("staff-designation-"))
          .flatMap((section) => section.items)
          .find((item) => item.href === `/designations/${early.id}`)?.detail;
      expect(await myFormDetail()).toMatch(
        new RegExp(`^Designation: ${designationBadgeLabel("WITH_INSTITUTION", false)}, waiting`),
      );

      // Submitting an empty form fails at the field and changes nothing.
      const before = await designationOf(title);
      const empty = await run(
        as(commands.submitCommand),
        { designationId: String(before.id), version: String(before.version) },
        staffNew!,
      );
      expect(empty).toMatchObject({
        status: "error",
        fieldErrors: { headOfCentreName: [expect.any(String)] },
      });
      expect(await designationOf(title)).toEqual(before);

      await step(as(commands.saveDetailsCommand), staffNew!, {
        headOfCentreName: "Prof. Kari Nordmann",
        headOfCentreEmail: "kari@fhi.example",
        city: "Oslo",
      });
      await step(as(commands.saveTorItemCommand), staffNew!, {
        itemId: "",
        text: "To support WHO in developing guidance on health data governance.",
      });
      const tor = await prisma.termsOfReferenceItem.findFirstOrThrow({
        where: { designationId: before.id },
        select: { id: true },
      });
      const countTor = () => prisma.termsOfReferenceItem.count({ where: { designationId: before.id } });
      // An empty ToR item is refused at the field; nothing stored, the version unchanged.
      const unchanged = await designationOf(title);
      const emptyTor = await run(
        as(commands.saveTorItemCommand),
        { designationId: String(unchanged.id), version: String(unchanged.version), itemId: "", text: "   " },
        staffNew!,
      );
      expect(emptyTor).toMatchObject({
        status: "error",
        fieldErrors: { text: ["Enter the term of reference."] },
      });
      expect(await countTor()).toBe(1);
      expect(await designationOf(title)).toEqual(unchanged);
      // A tampered item id (another designation's ToR item) is not found; that item is untouched.
      const foreignItem = await prisma.termsOfReferenceItem.findFirstOrThrow({
        where: { designationId: { not: before.id } },
        select: { id: true, text: true, version: true },
      });
      const tampered = await run(
        as(commands.saveTorItemCommand),
        {
          designationId: String(unchanged.id),
          version: String(unchanged.version),
          itemId: String(foreignItem.id),
          text: "Overwritten from another centre",
        },
        staffNew!,
      );
      expect(tampered).toMatchObject({ status: "error", message: expect.stringMatching(/no longer exists/) });
      expect(
        await prisma.termsOfReferenceItem.findUniqueOrThrow({
          where: { id: foreignItem.id },
          select: { id: true, text: true, version: true },
        }),
      ).toEqual(foreignItem);
      expect(await designationOf(title)).toEqual(unchanged);
      // A second ToR item, added then removed: an activity linked to it is refused at the field.
      await step(as(commands.saveTorItemCommand), staffNew!, { itemId: "", text: "A short-lived item." });
      const removed = await prisma.termsOfReferenceItem.findFirstOrThrow({
        where: { designationId: before.id, text: "A short-lived item." },
        select: { id: true },
      });
      await step(as(commands.removeTorItemCommand), staffNew!, { itemId: String(removed.id) });
      expect(await countTor()).toBe(1);
      // A comment next to the ToR item it is about; another designation's item is refused.
      const anchored = await run(
        as(commands.addCommentCommand),
        {
          designationId: String(before.id),
          body: "Is this wording final?",
          visibility: "CENTRE",
          anchor: `tor:${tor.id}`,
        },
        staffNew!,
      );
      expect(anchored.status).toBe("success");
      const otherTor = await prisma.termsOfReferenceItem.findFirstOrThrow({
        where: { designationId: { not: before.id } },
        select: { id: true },
      });
      const foreign = await run(
        as(commands.addCommentCommand),
        { designationId: String(before.id), body: "x", visibility: "CENTRE", anchor: `tor:${otherTor.id}` },
        staffNew!,
      );
      expect(foreign.status).toBe("error");
      // Centre staff cannot write internal comments.
      const internal = await run(
        as(commands.addCommentCommand),
        { designationId: String(before.id), body: "x", visibility: "INTERNAL" },
        staffNew!,
      );
      expect(internal.status).toBe("error");
      expect(
        await prisma.comment.findMany({
          where: { designationId: before.id },
          select: { anchor: true, body: true },
        }),
      ).toEqual([{ anchor: `tor:${tor.id}`, body: "Is this wording final?" }]);
      const activityType = await prisma.activityType.findFirstOrThrow({ select: { id: true } });
      const activity = {
        itemId: "",
        torItemId: String(tor.id),
        title: "Review of national data governance laws",
        activityTypeId: String(activityType.id),
        description: "A comparative review of 20 national laws.",
        deliverables: "A report published by WHO.",
        timeframe: "Year 1",
        responsiblePerson: "Prof. Kari Nordmann",
      };
      // An activity linked to a ToR item of another designation is refused at the field.
      const foreignTor = await prisma.termsOfReferenceItem.findFirstOrThrow({
        where: { designationId: { not: before.id } },
        select: { id: true },
      });
      const current = await designationOf(title);
      const linked = await run(
        as(commands.saveActivityCommand),
        {
          designationId: String(current.id),
          version: String(current.version),
          ...activity,
          torItemId: String(foreignTor.id),
        },
        staffNew!,
      );
      expect(linked).toMatchObject({ status: "error", fieldErrors: { torItemId: [expect.any(String)] } });
      expect(linked.values?.title).toBe(activity.title);
      const toDeleted = await run(
        as(commands.saveActivityCommand),
        {
          designationId: String(current.id),
          version: String(current.version),
          ...activity,
          torItemId: String(removed.id),
        },
        staffNew!,
      );
      expect(toDeleted).toMatchObject({
        status: "error",
        fieldErrors: { torItemId: ["That term of reference no longer exists. Choose another one."] },
        values: { description: activity.description },
      });
      expect(await prisma.workPlanActivity.count({ where: { designationId: before.id } })).toBe(0);
      expect(await designationOf(title)).toEqual(current);
      await step(as(commands.saveActivityCommand), staffNew!, activity);
      const savedActivity = await prisma.workPlanActivity.findFirstOrThrow({
        where: { designationId: before.id },
        select: { id: true },
      });

      // A comment next to the activity it is about; another designation's activity is refused, nothing stored.
      const onActivity = await run(
        as(commands.addCommentCommand),
        {
          designationId: String(before.id),
          body: "Which 20 countries?",
          visibility: "CENTRE",
          anchor: `activity:${savedActivity.id}`,
        },
        staffNew!,
      );
      expect(onActivity.status).toBe("success");
      const foreignActivity = await prisma.workPlanActivity.findFirstOrThrow({
        where: { designationId: { not: before.id } },
        select: { id: true },
      });
      const commentsBefore = await prisma.comment.count();
      for (const anchor of [`activity:${foreignActivity.id}`, "activity:999999999"]) {
        const foreignComment = await run(
          as(commands.addCommentCommand),
          { designationId: String(before.id), body: "Tampered", visibility: "CENTRE", anchor },
          staffNew!,
        );
        expect(foreignComment, anchor).toMatchObject({
          status: "error",
          fieldErrors: { anchor: ["That activity no longer exists. Reload the page."] },
          values: { body: "Tampered" },
        });
      }
      const malformed = await run(
        as(commands.addCommentCommand),
        { designationId: String(before.id), body: "Tampered", visibility: "CENTRE", anchor: "return:DRAFT" },
        staffNew!,
      );
      expect(malformed).toMatchObject({ status: "error", fieldErrors: { anchor: [expect.any(String)] } });
      expect(await prisma.comment.count()).toBe(commentsBefore);

      // A first designation names the centre's subjects before it is submitted (decision 0025).
      const subject = await prisma.subject.findFirstOrThrow({ select: { id: true } });
      await step(as(commands.saveSubjectsCommand), staffNew!, { subject1: String(subject.id) });
      expect((await step(as(commands.submitCommand), staffNew!)).state).toBe("SUBMITTED");
      // Returned and resubmitted: the anchored comments stay next to what they are about.
      expect(
        (await step(as(commands.returnCommand), officer!, { comment: "Name the 20 countries." })).state,
      ).toBe("WITH_INSTITUTION");
      // Returned: My work says so with the words of the designation's page, not "With the institution".
      expect(await myFormDetail()).toMatch(new RegExp(`^Designation: ${returnedLabel}, waiting`));
      expect((await step(as(commands.submitCommand), staffNew!)).state).toBe("SUBMITTED");
      expect(
        await prisma.comment.findMany({
          where: { designationId: before.id },
          orderBy: { id: "asc" },
          select: { anchor: true, body: true },
        }),
      ).toEqual([
        { anchor: `tor:${tor.id}`, body: "Is this wording final?" },
        { anchor: `activity:${savedActivity.id}`, body: "Which 20 countries?" },
        { anchor: "return:SUBMITTED", body: "Name the 20 countries." },
      ]);
      expect((await step(as(commands.endorseCommand), officer!)).state).toBe("TECHNICAL_CLEARANCE");
      expect((await step(as(commands.clearCommand), unitHead!)).state).toBe("REGIONAL_REVIEW");
      expect((await step(as(commands.acceptCommand), focalEuro!)).state).toBe("GOVERNMENT_CONSULTATION");

      // "Not required" is for redesignations only.
      const consult = await designationOf(title);
      const notRequired = await run(
        as(commands.recordConsultationCommand),
        { designationId: String(consult.id), version: String(consult.version), outcome: "NOT_REQUIRED" },
        focalEuro!,
      );
      expect(notRequired).toMatchObject({ status: "error", fieldErrors: { outcome: [expect.any(String)] } });
      expect(
        (
          await step(as(commands.recordConsultationCommand), focalEuro!, {
            outcome: "NO_OBJECTION",
            requestedOn: today,
            repliedOn: today,
          })
        ).state,
      ).toBe("APPROVAL");

      // A term of 5 years is refused at the field, nothing stored.
      const approval = await designationOf(title);
      const tooLong = await run(
        as(commands.decideCommand),
        {
          designationId: String(approval.id),
          version: String(approval.version),
          decisionDate: today,
          termYears: "5",
          approverName: "Regional Director",
        },
        focalEuro!,
      );
      expect(tooLong).toMatchObject({ status: "error", fieldErrors: { termYears: [expect.any(String)] } });
      expect(await designationOf(title)).toEqual(approval);
      // A decision dated before the submission is refused at the field, nothing stored.
      const beforeSubmission = await run(
        as(commands.decideCommand),
        {
          designationId: String(approval.id),
          version: String(approval.version),
          decisionDate: "2020-01-01",
          termYears: "4",
          approverName: "Regional Director",
        },
        focalEuro!,
      );
      expect(beforeSubmission).toMatchObject({
        status: "error",
        fieldErrors: { decisionDate: [expect.stringMatching(/before the submission/)] },
        values: { approverName: "Regional Director" },
      });
      expect(await designationOf(title)).toEqual(approval);

      const done = await step(as(commands.decideCommand), focalEuro!, {
        decisionDate: today,
        termYears: "4",
        approverName: "Regional Director",
      });
      expect(done.state).toBe("DESIGNATED");
      const designation = await prisma.designation.findUniqueOrThrow({
        where: { id: done.id },
        select: {
          frozenVersion: true,
          termYears: true,
          termStart: true,
          termEnd: true,
          letterReference: true,
        },
      });
      expect(designation.frozenVersion).toBe(1);
      expect(designation.termStart?.toISOString().slice(0, 10)).toBe(today);
      expect(designation.termEnd?.toISOString().slice(0, 4)).toBe(String(Number(today.slice(0, 4)) + 4));
      const centre = await prisma.centre.findUniqueOrThrow({
        where: { id: done.centreId },
        select: { status: true, termStart: true, termEnd: true, firstDesignatedOn: true },
      });
      expect(centre.status).toBe("ACTIVE");
      expect(centre.termEnd).toEqual(designation.termEnd);
      expect(centre.firstDesignatedOn).toEqual(designation.termStart);

      // One audit row per transition, in order, with actor and role.
      const audit = await prisma.auditEvent.findMany({
        where: { entityType: "Designation", entityId: String(done.id), toState: { not: null } },
        orderBy: { id: "asc" },
        select: { action: true, fromState: true, toState: true, actorRole: true },
      });
      expect(audit.filter((row) => row.action !== "designation.seeded").map((row) => row.action)).toEqual([
        "designation.send",
        "designation.submit",
        "designation.return",
        "designation.submit",
        "designation.endorse",
        "designation.clear",
        "designation.accept",
        "designation.record-consultation",
        "designation.decide",
      ]);
      // Each step mailed whoever acts next: the unit head was asked to clear, the focal point to review.
      const mail = await prisma.outboxMessage.findMany({
        where: { kind: "designation.transition" },
        select: { toEmail: true, subject: true },
      });
      expect(
        mail.some((m) => m.toEmail === "unit.head@who.example" && /Technical clearance/.test(m.subject)),
      ).toBe(true);
      expect(
        mail.some((m) => m.toEmail === "focal.euro@who.example" && /Regional review/.test(m.subject)),
      ).toBe(true);
      expect(
        mail.some((m) => m.toEmail === "staff.newnor@centre.example" && /Designated/.test(m.subject)),
      ).toBe(true);

      // The letter (the same content for the HTML page and the PDF) for the centre's staff;
      // staff of another centre are answered not-found.
      const { designationLetter } = await import("@/server/queries/designation-letter");
      const { designationLetterContent, plainText } = await import("@/domain/designation-letter");
      const { designationLetterPdf } = await import("@/server/documents/designation-letter-pdf");
      const { letterWords } = await import("@/server/documents/letter-words");
      const { AccessDenied } = await import("@/server/policy/authorize");
      const letter = await designationLetter(staffNew!, done.id);
      // The codes of the country and region the letter names, for letters in other languages.
      expect(letter.centre.country.isoCode).toBe("NO");
      expect(letter.centre.region.code).toBe("EURO");
      const content = designationLetterContent(letter, await letterWords("en"));
      expect(plainText(content.referenceLine)).toContain(designation.letterReference!);
      expect(content.torItems).toEqual(["To support WHO in developing guidance on health data governance."]);
      const pdf = Buffer.from(
        await designationLetterPdf(content, { letterDate: letter.letterDate, compress: false }),
      );
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const text = pdfText(pdf);
      expect(text).toContain(`Our reference: ${designation.letterReference}`);
      expect(text).toContain("Prof. Kari Nordmann");
      expect(text).toContain("1.To support WHO in developing guidance on health data governance.");
      // The same letter in Russian: the country and region in Russian, the centre's content as written.
      const russian = designationLetterContent(letter, await letterWords("ru"));
      expect(russian.region).toBe("Европейский регион");
      expect(russian.address.map(plainText).at(-1)).toMatch(/Норвегия$/);
      expect(russian.torItems).toEqual(content.torItems);
      await expect(designationLetter(viewers.staffNor18!, done.id)).rejects.toBeInstanceOf(AccessDenied);
      // Not designated (yet): no letter, for anyone.
      const open = await designationOf("WHO Collaborating Centre for Digital Health Literacy");
      await expect(designationLetter(viewers.admin!, open.id)).rejects.toBeInstanceOf(AccessDenied);
      // A designation that does not exist is not-found for everyone, administrators included (not a 500).
      await expect(designationLetter(viewers.admin!, 2_000_000_000)).rejects.toBeInstanceOf(AccessDenied);

      // Frozen: no one may edit the designated form any more.
      const frozen = await run(
        as(commands.saveTorItemCommand),
        { designationId: String(done.id), version: String(done.version), itemId: "", text: "Late addition" },
        viewers.officer!,
      );
      expect(frozen.status).toBe("error");
    });

    it("creates a proposal with the country's next reference number and warns of similar centres", async () => {
      const norway = await prisma.country.findUniqueOrThrow({
        where: { whoCode: "NOR" },
        select: { id: true, lastCentreNumber: true },
      });
      const existing = await prisma.centre.findFirstOrThrow({
        where: { countryId: norway.id, status: "ACTIVE" },
        select: { reference: true, title: true },
      });
      const unit = await prisma.unit.findFirstOrThrow({ select: { id: true } });
      const criteria = allCriteriaMet();
      const proposal = {
        institutionName: "Oslo University Hospital",
        department: "",
        title: existing.title,
        countryId: String(norway.id),
        unitId: String(unit.id),
        initiator: "EURO",
        jointWorkStart: "2023-01-01",
        jointWorkEnd: "2024-06-30",
        ...criteria,
      };
      // Less than two years of joint work: refused at the field, nothing stored, nothing numbered.
      const short = await run(as(commands.proposeCommand), proposal, viewers.officer!);
      expect(short).toMatchObject({ status: "error", fieldErrors: { jointWorkEnd: [expect.any(String)] } });
      expect(short.values?.institutionName).toBe("Oslo University Hospital");
      // Centre staff cannot propose.
      const staff = await run(
        as(commands.proposeCommand),
        { ...proposal, jointWorkEnd: "2025-06-30" },
        viewers.staffNor18!,
      );
      expect(staff.status).toBe("error");
      expect(
        (
          await prisma.country.findUniqueOrThrow({
            where: { id: norway.id },
            select: { lastCentreNumber: true },
          })
        ).lastCentreNumber,
      ).toBe(norway.lastCentreNumber);

      await expect(
        run(as(commands.proposeCommand), { ...proposal, jointWorkEnd: "2025-06-30" }, viewers.officer!),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      const created = await prisma.centre.findFirstOrThrow({
        where: { countryId: norway.id, referenceNumber: norway.lastCentreNumber + 1 },
        select: { id: true, reference: true, status: true, responsibleOfficerId: true, designations: true },
      });
      expect(created).toMatchObject({
        reference: `NOR-${norway.lastCentreNumber + 1}`,
        status: "PROPOSED",
        responsibleOfficerId: viewers.officer!.id,
      });
      expect(created.designations).toMatchObject([
        { state: "DRAFT", kind: "INITIAL", proposedById: viewers.officer!.id },
      ]);
      const similar = await similarCentres(created.id);
      expect(similar.map((centre) => centre.reference)).toContain(existing.reference);
    });

    it("edits a draft proposal, keeping its reference number and country", async () => {
      const sweden = await prisma.country.findUniqueOrThrow({
        where: { whoCode: "SWE" },
        select: { id: true, lastCentreNumber: true },
      });
      const [unit, otherUnit] = await prisma.unit.findMany({
        take: 2,
        orderBy: { id: "asc" },
        select: { id: true },
      });
      const criteria = allCriteriaMet();
      const proposal = {
        institutionName: "Karolinska Institutet",
        department: "Department of Global Public Health",
        title: "WHO Collaborating Centre for Health Systems Resilience",
        unitId: String(unit!.id),
        initiator: "EURO",
        jointWorkStart: "2021-01-01",
        jointWorkEnd: "2024-01-01",
        ...criteria,
      };
      await expect(
        run(as(commands.proposeCommand), { ...proposal, countryId: String(sweden.id) }, viewers.officer!),
      ).rejects.toThrow(/NEXT_REDIRECT/);
      const centre = await prisma.centre.findFirstOrThrow({
        where: { countryId: sweden.id, referenceNumber: sweden.lastCentreNumber + 1 },
        select: { id: true, reference: true, institutionId: true, designations: { select: { id: true } } },
      });
      const designationId = centre.designations[0]!.id;
      const load = () =>
        prisma.designation.findUniqueOrThrow({
          where: { id: designationId },
          select: {
            version: true,
            state: true,
            eligibility: true,
            jointWorkEnd: true,
            centre: {
              select: {
                reference: true,
                countryId: true,
                title: true,
                unitId: true,
                initiator: true,
                institution: { select: { id: true, name: true, department: true } },
              },
            },
          },
        });
      const start = await load();
      const edit = (values: Record<string, string>, viewer: Viewer, version = start.version) =>
        run(
          as(commands.editProposalCommand),
          { designationId: String(designationId), version: String(version), ...proposal, ...values },
          viewer,
        );

      // Bad input: a field error, the values echoed back, nothing stored.
      const short = await edit(
        { jointWorkEnd: "2022-06-30", title: "WHO Collaborating Centre for Resilience" },
        viewers.officer!,
      );
      expect(short).toMatchObject({
        status: "error",
        fieldErrors: { jointWorkEnd: ["The joint work must cover at least two years."] },
        values: { title: "WHO Collaborating Centre for Resilience" },
      });
      // The country cannot be changed (it is not a field of the form), nor the state.
      const extras: Record<string, string>[] = [
        { countryId: "1" },
        { state: "WITH_INSTITUTION" },
        { reference: "SWE-1" },
      ];
      for (const extra of extras) {
        const result = await edit(extra, viewers.officer!);
        expect(result.fieldErrors?.form).toEqual(["This form has fields it should not have."]);
      }
      // Only the responsible officer (or an administrator): not another officer, not centre staff.
      expect((await edit({ title: "WHO Collaborating Centre for Other" }, viewers.unitHead!)).status).toBe(
        "error",
      );
      expect((await edit({ title: "WHO Collaborating Centre for Other" }, viewers.staffNor18!)).status).toBe(
        "error",
      );
      expect(await load()).toEqual(start);
      expect(await edit({}, viewers.officer!)).toMatchObject({
        status: "success",
        message: "Nothing changed.",
      });
      expect(await load()).toEqual(start);

      const saved = await edit(
        {
          institutionName: "Karolinska Institute",
          title: "WHO Collaborating Centre for Health Systems Resilience and Preparedness",
          unitId: String(otherUnit!.id),
          jointWorkEnd: "2025-01-01",
          stabilityJustification: "Core funding secured until 2030.",
        },
        viewers.officer!,
      );
      expect(saved).toMatchObject({ status: "success", message: "Proposal saved." });
      const after = await load();
      expect(after).toMatchObject({
        version: start.version + 1,
        state: "DRAFT",
        centre: {
          reference: centre.reference,
          countryId: sweden.id,
          title: "WHO Collaborating Centre for Health Systems Resilience and Preparedness",
          unitId: otherUnit!.id,
          institution: { name: "Karolinska Institute", department: "Department of Global Public Health" },
        },
      });
      // A new name is another institution (created, since none of that name exists); the old one is untouched.
      expect(after.centre.institution?.id).not.toBe(centre.institutionId);
      expect(
        await prisma.institution.findUniqueOrThrow({
          where: { id: centre.institutionId! },
          select: { name: true },
        }),
      ).toEqual({ name: "Karolinska Institutet" });
      expect(after.jointWorkEnd?.toISOString().slice(0, 10)).toBe("2025-01-01");
      expect((after.eligibility as Record<string, { justification: string }>).stability?.justification).toBe(
        "Core funding secured until 2030.",
      );
      expect(
        await prisma.country.findUniqueOrThrow({
          where: { id: sweden.id },
          select: { lastCentreNumber: true },
        }),
      ).toEqual({ lastCentreNumber: sweden.lastCentreNumber + 1 });
      const audit = await prisma.auditEvent.findFirstOrThrow({
        where: { action: "designation.edit-proposal", entityId: String(designationId) },
        select: { details: true, actorRole: true },
      });
      expect(audit.details).toMatchObject({
        changed: ["institutionName", "title", "unitId", "jointWork", "eligibility"],
      });

      // A stale tab (the version before that save) is told, and stores nothing.
      const stale = await edit({ title: "WHO Collaborating Centre for Stale Titles" }, viewers.officer!);
      expect(stale).toMatchObject({
        status: "error",
        values: { title: "WHO Collaborating Centre for Stale Titles" },
      });
      expect(stale.message).toMatch(/Someone else changed this designation/);
      expect(await load()).toEqual(after);

      // Once sent to the institution, the proposal is no longer editable.
      const send = await run(
        as(commands.sendCommand),
        { designationId: String(designationId), version: String(after.version) },
        viewers.officer!,
      );
      expect(send.status).toBe("success");
      const sent = await load();
      const late = await edit(
        { title: "WHO Collaborating Centre for Late Changes" },
        viewers.officer!,
        sent.version,
      );
      expect(late).toMatchObject({ status: "error", message: "This cannot be done at this stage." });
      expect(await load()).toEqual(sent);
    });

    it("an edit never changes an institution other centres share, nor a designated centre through its redesignation", async () => {
      const sweden = await prisma.country.findUniqueOrThrow({
        where: { whoCode: "SWE" },
        select: { id: true },
      });
      const unit = await prisma.unit.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
      const criteria = allCriteriaMet();
      const proposal = (title: string) => ({
        institutionName: "Shared Institute of Public Health",
        department: "Department A",
        title,
        unitId: String(unit.id),
        initiator: "EURO",
        jointWorkStart: "2021-01-01",
        jointWorkEnd: "2024-01-01",
        ...criteria,
      });
      const propose = async (title: string, institutionChoice = "", institutionShared = "") => {
        await expect(
          run(
            as(commands.proposeCommand),
            { ...proposal(title), countryId: String(sweden.id), institutionChoice, institutionShared },
            viewers.officer!,
          ),
        ).rejects.toThrow(/NEXT_REDIRECT/);
        return prisma.centre.findFirstOrThrow({
          where: { title },
          select: { id: true, institutionId: true, designations: { select: { id: true, version: true } } },
        });
      };
      const first = await propose("WHO Collaborating Centre for Shared Institutions One");
      // Sharing the record is the proposer's explicit choice (src/domain/designation-proposal.ts).
      const second = await propose(
        "WHO Collaborating Centre for Shared Institutions Two",
        "existing",
        String(first.institutionId),
      );
      expect(second.institutionId).toBe(first.institutionId);
      const shared = await prisma.institution.findUniqueOrThrow({ where: { id: first.institutionId! } });

      const edited = await run(
        as(commands.editProposalCommand),
        {
          designationId: String(second.designations[0]!.id),
          version: String(second.designations[0]!.version),
          ...proposal("WHO Collaborating Centre for Shared Institutions Two"),
          institutionName: "Shared institute of public health",
          department: "Department B",
        },
        viewers.officer!,
      );
      expect(edited).toMatchObject({ status: "success" });
      // The first centre's institution is exactly as it was; the second centre has its own row now.
      expect(await prisma.institution.findUniqueOrThrow({ where: { id: shared.id } })).toEqual(shared);
      const moved = await prisma.centre.findUniqueOrThrow({
        where: { id: second.id },
        select: { institution: { select: { id: true, name: true, department: true } } },
      });
      expect(moved.institution).toMatchObject({
        name: "Shared institute of public health",
        department: "Department B",
      });
      expect(moved.institution!.id).not.toBe(shared.id);

      // A redesignation's draft is not a proposal: the designated centre's details stay.
      const nor18 = await prisma.centre.findUniqueOrThrow({
        where: { reference: "NOR-18" },
        select: { id: true, title: true, unitId: true, institutionId: true, version: true },
      });
      const redesignation = await prisma.designation.create({
        data: {
          centreId: nor18.id,
          kind: "REDESIGNATION",
          state: "DRAFT",
          proposedById: viewers.officer!.id,
        },
        select: { id: true, version: true },
      });
      const refused = await run(
        as(commands.editProposalCommand),
        {
          designationId: String(redesignation.id),
          version: String(redesignation.version),
          ...proposal("WHO Collaborating Centre for Something Else Entirely"),
        },
        viewers.officer!,
      );
      expect(refused).toMatchObject({
        status: "error",
        message: "A redesignation does not change the centre's proposal details.",
      });
      expect(
        await prisma.centre.findUniqueOrThrow({
          where: { id: nor18.id },
          select: { id: true, title: true, unitId: true, institutionId: true, version: true },
        }),
      ).toEqual(nor18);
      await prisma.designation.delete({ where: { id: redesignation.id } });
    });

    it("lets exactly one of several simultaneous endorsements win (scenario 6)", async () => {
      const title = "WHO Collaborating Centre for Community Health Worker Training";
      const before = await designationOf(title);
      expect(before.state).toBe("SUBMITTED");
      // The responsible officer of this proposal is the unit head's officer account.
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          run(
            as(commands.endorseCommand),
            { designationId: String(before.id), version: String(before.version) },
            viewers.unitHead!,
          ),
        ),
      );
      expect(results.filter((r) => r.status === "success")).toHaveLength(1);
      const losers = results.filter((r) => r.status === "error");
      expect(losers).toHaveLength(7);
      for (const loser of losers) expect(loser.message).toMatch(/Someone else changed this designation/);
      const after = await designationOf(title);
      expect(after).toMatchObject({ state: "TECHNICAL_CLEARANCE", version: before.version + 1 });
      expect(
        await prisma.auditEvent.count({
          where: { action: "designation.endorse", entityId: String(before.id) },
        }),
      ).toBe(1);
    });

    it("refuses a save carrying an old version and keeps the first save (scenario 7)", async () => {
      const title = "WHO Collaborating Centre for Digital Health Literacy";
      const before = await designationOf(title);
      expect(before.state).toBe("WITH_INSTITUTION");
      const values = { designationId: String(before.id), version: String(before.version), itemId: "" };
      const first = await run(
        as(commands.saveTorItemCommand),
        { ...values, text: "First save" },
        viewers.officer!,
      );
      expect(first.status).toBe("success");
      const stale = await run(
        as(commands.saveTorItemCommand),
        { ...values, text: "Stale save" },
        viewers.officer!,
      );
      expect(stale).toMatchObject({ status: "error", values: { text: "Stale save" } });
      expect(stale.message).toMatch(/Someone else changed/);
      const texts = await prisma.termsOfReferenceItem.findMany({
        where: { designationId: before.id },
        select: { text: true },
      });
      expect(texts.map((t) => t.text)).toContain("First save");
      expect(texts.map((t) => t.text)).not.toContain("Stale save");
    });

    it("rejects extra fields (scenario 3) and stores nothing", async () => {
      const title = "WHO Collaborating Centre for Health Information Systems";
      const before = await designationOf(title);
      expect(before.state).toBe("REGIONAL_REVIEW");
      const base = { designationId: String(before.id), version: String(before.version) };
      const extras: Record<string, string>[] = [
        { state: "DESIGNATED" },
        { centreId: "1" },
        { termEnd: "2099-01-01" },
        { role: "ADMIN" },
      ];
      for (const extra of extras) {
        const result = await run(as(commands.acceptCommand), { ...base, ...extra }, viewers.focalEuro!);
        expect(result.status).toBe("error");
        expect(result.fieldErrors?.form).toEqual(["This form has fields it should not have."]);
      }
      expect(await designationOf(title)).toEqual(before);
    });

    it("answers not-found to staff of another centre for every action, DB unchanged (scenario 1)", async () => {
      const targets = await prisma.designation.findMany({
        where: { centre: { reference: { not: "NOR-18" } }, state: { notIn: ["DESIGNATED"] } },
        select: { id: true, version: true, state: true, updatedAt: true },
        take: 10,
        orderBy: { id: "desc" },
      });
      const denialsBefore = await prisma.auditEvent.count({ where: { action: "authz.denied" } });
      const all: Command<never>[] = [
        commands.sendCommand,
        commands.submitCommand,
        commands.returnCommand,
        commands.endorseCommand,
        commands.clearCommand,
        commands.returnToOfficerCommand,
        commands.returnToCentreCommand,
        commands.acceptCommand,
        commands.recordConsultationCommand,
        commands.decideCommand,
        commands.withdrawCommand,
        commands.rejectCommand,
        commands.saveDetailsCommand,
        commands.saveTorItemCommand,
        commands.addCommentCommand,
      ].map((command) => as(command as Command<unknown>));
      const values = {
        comment: "x",
        reason: "x",
        outcome: "NO_OBJECTION",
        requestedOn: today,
        repliedOn: today,
        decisionDate: today,
        termYears: "4",
        approverName: "x",
      };
      for (const target of targets) {
        for (const command of all) {
          const fields: Record<string, string> = {
            designationId: String(target.id),
            version: String(target.version),
          };
          const schema = command.schema as unknown as { shape?: Record<string, unknown> };
          for (const [key, value] of Object.entries({
            ...values,
            text: "x",
            visibility: "CENTRE",
            body: "x",
            itemId: "",
          }))
            if (schema.shape && key in schema.shape) fields[key] = value;
          if (command.name === "designation.comment") delete fields.version;
          const result = await run(as(command), fields, viewers.staffNor18!);
          expect(result.status, `${command.name} on ${target.id}`).toBe("error");
          expect(result.message).toMatch(/could not find that/);
        }
      }
      const after = await prisma.designation.findMany({
        where: { id: { in: targets.map((t) => t.id) } },
        select: { id: true, version: true, state: true, updatedAt: true },
        orderBy: { id: "desc" },
      });
      expect(after).toEqual(targets);
      expect(await prisma.auditEvent.count({ where: { action: "authz.denied" } })).toBeGreaterThanOrEqual(
        denialsBefore + targets.length * all.length,
      );
    });
  });
}
