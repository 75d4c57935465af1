import { describe, expect, it } from "vitest";

import {
  breakOpportunities,
  fontkitReverses,
  layoutParagraph,
  resolveParagraph,
  visualOrder,
  type StyledText,
} from "@/server/documents/text-layout";

// The PDF letter's paragraphs in any script (decision 0031): levels and faces
// per character, pieces in visual order, line breaks. Face 0 stands for a
// Latin face, 1 for an Arabic one that also has spaces and punctuation, 2 for
// a Chinese one; nothing has Ethiopic.

const chooseFace = (codePoint: number, _strong: boolean, previous: number | null) => {
  const char = String.fromCodePoint(codePoint);
  if (/\p{Script=Ethiopic}/u.test(char)) return null;
  if (previous !== null && /[\s\p{P}]/u.test(char)) return previous;
  if (/\p{Script=Arabic}|\u060c/u.test(char)) return 1;
  if (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(char)) return 2;
  return 0;
};

/** One line per paragraph (wide enough), as pieces left to right: [what is drawn, face]. */
function line(runs: StyledText[], direction: "ltr" | "rtl") {
  const [only, ...more] = layoutParagraph(resolveParagraph(runs, direction, chooseFace), 10_000, (piece) => {
    return piece.drawn.length;
  });
  expect(more).toEqual([]);
  return only!.pieces.map((piece) => [piece.drawn, piece.face]);
}

describe("runs by script and direction", () => {
  it("keeps a left-to-right line as it is, one piece per face and weight", () => {
    expect(line([{ text: "Prof. " }, { text: "Åsa", strong: true }, { text: " Öberg" }], "ltr")).toEqual([
      ["Prof. ", 0],
      ["Åsa", 0],
      [" Öberg", 0],
    ]);
  });

  it("orders an Arabic line right to left, Latin and numbers inside left to right", () => {
    // Reading order: "Our reference:", the reference, the date. fontkit reverses an Arabic
    // piece itself, so it is handed over in reading order; the others as they are shown.
    expect(
      line(
        [{ text: "مرجعنا: " }, { text: "SWE-77/2026/1", isolate: true }, { text: " · 1 مارس 2026" }],
        "rtl",
      ),
    ).toEqual([
      ["2026", 0],
      ["مارس ", 1],
      [" ", 0],
      ["1", 0],
      [" · ", 0],
      ["SWE-77/2026/1", 0],
      ["مرجعنا: ", 1],
    ]);
  });

  it("keeps an isolated English title in its own direction inside an Arabic sentence", () => {
    expect(
      line(
        [{ text: "بصفة " }, { text: "WHO Collaborating Centre.", isolate: true }, { text: " للمركز" }],
        "rtl",
      ),
    ).toEqual([
      ["للمركز", 1],
      [" ", 0],
      ["WHO Collaborating Centre.", 0],
      ["بصفة ", 1],
    ]);
    // Not isolated, the final full stop would join the Arabic around it.
    expect(line([{ text: "بصفة WHO Collaborating Centre." }], "rtl")).toEqual([
      [".", 0],
      ["WHO Collaborating Centre", 0],
      ["بصفة ", 1],
    ]);
  });

  it("mirrors brackets right to left, each in a piece of its own", () => {
    const pieces = layoutParagraph(
      resolveParagraph([{ text: "(المرجع)" }], "rtl", chooseFace),
      1000,
      (p) => p.drawn.length,
    )[0]!.pieces;
    // Left to right on the page: the closing bracket drawn as "(", the word, the opening drawn as ")".
    expect(pieces.map((piece) => [piece.drawn, piece.logical, piece.mirrored])).toEqual([
      ["(", ")", true],
      ["المرجع", "المرجع", false],
      [")", "(", true],
    ]);
  });

  it("hands over right-to-left neutrals and Arabic-Indic digits so that fontkit draws them in visual order", () => {
    expect(fontkitReverses("مرحبا")).toBe(true);
    expect(fontkitReverses("٢٠٢٦")).toBe(true);
    expect(fontkitReverses("2026")).toBe(false);
    expect(fontkitReverses(" · ")).toBe(false);
    // Arabic-Indic digits read left to right, but fontkit would reverse them: handed over reversed.
    expect(line([{ text: "سنة ٢٠٢٦" }], "rtl")).toEqual([
      ["٦٢٠٢", 1],
      ["سنة ", 1],
    ]);
    // Neutral punctuation right to left in a face without Arabic (fontkit keeps its order): reversed here.
    expect(line([{ text: ".:مصر" }], "rtl")).toEqual([
      ["مصر", 1],
      [":.", 0],
    ]);
  });

  it("draws a character no face has as a question mark and drops invisible format characters", () => {
    expect(line([{ text: "ሰላም\u200b University" }], "ltr")).toEqual([["??? University", 0]]);
  });

  it("implements rule L2 over nested levels", () => {
    const items = [1, 2, 2, 3, 1].map((level, index) => ({ level, index }));
    // Level 3 alone; at 2, pieces 1–3 turn; at 1, the whole line.
    expect(visualOrder(items).map((item) => item.index)).toEqual([4, 1, 2, 3, 0]);
    // A line wholly inside an isolate still reverses from the paragraph's level.
    expect(visualOrder([{ level: 3 }, { level: 4 }], [1]).map((item) => item.level)).toEqual([4, 3]);
  });
});

