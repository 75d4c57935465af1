import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { ImportFileError, parseCsvText, readCsvFile } from "@/server/import/csv-file";

const columns = ["a", "b", "c"] as const;

function problem(text: string): string {
  try {
    parseCsvText("x.csv", text, columns);
  } catch (error) {
    if (error instanceof ImportFileError) return error.message;
    throw error;
  }
  throw new Error("expected an ImportFileError");
}

describe("parseCsvText", () => {
  it("returns records by column name with the line where each starts", () => {
    const text = 'a,b,c\n1,2,3\n\n"multi\nline",5,6\n7,8,9\n';
    expect(parseCsvText("x.csv", text, columns)).toEqual([
      { line: 2, record: { a: "1", b: "2", c: "3" } },
      { line: 4, record: { a: "multi\nline", b: "5", c: "6" } },
      { line: 6, record: { a: "7", b: "8", c: "9" } },
    ]);
  });

  it("accepts the columns in any order", () => {
    expect(parseCsvText("x.csv", "c,a,b\n3,1,2\n", columns)[0]?.record).toEqual({ a: "1", b: "2", c: "3" });
  });

  it("counts lines right with Windows line breaks and a byte-order mark", () => {
    const text = '\uFEFFa,b,c\r\n"x\r\ny",2,3\r\n4,5,6\r\n';
    expect(parseCsvText("x.csv", text, columns).map((row) => row.line)).toEqual([2, 4]);
  });

  it("keeps commas inside quoted values", () => {
    expect(parseCsvText("x.csv", 'a,b,c\n"Research, Training",2,3\n', columns)[0]?.record.a).toBe(
      "Research, Training",
    );
  });

  it("gives no records for a header alone", () => {
    expect(parseCsvText("x.csv", "a,b,c\n", columns)).toEqual([]);
  });

  it("stops on an empty file", () => {
    expect(problem("")).toBe("x.csv:1: the file is empty: expected a header line");
  });

  it("stops on a wrong header and says what is wrong", () => {
    expect(problem("a,b,d\n1,2,3\n")).toBe(
      'x.csv:1: wrong header (missing c; unexpected "d"); expected a,b,c',
    );
    expect(problem("a,b,c,a\n1,2,3,4\n")).toMatch(/^x\.csv:1: wrong header \(repeated a\)/);
  });

  it("stops on a record with the wrong number of columns", () => {
    expect(problem("a,b,c\n1,2,3\n1,2,3,4\n")).toBe(
      "x.csv:3: wrong number of columns: found 4, the header has 3",
    );
    expect(problem("a,b,c\n1,2,3\n\n1,2\n")).toBe(
      "x.csv:4: wrong number of columns: found 2, the header has 3",
    );
  });

  it("stops at the line where an unterminated quote opens", () => {
    expect(problem('a,b,c\n1,2,3\n\n"open,2,3\n4,5,6\n')).toBe(
      "x.csv:4: a quoted value that starts in this record is never closed",
    );
  });

  it("stops on a quote inside an unquoted value", () => {
    expect(problem('a,b,c\n1,2,3\nab"c"d,2,3\n')).toMatch(/^x\.csv:3: a quote inside an unquoted value/);
  });

  it("stops on a stray quote inside a quoted value", () => {
    expect(problem('a,b,c\n1,2,3\n"bad"x,2,3\n')).toMatch(/^x\.csv:3: a quote inside a value is not doubled/);
  });
});

describe("readCsvFile", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "csv-file-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a UTF-8 file", async () => {
    const file = path.join(dir, "ok.csv");
    await writeFile(file, "a,b,c\nTÜRKIYE,2,3\n");
    expect((await readCsvFile(file, columns))[0]?.record.a).toBe("TÜRKIYE");
  });

  it("names the first line that is not UTF-8", async () => {
    const file = path.join(dir, "latin1.csv");
    await writeFile(
      file,
      Buffer.concat([
        Buffer.from("a,b,c\n1,2,3\n"),
        Buffer.from([0x54, 0xdc, 0x52, 0x2c, 0x32, 0x2c, 0x33, 0x0a]),
      ]),
    );
    await expect(readCsvFile(file, columns)).rejects.toThrow(/latin1\.csv:3: is not UTF-8 text/);
  });

  it("says when the file cannot be read", async () => {
    await expect(readCsvFile(path.join(dir, "missing.csv"), columns)).rejects.toThrow(
      /missing\.csv: no such file$/,
    );
  });
});
