import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "@/generated/prisma/client";
import { createPrismaClient } from "@/server/db/create-client";
import { ImportFileError } from "@/server/import/csv-file";
import { importLegacyCentres } from "@/server/import/legacy-centres";
import {
  defaultReferenceDataDir,
  loadReferenceData,
  seedReferenceData,
} from "@/server/import/reference-data";

import { createTestDatabase, testDatabaseKinds } from "../support/test-database";

const exportFile = path.join(defaultReferenceDataDir, "who-collaborating-centres-2022.csv");
const now = new Date("2026-01-15T10:00:00.000Z");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe.each(testDatabaseKinds())("legacy import on %s", (kind) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let prisma: PrismaClient;
  let dir = "";
  let header = "";

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    prisma = createPrismaClient(database.url, 2);
    dir = await mkdtemp(path.join(os.tmpdir(), "legacy-import-"));
    header = (await readFile(exportFile, "utf8")).split("\n")[0] ?? "";
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const counts = async () => ({
    centres: await prisma.centre.count(),
    designations: await prisma.designation.count(),
    subjects: await prisma.subject.count(),
    centreSubjects: await prisma.centreSubject.count(),
    centreActivityTypes: await prisma.centreActivityType.count(),
    audits: await prisma.auditEvent.count({ where: { action: "import.legacy-centres" } }),
  });

  it("seeds the reference data, and a second time changes nothing", async () => {
    const data = await loadReferenceData();
    const first = await seedReferenceData(prisma, data);
    expect(first.regions).toEqual({ created: 6, updated: 0, unchanged: 0 });
    expect(first.countries.created).toBe(data.countries.length);
    expect(first.activityTypes).toEqual({ created: 15, updated: 0, unchanged: 0 });
    expect(first.subjects.created).toBe(data.subjects.length);

    const second = await seedReferenceData(prisma, data);
    expect(second.regions).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(second.countries).toEqual({ created: 0, updated: 0, unchanged: data.countries.length });
    expect(second.activityTypes).toEqual({ created: 0, updated: 0, unchanged: 15 });
    expect(second.subjects).toEqual({ created: 0, updated: 0, unchanged: data.subjects.length });

    const southAfrica = await prisma.country.findUniqueOrThrow({
      where: { whoCode: "SOA" },
      include: { region: true },
    });
    expect(southAfrica).toMatchObject({ name: "South Africa", isoCode: "ZA", isoNumeric: "710", version: 1 });
    expect(southAfrica.region.code).toBe("AFRO");
  });

  it("imports the 821 centres of the 2022 export", async () => {
    const started = performance.now();
    const summary = await importLegacyCentres(prisma, exportFile, { now });
    console.log(`[${kind}] first import of 821 centres: ${Math.round(performance.now() - started)} ms`);

    expect(summary).toMatchObject({ records: 821, created: 821, updated: 0, unchanged: 0, skipped: [] });
    expect(summary.warnings.length).toBeGreaterThan(0);
    expect(summary.warnings.every((warning) => warning.line > 1 && warning.reference !== "")).toBe(true);
    const total = await counts();
    expect(total).toMatchObject({ centres: 821, designations: 821, audits: 1 });
    const designated = await prisma.designation.groupBy({ by: ["centreId"], where: { state: "DESIGNATED" } });
    expect(designated).toHaveLength(821);
    expect(await prisma.centre.count({ where: { status: "PENDING" } })).toBe(24);
  });

  it("keeps NOR-18's reference, dates, status, subjects and activity types", async () => {
    const centre = await prisma.centre.findUniqueOrThrow({
      where: { reference: "NOR-18" },
      include: {
        country: true,
        region: true,
        subjects: { include: { subject: true }, orderBy: { position: "asc" } },
        activityTypes: { include: { activityType: true }, orderBy: { position: "asc" } },
        designations: true,
      },
    });
    expect(centre).toMatchObject({
      referenceNumber: 18,
      title: "WHO Collaborating Centre for Digital Health and Telemedicine",
      status: "ACTIVE",
      website: "https://ehealthresearch.no/who",
      initiator: "EURO",
      firstDesignatedOn: day("2002-07-05"),
      termStart: day("2020-09-23"),
      termEnd: day("2022-09-23"),
      statusChangedAt: day("2020-09-23"),
      importedAt: now,
      version: 1,
    });
    expect(centre.country.whoCode).toBe("NOR");
    expect(centre.region.code).toBe("EURO");
    expect(centre.subjects.map((row) => row.subject.name)).toEqual([
      "Health systems research & development",
      "Informatics and Telemedicine",
      "Health Technology (including laboratory services, but excluding blood safety)",
    ]);
    expect(centre.activityTypes.map((row) => row.activityType.name)).toEqual([
      "Providing technical advice to WHO",
      "Development and application of appropriate technology",
      "Research",
    ]);
    expect(centre.designations).toEqual([
      expect.objectContaining({
        kind: "REDESIGNATION",
        state: "DESIGNATED",
        termStart: day("2020-09-23"),
        termEnd: day("2022-09-23"),
        termYears: 2,
        letterDate: day("2020-09-23"),
        decisionDate: day("2020-09-23"),
        frozenVersion: 1,
      }),
    ]);
  });

  it("raises each country's last centre number to its highest imported number", async () => {
    const highest = await prisma.centre.groupBy({ by: ["countryId"], _max: { referenceNumber: true } });
    const countries = new Map((await prisma.country.findMany()).map((country) => [country.id, country]));
    for (const row of highest) {
      expect(countries.get(row.countryId)?.lastCentreNumber).toBe(row._max.referenceNumber);
    }
    expect((await prisma.country.findUniqueOrThrow({ where: { whoCode: "UNK" } })).lastCentreNumber).toBe(
      324,
    );
  });

  it("re-imports without duplicating or touching anything", async () => {
    const before = await counts();
    const started = performance.now();
    const summary = await importLegacyCentres(prisma, exportFile, {
      now: new Date("2026-02-01T00:00:00.000Z"),
    });
    console.log(
      `[${kind}] re-import of 821 unchanged centres: ${Math.round(performance.now() - started)} ms`,
    );

    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 821, skipped: [] });
    expect(await counts()).toEqual({ ...before, audits: before.audits + 1 });
    expect(await prisma.centre.count({ where: { version: { not: 1 } } })).toBe(0);
    expect(await prisma.centre.count({ where: { importedAt: { not: now } } })).toBe(0);
  });

  it("stops on a malformed file with its name and line, and writes nothing", async () => {
    const before = await counts();
    const good =
      'NOR-99,EURO,EURO,NORWAY,2023-01-01,2023-01-01,2027-01-01,Active,"WHO CC for Tests, Mostly",,New subject,,,Research,,';
    const cases = [
      [
        "extra-column.csv",
        [header, good, `${good},surplus`],
        "extra-column.csv:3: wrong number of columns: found 17",
      ],
      [
        "open-quote.csv",
        [header, good, '"NOR-98,EURO'],
        "open-quote.csv:3: a quoted value that starts in this record is never closed",
      ],
      [
        "wrong-header.csv",
        [header.replace("expires_on", "expiry"), good],
        "wrong-header.csv:1: wrong header",
      ],
    ] as const;
    for (const [name, lines, message] of cases) {
      const file = path.join(dir, name);
      await writeFile(file, `${lines.join("\n")}\n`);
      const error = await importLegacyCentres(prisma, file, { now }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ImportFileError);
      expect((error as Error).message).toContain(message);
    }
    expect(await counts()).toEqual(before);
  });

  it("rolls back every write when the transaction fails", async () => {
    const before = await counts();
    // A country in the reference files but not in the database: its centre
    // fails after the new subject of the first centre has been written.
    const referenceDataDir = path.join(dir, "reference");
    await cp(defaultReferenceDataDir, referenceDataDir, { recursive: true });
    const countries = path.join(referenceDataDir, "countries.csv");
    await writeFile(countries, `${await readFile(countries, "utf8")}ATL,,,Atlantis,EURO,ATLANTIS\n`);
    const file = path.join(dir, "atlantis.csv");
    await writeFile(
      file,
      [
        header,
        "NOR-97,EURO,EURO,NORWAY,2023-01-01,2023-01-01,2027-01-01,Active,WHO CC A,,Rollback subject,,,Research,,",
        "ATL-1,EURO,EURO,ATLANTIS,2023-01-01,2023-01-01,2027-01-01,Active,WHO CC B,,,,,Research,,",
        "",
      ].join("\n"),
    );
    await expect(importLegacyCentres(prisma, file, { now, referenceDataDir })).rejects.toThrow(
      /country "ATL" is missing from the database/,
    );
    expect(await counts()).toEqual(before);
    expect(await prisma.subject.findFirst({ where: { name: "Rollback subject" } })).toBeNull();
  });

  it("updates a changed centre in place and adds new ones, skipping what it must", async () => {
    const original = await readFile(exportFile, "utf8");
    const changed = original
      .replace(
        "NOR-18,EURO,EURO,NORWAY,2002-07-05,2020-09-23,2022-09-23,Active,WHO Collaborating Centre for Digital Health and Telemedicine,http://https://ehealthresearch.no/who,Health systems research & development,",
        "NOR-18,EURO,EURO,NORWAY,2002-07-05,2022-09-23,2026-09-23,Pending,WHO Collaborating Centre for Digital Health,http://https://ehealthresearch.no/who,,",
      )
      .concat(
        "NOR-99,EURO,EURO,NORWAY,2023-01-01,2023-01-01,2027-01-01,Active,WHO CC for New Things,,Brand-new subject,,,Research,,\n",
        "NOR-18,EURO,EURO,NORWAY,2023-01-01,2023-01-01,2027-01-01,Active,A duplicate,,,,,,,\n",
        "XXX-1,EURO,EURO,ATLANTIS,2023-01-01,2023-01-01,2027-01-01,Active,Nowhere,,,,,,,\n",
      );
    expect(changed).toContain("WHO Collaborating Centre for Digital Health,http");
    const file = path.join(dir, "changed.csv");
    await writeFile(file, changed);

    const summary = await importLegacyCentres(prisma, file, { now });
    expect(summary).toMatchObject({ created: 1, updated: 1, unchanged: 820 });
    expect(summary.skipped).toEqual([
      { line: 824, reference: "NOR-18", reason: "duplicate of line 530, which owns this reference" },
      {
        line: 825,
        reference: "XXX-1",
        reason: expect.stringMatching(/unknown country "ATLANTIS"/) as unknown,
      },
    ]);

    const centre = await prisma.centre.findUniqueOrThrow({
      where: { reference: "NOR-18" },
      include: { subjects: true, designations: true },
    });
    expect(centre).toMatchObject({
      title: "WHO Collaborating Centre for Digital Health",
      status: "PENDING",
      termStart: day("2022-09-23"),
      termEnd: day("2026-09-23"),
      statusChangedAt: day("2026-09-23"),
      version: 2,
    });
    expect(centre.subjects).toHaveLength(2);
    expect(centre.designations).toEqual([
      expect.objectContaining({
        termStart: day("2022-09-23"),
        termYears: 4,
        letterDate: day("2022-09-23"),
        version: 2,
      }),
    ]);
    expect(await prisma.centre.count()).toBe(822);
    expect(await prisma.designation.count()).toBe(822);
    expect((await prisma.country.findUniqueOrThrow({ where: { whoCode: "NOR" } })).lastCentreNumber).toBe(99);
  });
});
