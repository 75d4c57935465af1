import { beforeAll, describe, expect, it } from "vitest";

import {
  designationLetterContent,
  plainText,
  type LetterFacts,
  type LetterWords,
} from "@/domain/designation-letter";
import { designationLetterPdf } from "@/server/documents/designation-letter-pdf";
import { letterWords } from "@/server/documents/letter-words";

import { extractPdfText } from "../support/pdf-extract";
import { pdfText } from "../support/pdf-text";

let english: LetterWords;
beforeAll(async () => {
  english = await letterWords("en");
});

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
    country: { name: "Sweden", isoCode: "SE" },
    region: { name: "European Region", code: "EURO" },
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
    const content = designationLetterContent(facts, english);
    expect(plainText(content.referenceLine)).toBe("Our reference: SWE-77/2026/1 · 1 March 2026");
    // Empty lines of the address are left out; the place line ends with the country.
    expect(content.address.map(plainText)).toEqual([
      "Prof. Åsa Öberg",
      "Umeå University",
      "901 87 Umeå, Sweden",
    ]);
    expect(plainText(content.title)).toBe(
      "Designation as a WHO Collaborating Centre for Global Health Research",
    );
    expect(content).toMatchObject({ lang: "en", dir: "ltr", organisation: "World Health Organization" });
    expect(content.region).toBe("European Region");
    // The term is [start, end): the letter names the last day, the day before the end date.
    expect(content.opening.map((run) => run.text).join("")).toBe(
      "I am pleased to inform you that Umeå University has been designated as the WHO Collaborating Centre for Global Health Research (reference SWE-77) for a term of 4 years, from 1 March 2026 to 28 February 2030.",
    );
    expect(content.opening.find((run) => run.strong)?.text).toBe(facts.centre.title);
    expect(content.torHeading).toBe("Terms of reference (approved version 1)");
    expect(content.torItems).toEqual(["To support WHO.", "To train health workers."]);
    expect(content.signOff.map(plainText)).toEqual(["Yours sincerely,", "Regional Director"]);
    // The centre's own words are runs of their own (isolated: <bdi> in HTML), the title in bold.
    expect(content.opening.filter((run) => run.isolate).map((run) => run.text)).toEqual([
      "Umeå University",
      facts.centre.title,
      "SWE-77",
    ]);
    expect(content.fileName).toBe("designation-letter-SWE-77-2026-1.pdf");
  });

  it("words a redesignation of one year, without an institution or a place", () => {
    const content = designationLetterContent(
      {
        ...facts,
        kind: "REDESIGNATION",
        termYears: 1,
        termEnd: "2027-03-01",
        frozenVersion: 3,
        centre: { ...facts.centre, institution: null },
      },
      english,
    );
    expect(plainText(content.title)).toMatch(/^Redesignation as a /);
    const opening = content.opening.map((run) => run.text).join("");
    expect(opening).toMatch(/^I am pleased to inform you that your institution has been redesignated/);
    expect(opening).toMatch(/a term of 1 year, from 1 March 2026 to 28 February 2027\.$/);
    expect(content.address.map(plainText)).toEqual(["Prof. Åsa Öberg", "Sweden"]);
    expect(content.torHeading).toMatch(/version 3/);
  });

  it("keeps only safe characters in the file name", () => {
    const content = designationLetterContent({ ...facts, letterReference: '"NOR-18"/2026/2\r\n' }, english);
    expect(content.fileName).toBe("designation-letter-NOR-18-2026-2.pdf");
  });
});

