import { describe, expect, it } from "vitest";

import { designationLetterContent, type LetterFacts } from "@/domain/designation-letter";
import { designationLetterPdf } from "@/server/documents/designation-letter-pdf";

import { pdfText } from "../support/pdf-text";

const facts: LetterFacts = {
  kind: "INITIAL",
  letterReference: "SWE-77/2026/1",
  letterDate: "2026-03-01",
  termYears: 4,
  termStart: "2026-03-01",
  termEnd: "2030-03-01",
  approverName: "Regional Director",
  frozenVersion: 1,
  headOfCentreName: "Prof. Åsa Öberg",
  headOfCentreTitle: null,
  centre: {
    reference: "SWE-77",
    title: "WHO Collaborating Centre for Global Health Research",
    country: { name: "Sweden" },
    region: { name: "European Region" },
    institution: {
      name: "Umeå University",
      department: " ",
      address: null,
      city: "Umeå",
      postalCode: "901 87",
    },
  },
  termsOfReference: [{ text: "To support WHO." }, { text: "To train health workers." }],
};

describe("designation letter content", () => {
  it("says who, what, which term and which terms of reference", () => {
    const content = designationLetterContent(facts);
    expect(content.referenceLine).toBe("Our reference: SWE-77/2026/1 · 1 March 2026");
    // Empty lines of the address are left out; the place line ends with the country.
    expect(content.address).toEqual(["Prof. Åsa Öberg", "Umeå University", "901 87 Umeå, Sweden"]);
    expect(content.title).toBe("Designation as a WHO Collaborating Centre for Global Health Research");
    // The term is [start, end): the letter names the last day, the day before the end date.
    expect(content.opening.map((run) => run.text).join("")).toBe(
      "I am pleased to inform you that Umeå University has been designated as the WHO Collaborating Centre for Global Health Research (reference SWE-77) for a term of 4 years, from 1 March 2026 to 28 February 2030.",
    );
    expect(content.opening.find((run) => run.strong)?.text).toBe(facts.centre.title);
    expect(content.torHeading).toBe("Terms of reference (approved version 1)");
    expect(content.torItems).toEqual(["To support WHO.", "To train health workers."]);
    expect(content.signOff).toEqual(["Yours sincerely,", "Regional Director"]);
    expect(content.fileName).toBe("designation-letter-SWE-77-2026-1.pdf");
  });

  it("words a redesignation of one year, without an institution or a place", () => {
    const content = designationLetterContent({
      ...facts,
      kind: "REDESIGNATION",
      termYears: 1,
      termEnd: "2027-03-01",
      frozenVersion: 3,
      centre: { ...facts.centre, institution: null },
    });
    expect(content.title).toMatch(/^Redesignation as a /);
    const opening = content.opening.map((run) => run.text).join("");
    expect(opening).toMatch(/^I am pleased to inform you that your institution has been redesignated/);
    expect(opening).toMatch(/a term of 1 year, from 1 March 2026 to 28 February 2027\.$/);
    expect(content.address).toEqual(["Prof. Åsa Öberg", "Sweden"]);
    expect(content.torHeading).toMatch(/version 3/);
  });

  it("keeps only safe characters in the file name", () => {
    const content = designationLetterContent({ ...facts, letterReference: '"NOR-18"/2026/2\r\n' });
    expect(content.fileName).toBe("designation-letter-NOR-18-2026-2.pdf");
  });
});

describe("designation letter PDF", () => {
  it("is a PDF with the letter's words, accents and Cyrillic included", async () => {
    const content = designationLetterContent({
      ...facts,
      headOfCentreTitle: "Заведующая отделом\u200b",
    });
    const bytes = await designationLetterPdf(content, {
      letterDate: facts.letterDate,
      reference: "SWE-77/2026/1",
      compress: false,
    });
    const pdf = Buffer.from(bytes);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Our reference: SWE-77/2026/1 · 1 March 2026");
    expect(text).toContain("Prof. Åsa Öberg");
    // Invisible format characters (a zero-width space in the data) are dropped.
    expect(text).toContain("Заведующая отделом\n");
    expect(text).toContain("1.To support WHO.");
    expect(text).toContain("Regional Director");
    expect(pdf.toString("latin1")).toMatch(/\/Lang \(en\)/);
  });

  it("draws a character the font lacks as a question mark and breaks long letters over pages", async () => {
    const content = designationLetterContent({
      ...facts,
      centre: { ...facts.centre, institution: { ...facts.centre.institution!, name: "北京大学" } },
      termsOfReference: Array.from({ length: 40 }, (_, index) => ({
        text: `Term of reference number ${index + 1}, long enough to wrap over two lines of the letter when set in eleven point type.`,
      })),
    });
    const pdf = Buffer.from(
      await designationLetterPdf(content, { letterDate: facts.letterDate, reference: "x", compress: false }),
    );
    const text = pdfText(pdf);
    expect(text).toContain("that ???? has been");
    expect(text).toContain("Term of reference number 40,");
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(1);
  });
});
