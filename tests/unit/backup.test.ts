import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  BACKUP_FORMAT,
  BackupFileError,
  countMismatches,
  loadOrder,
  misorderedTable,
  parseBackupHeader,
  parseBackupTrailer,
  planMigrations,
  schemaDifferences,
  tablesInUse,
  type BackupHeader,
} from "@/domain/backup";
import { decodeCopyLine, decodeCopyValue, readLines } from "@/server/backup/copy-text";
import { readBackup, verifyBackup } from "@/server/backup/read-backup";

const header: BackupHeader = {
  format: BACKUP_FORMAT,
  formatVersion: 1,
  appVersion: "0.1.0",
  createdAt: "2026-12-05T09:00:00.000Z",
  source: { embedded: true, server: "PostgreSQL 18.6 (PGlite 0.5.14)" },
  migrations: ["20261125142517_init", "20261204234438_letter_snapshot"],
  tables: [
    { name: "Region", columns: ["id", "code"] },
    { name: "Country", columns: ["id", "name", "regionId"] },
  ],
  sequences: [{ name: "Region_id_seq", table: "Region", column: "id", lastValue: "2", isCalled: true }],
};

describe("backup header and trailer", () => {
  it("reads a valid header", () => {
    expect(parseBackupHeader(JSON.stringify(header))).toEqual(header);
  });

  it("says what is wrong with a header, in words", () => {
    expect(() => parseBackupHeader("not json")).toThrow(/first line is not a backup header/);
    expect(() => parseBackupHeader(JSON.stringify({ ...header, format: "pg_dump" }))).toThrow(
      "This is not a registry backup file.",
    );
    expect(() => parseBackupHeader(JSON.stringify({ ...header, formatVersion: 2 }))).toThrow(
      /format version 2; this release reads version 1/,
    );
    expect(() => parseBackupHeader(JSON.stringify({ ...header, migrations: ["drop table"] }))).toThrow(
      /header is damaged: migrations.0 is not a migration folder name/,
    );
    const twice = { ...header, tables: [header.tables[0], header.tables[0]] };
    expect(() => parseBackupHeader(JSON.stringify(twice))).toThrow(/names a table twice/);
    const bookkeeping = { ...header, tables: [{ name: "_prisma_migrations", columns: ["id"] }] };
    expect(() => parseBackupHeader(JSON.stringify(bookkeeping))).toThrow(/never copied/);
    expect(() => parseBackupHeader(JSON.stringify(header))).not.toThrow();
  });

  it("checks that the trailer counts exactly the header's tables", () => {
    const trailer = { end: true, rows: { Region: 2, Country: 3 }, sha256: "a".repeat(64) };
    expect(parseBackupTrailer(JSON.stringify(trailer), header)).toEqual(trailer);
    expect(() => parseBackupTrailer(JSON.stringify({ ...trailer, rows: { Region: 2 } }), header)).toThrow(
      /does not count the tables/,
    );
    expect(() => parseBackupTrailer(JSON.stringify({ ...trailer, sha256: "x" }), header)).toThrow(
      /trailer is damaged: sha256/,
    );
    expect(() => parseBackupTrailer("1\tEURO", header)).toThrow(BackupFileError);
  });
});

describe("planMigrations", () => {
  const known = ["20260101000000_a", "20260102000000_b", "20260103000000_c"];

  it("migrates an empty database to the backup's level, not beyond", () => {
    expect(planMigrations({ backup: known.slice(0, 2), known, target: [], failed: [] })).toEqual({
      ok: true,
      apply: ["20260101000000_a", "20260102000000_b"],
    });
  });

  it("brings an older database up to the backup's level; one at it needs nothing", () => {
    expect(planMigrations({ backup: known, known, target: known.slice(0, 1), failed: [] })).toEqual({
      ok: true,
      apply: ["20260102000000_b", "20260103000000_c"],
    });
    expect(planMigrations({ backup: known, known, target: known, failed: [] })).toEqual({
      ok: true,
      apply: [],
    });
  });

  it("refuses a backup from a newer release, naming the migration it lacks", () => {
    const plan = planMigrations({ backup: [...known, "20260104000000_d"], known, target: [], failed: [] });
    expect(plan).toMatchObject({ ok: false, reason: expect.stringContaining("newer release") });
    expect(plan).toMatchObject({ reason: expect.stringContaining("20260104000000_d") });
  });

  it("refuses a target at a later or different level, and one with a failed migration", () => {
    expect(planMigrations({ backup: known.slice(0, 2), known, target: known, failed: [] })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/another migration level.*20260103000000_c/),
    });
    expect(
      planMigrations({ backup: known, known, target: known.slice(0, 1), failed: ["20260102000000_b"] }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining("failed migration (20260102000000_b)") });
  });
});