describe("designation letter PDF", () => {
  it("is a PDF with the letter's words, accents and Cyrillic included", async () => {
    const content = designationLetterContent(
      { ...facts, headOfCentreTitle: "Заведующая отделом\u200b" },
      english,
    );
    const bytes = await designationLetterPdf(content, { letterDate: facts.letterDate, compress: false });
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

  it("draws a character no face has as a question mark and breaks long letters over pages", async () => {
    const content = designationLetterContent(
      {
        ...facts,
        // Ethiopic: none of the letter's faces has it.
        centre: { ...facts.centre, institution: { ...facts.centre.institution!, name: "ሰላም" } },
        termsOfReference: Array.from({ length: 40 }, (_, index) => ({
          text: `Term of reference number ${index + 1}, long enough to wrap over two lines of the letter when set in eleven point type.`,
        })),
      },
      english,
    );
    const pdf = Buffer.from(
      await designationLetterPdf(content, { letterDate: facts.letterDate, compress: false }),
    );
    const text = pdfText(pdf);
    expect(text).toContain("that ??? has been");
    expect(text).toContain("Term of reference number 40,");
    expect(pdf.toString("latin1").match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(1);
  });
});

// The letter in the other languages and scripts (decision 0031). The PDF's
// text is read back as a reader extracts it (pdf.js through unpdf, which
// reorders right-to-left text as copying from a viewer does).

const cairo: LetterFacts = {
  ...facts,
  headOfCentreName: "د. ليلى حداد",
  centre: {
    reference: "EGY-12",
    title: "المركز المتعاون مع منظمة الصحة العالمية لأبحاث الصحة العالمية",
    country: { name: "Egypt", isoCode: "EG" },
    region: { name: "Eastern Mediterranean Region", code: "EMRO" },
    institution: {
      name: "جامعة القاهرة",
      department: "كلية الطب",
      address: "شارع الجامعة 12",
      city: "القاهرة",
      postalCode: "12613",
    },
  },
  termsOfReference: [
    { text: "دعم منظمة الصحة العالمية في البحوث (الصحة العالمية) لعام 2026." },
    { text: "To train health workers." },
  ],
};

const beijing: LetterFacts = {
  ...facts,
  headOfCentreName: "王丽华教授",
  centre: {
    reference: "CHN-31",
    title: "世卫组织全球卫生研究合作中心",
    country: { name: "China", isoCode: "CN" },
    region: { name: "Western Pacific Region", code: "WPRO" },
    institution: {
      name: "北京大学公共卫生学院",
      department: null,
      address: "海淀区学院路38号",
      city: "北京",
      postalCode: "100191",
    },
  },
  termsOfReference: [
    {
      text: "协助世卫组织开展全球卫生研究，并就研究方法、数据分析和政策建议提供技术支持，以促进区域内各国卫生系统的加强和全民健康覆盖目标的实现。",
    },
  ],
};

async function letterPdf(letter: LetterFacts, locale: Parameters<typeof letterWords>[0]) {
  const content = designationLetterContent(letter, await letterWords(locale));
  return { content, pdf: await designationLetterPdf(content, { letterDate: letter.letterDate }) };
}

/** The glyphs of every font embedded in the PDF that have no outline (a space has none). */
async function glyphsWithoutOutline(pdf: Uint8Array): Promise<number> {
  const { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } = await import("pdf-lib");
  const fontkit = (await import("@pdf-lib/fontkit")).default;
  const document = await PDFDocument.load(pdf);
  let blank = 0;
  let fonts = 0;
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    const file = object instanceof PDFDict ? object.get(PDFName.of("FontFile2")) : undefined;
    if (!(file instanceof PDFRef)) continue;
    const stream = document.context.lookup(file);
    if (!(stream instanceof PDFRawStream)) continue;
    fonts++;
    const font = fontkit.create(Buffer.from(decodePDFRawStream(stream).decode()));
    for (let id = 1; id < font.numGlyphs; id++) if (font.getGlyph(id).path.toSVG() === "") blank++;
  }
  expect(fonts).toBeGreaterThan(0);
  return blank;
}

describe("designation letter in six languages", () => {
  it("says the date, the term, the region and the country in the letter's language", async () => {
    const words = Object.fromEntries(
      await Promise.all(
        (["ar", "zh", "fr", "ru", "es"] as const).map(async (l) => [l, await letterWords(l)]),
      ),
    ) as Record<"ar" | "zh" | "fr" | "ru" | "es", LetterWords>;
    const text = (locale: keyof typeof words) => {
      const content = designationLetterContent(facts, words[locale]);
      return {
        content,
        all: [content.referenceLine, ...content.address, content.title, content.opening].map(plainText),
      };
    };
    expect(text("fr").all).toEqual(
      expect.arrayContaining([
        "Notre référence\u202f: SWE-77/2026/1 · 1 mars 2026",
        "901 87 Umeå, Suède",
        expect.stringContaining("pour une période de 4 ans, du 1 mars 2026 au 28 février 2030."),
      ]),
    );
    expect(text("fr").content.region).toBe("Région européenne");
    expect(text("ru").all).toEqual(
      expect.arrayContaining([
        "Исх. № SWE-77/2026/1 от 1 марта 2026 г.",
        "901 87 Umeå, Швеция",
        expect.stringContaining("на срок 4 года, с 1 марта 2026 г. по 28 февраля 2030 г."),
      ]),
    );
    expect(text("es").all).toContain("Nuestra referencia: SWE-77/2026/1 · 1 de marzo de 2026");
    expect(text("zh").all).toContain("我方编号：SWE-77/2026/1 · 2026年3月1日");
    expect(text("zh").all).toContain("901 87 Umeå，瑞典");
    expect(text("zh").content.region).toBe("欧洲区域");
    const arabic = text("ar");
    expect(arabic.content).toMatchObject({ lang: "ar", dir: "rtl", organisation: "منظمة الصحة العالمية" });
    expect(arabic.all).toContain("901 87 Umeå، السويد");
    expect(arabic.all.at(-1)).toContain("لمدة 4 سنوات");
    // The centre's content stays as written, in every language.
    for (const locale of ["ar", "zh", "fr", "ru", "es"] as const) {
      const { content } = text(locale);
      expect(content.torItems).toEqual(["To support WHO.", "To train health workers."]);
      expect(content.title.find((run) => run.isolate)?.text).toBe(facts.centre.title);
      expect(content.fileName).toBe(`designation-letter-SWE-77-2026-1-${locale}.pdf`);
    }
  });

  it("keeps WHO's official English country names in an English letter", async () => {
    const korea = {
      ...facts,
      centre: { ...facts.centre, country: { name: "Republic of Korea", isoCode: "KR" } },
    };
    expect(designationLetterContent(korea, english).address.map(plainText).at(-1)).toBe(
      "901 87 Umeå, Republic of Korea",
    );
    expect(
      designationLetterContent(korea, await letterWords("zh"))
        .address.map(plainText)
        .at(-1),
    ).toBe("901 87 Umeå，韩国");
  });

  it("says the stored names when the record has no codes", async () => {
    const content = designationLetterContent(
      {
        ...facts,
        centre: { ...facts.centre, country: { name: "Sweden" }, region: { name: "Europe (old)" } },
      },
      await letterWords("fr"),
    );
    expect(content.region).toBe("Europe (old)");
    expect(content.address.map(plainText).at(-1)).toBe("901 87 Umeå, Sweden");
  });

  it("prints an Arabic letter with its words in reading order, shaped, small", async () => {
    const { pdf } = await letterPdf(cairo, "ar");
    expect(pdf.length).toBeLessThan(300_000);
    const text = await extractPdfText(pdf);
    for (const words of [
      "منظمة الصحة العالمية",
      "إقليم شرق المتوسط",
      "د. ليلى حداد",
      "القاهرة، مصر",
      "التعيين بصفة مركز متعاون مع منظمة الصحة العالمية",
      "يسرني أن أبلغكم بأنه قد تم تعيين المؤسسة",
      // Ligatures (lam with alef, sheen with reh…) come back as their letters, in order.
      "الاختصاصات",
      "لأبحاث الصحة العالمية",
      "فبراير",
      // Mirrored brackets come back as written.
      "(النسخة المعتمدة رقم",
      "(المرجع",
      "(الصحة العالمية)",
      "سيقدم المركز تقريرا عن أنشطته في كل سنة من مدة التعيين، من خلال السجل.",
      "وتفضلوا بقبول فائق الاحترام،",
      "To train health workers.",
    ])
      expect(text).toContain(words);
    // Not reversed, and nothing drawn as a question mark.
    expect(text).not.toContain("ةيملاعلا");
    expect(text).not.toMatch(/[?\uFFFD]/);
    const { PDFDocument, PDFName } = await import("pdf-lib");
    expect(String((await PDFDocument.load(pdf)).catalog.get(PDFName.of("Lang")))).toBe("(ar)");
    expect(await glyphsWithoutOutline(pdf)).toBeLessThanOrEqual(2);
  });

  it("prints a Chinese letter with every character drawn, broken between characters, small", async () => {
    const { pdf } = await letterPdf(beijing, "zh");
    expect(pdf.length).toBeLessThan(300_000);
    const text = await extractPdfText(pdf);
    for (const words of [
      "世界卫生组织",
      "西太平洋区域",
      "我方编号:SWE-77/2026/1 · 2026年3月1日",
      "100191 北京,中国",
      "谨通知您,北京大学公共卫生学院已被指定为世卫组织合作中心",
      "职权范围(核准版本:第1版)",
      "顺致崇高敬意。",
    ])
      expect(text).toContain(words);
    expect(text).not.toMatch(/[?\uFFFD]/);
    // The terms of reference (no spaces) fill two lines, each as wide as the text.
    const lines = text.split("\n").filter((line) => /协助|进区域/.test(line) || line.includes("全民健康"));
    expect(lines.length).toBe(2);
    // Every glyph has its outline (fontkit's subset lost half of them before the even-length padding).
    expect(await glyphsWithoutOutline(pdf)).toBeLessThanOrEqual(2);
  });

  it("prints Greek and Cyrillic names in an English letter", async () => {
    const { pdf } = await letterPdf(
      {
        ...facts,
        headOfCentreName: "Καθ. Ελένη Παπαδοπούλου",
        headOfCentreTitle: "Заведующая отделом",
        centre: {
          ...facts.centre,
          institution: {
            name: "Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών",
            department: null,
            address: null,
            city: "Αθήνα",
            postalCode: "106 79",
          },
        },
      },
      "en",
    );
    expect(pdf.length).toBeLessThan(300_000);
    const text = await extractPdfText(pdf);
    expect(text).toContain(
      "Καθ. Ελένη Παπαδοπούλου\nЗаведующая отделом\nΕθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών",
    );
    expect(text).toContain("106 79 Αθήνα, Sweden");
    expect(text).toContain(
      "I am pleased to inform you that Εθνικό και Καποδιστριακό Πανεπιστήμιο Αθηνών has been",
    );
    expect(text).not.toMatch(/[?\uFFFD]/);
  });
});