describe("line breaking", () => {
  const chars = (text: string) => [...text].map((char) => ({ text: char }));

  it("breaks Latin text after spaces only", () => {
    expect([...breakOpportunities(chars("To support WHO"))]).toEqual([3, 11]);
  });

  it("breaks Chinese between characters, never before a closing mark nor after an opening one", () => {
    const text = "谨通知您，“中心”（编号）";
    const breaks = breakOpportunities(chars(text));
    const allowed = [...text].map((_, index) => breaks.has(index));
    // 谨|通|知|您，|“中|心”|（编|号） — none before ，”）, none after “（.
    expect(allowed).toEqual([
      false,
      true,
      true,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  it("fills Chinese lines to the width, no line starting with a closing mark", () => {
    const lines = layoutParagraph(
      resolveParagraph([{ text: "谨通知您，北京大学已被指定为合作中心。" }], "ltr", chooseFace),
      5,
      (piece) => [...piece.drawn].length,
    ).map((found) => found.pieces.map((piece) => piece.drawn).join(""));
    expect(lines.join("")).toBe("谨通知您，北京大学已被指定为合作中心。");
    for (const text of lines) {
      expect([...text].length).toBeLessThanOrEqual(5);
      expect(text).not.toMatch(/^[，。]/);
    }
    expect(lines).toEqual(["谨通知您，", "北京大学已", "被指定为合", "作中心。"]);
  });

  it("breaks Latin lines at spaces, and a word longer than a line between its characters", () => {
    const lines = layoutParagraph(
      resolveParagraph([{ text: "To support WHO abcdefghijklmnop" }], "ltr", chooseFace),
      10,
      (piece) => piece.drawn.length,
    ).map((found) => found.pieces.map((piece) => piece.drawn).join(""));
    expect(lines).toEqual(["To support", "WHO", "abcdefghij", "klmnop"]);
  });

  it("aligns nothing itself: an Arabic paragraph's lines keep their own widths", () => {
    const lines = layoutParagraph(
      resolveParagraph([{ text: "منظمة الصحة العالمية" }], "rtl", chooseFace),
      12,
      (piece) => piece.drawn.length,
    );
    expect(lines.map((found) => [found.pieces.map((piece) => piece.drawn).join(""), found.width])).toEqual([
      ["منظمة الصحة", 11],
      ["العالمية", 8],
    ]);
  });
});