describe("loadOrder", () => {
  it("puts every table after the tables it references, ties by name", () => {
    const order = loadOrder(
      ["Country", "Region", "Centre", "User", "AuditEvent"],
      [
        { from: "Country", to: "Region" },
        { from: "Centre", to: "Country" },
        { from: "Centre", to: "Region" },
        { from: "AuditEvent", to: "User" },
        { from: "User", to: "User" },
      ],
    );
    expect(order).toEqual(["Region", "User", "AuditEvent", "Country", "Centre"]);
    expect(misorderedTable(order, [{ from: "Centre", to: "Country" }])).toBeUndefined();
    expect(misorderedTable(["Centre", "Country"], [{ from: "Centre", to: "Country" }])).toBe("Centre");
  });

  it("names the tables of a cycle", () => {
    expect(() =>
      loadOrder(
        ["A", "B", "C"],
        [
          { from: "A", to: "B" },
          { from: "B", to: "A" },
        ],
      ),
    ).toThrow(/between A, B form a cycle/);
  });
});

describe("target checks", () => {
  it("lists how the target's tables differ from the backup's", () => {
    const backup = [
      { name: "Region", columns: ["id", "code"] },
      { name: "Gone", columns: ["id"] },
    ];
    const target = [
      { name: "Region", columns: ["id", "name"] },
      { name: "Extra", columns: ["id"] },
    ];
    expect(schemaDifferences(backup, target)).toEqual([
      '"Region" lacks column code',
      '"Region" has column name the backup lacks',
      'table "Gone" is missing',
      'table "Extra" is not in the backup',
    ]);
    expect(schemaDifferences(backup, backup)).toEqual([]);
  });

  it("counts a database as in use by rows in numbered tables only", () => {
    const counts = { SearchDataVersion: 1, User: 0, Centre: 2, AuditEvent: 5 };
    expect(tablesInUse(counts, ["User", "Centre", "AuditEvent"])).toEqual(["AuditEvent", "Centre"]);
    expect(tablesInUse({ SearchDataVersion: 1, User: 0 }, ["User"])).toEqual([]);
  });

  it("names every table whose restored count differs", () => {
    expect(countMismatches({ Region: 6, User: 7 }, { Region: 6, User: 6 })).toEqual([
      '"User": 6 rows, the backup has 7',
    ]);
    expect(countMismatches({ Region: 6 }, { Region: 6 })).toEqual([]);
  });
});

describe("COPY text", () => {
  it("decodes NULL, escapes and tabs between values", () => {
    expect(decodeCopyLine("1\t\\N\tone\\ttwo\\nthree\\\\\t")).toEqual(["1", null, "one\ttwo\nthree\\", ""]);
    expect(decodeCopyValue("\\\\N")).toBe("\\N");
    expect(decodeCopyValue("a\\rb\\bc\\fd\\ve")).toBe("a\rb\bc\fd\ve");
    expect(decodeCopyValue("\\101\\x42\\q")).toBe("ABq");
    expect(decodeCopyValue("Zürich ✓")).toBe("Zürich ✓");
  });

  it("splits lines across chunk boundaries, multi-byte characters included", async () => {
    const bytes = Buffer.from("first\nsecönd\n\nlast");
    const chunks = async function* () {
      for (let index = 0; index < bytes.length; index += 3) yield bytes.subarray(index, index + 3);
    };
    const lines: string[] = [];
    for await (const line of readLines(chunks())) lines.push(line);
    expect(lines).toEqual(["first", "secönd", "", "last"]);
  });
});

describe("reading a backup file", () => {
  let dir: string;
  const rows = { Region: ["1\tEURO", "2\tAFRO"], Country: ["1\tNorway\t1"] };

  function body(tables = rows): string {
    return [JSON.stringify(header), ...tables.Region, "\\.", ...tables.Country, "\\.", ""].join("\n");
  }
  function file(text: string, trailer?: object): Buffer {
    const sha256 = createHash("sha256").update(text).digest("hex");
    const end = trailer ?? { end: true, rows: { Region: 2, Country: 1 }, sha256 };
    return gzipSync(`${text}${JSON.stringify(end)}\n`);
  }
  async function save(name: string, bytes: Buffer): Promise<string> {
    const target = path.join(dir, name);
    await writeFile(target, bytes);
    return target;
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "backup-unit-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("yields the header, each table's rows and the trailer", async () => {
    const events = [];
    for await (const event of readBackup(await save("good.gz", file(body())))) events.push(event);
    expect(events.map((event) => event.kind)).toEqual(["header", "rows", "rows", "end"]);
    expect(events[1]).toEqual({
      kind: "rows",
      table: "Region",
      rows: [
        ["1", "EURO"],
        ["2", "AFRO"],
      ],
    });
    expect(events[2]).toEqual({ kind: "rows", table: "Country", rows: [["1", "Norway", "1"]] });
  });

  it("refuses a file cut short, at any point", async () => {
    const whole = Buffer.from(`${body()}${JSON.stringify({ end: true })}\n`);
    for (const at of [whole.length - 5, body().length - 2, 40]) {
      const cut = await save(`cut-${at}.gz`, gzipSync(whole.subarray(0, at)));
      await expect(verifyBackup(cut)).rejects.toThrow(BackupFileError);
    }
    const good = file(body());
    const truncated = await save("truncated.gz", good.subarray(0, good.length - 10));
    await expect(verifyBackup(truncated)).rejects.toThrow(/incomplete/);
  });

  it("refuses changed contents, wrong counts, extra lines and files that are not backups", async () => {
    const text = body();
    const tampered = await save(
      "tampered.gz",
      gzipSync(
        `${text.replace("Norway", "Narway")}${JSON.stringify({ end: true, rows: { Region: 2, Country: 1 }, sha256: createHash("sha256").update(text).digest("hex") })}\n`,
      ),
    );
    await expect(verifyBackup(tampered)).rejects.toThrow(/checksum does not match/);

    const sha256 = createHash("sha256").update(text).digest("hex");
    const miscounted = await save(
      "miscounted.gz",
      file(text, { end: true, rows: { Region: 3, Country: 1 }, sha256 }),
    );
    await expect(verifyBackup(miscounted)).rejects.toThrow(/row counts of "Region"/);

    const extra = await save("extra.gz", Buffer.concat([file(text), gzipSync("more\n")]));
    await expect(verifyBackup(extra)).rejects.toThrow(/goes on after its trailer/);

    const narrow = await save("narrow.gz", file(body({ ...rows, Country: ["1\tNorway"] })));
    await expect(verifyBackup(narrow)).rejects.toThrow(/Row 1 of table "Country" has 2 values for 3 columns/);

    await expect(verifyBackup(await save("plain.txt", Buffer.from("id,name\n")))).rejects.toThrow(
      /damaged or not a registry backup/,
    );
    const flipped = file(text);
    const at = Math.floor(flipped.length / 2);
    flipped[at] = flipped[at]! ^ 0xff;
    await expect(verifyBackup(await save("flipped.gz", flipped))).rejects.toThrow(BackupFileError);
    await expect(verifyBackup(path.join(dir, "missing.gz"))).rejects.toThrow(/There is no file/);
  });
});
