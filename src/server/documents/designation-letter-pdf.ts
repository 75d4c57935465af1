import "server-only";

import { readFile } from "node:fs/promises";
import path from "node:path";

import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";

import { fromIsoDate } from "@/domain/dates";
import type { LetterContent, LetterRun } from "@/domain/designation-letter";

// The designation letter as a PDF, laid out from the same content as the
// printable HTML page. The text is set in Geist (SIL Open Font License), which
// the app already ships for its pages: the TTF files come with the `geist`
// package, so nothing is downloaded at build or run time. Geist covers Latin
// (accents included) and Cyrillic; a character it has no glyph for is drawn
// as "?" rather than failing the whole letter (the HTML letter shows it).

const FONT_DIR = path.join(process.cwd(), "node_modules", "geist", "dist", "fonts", "geist-sans");
let fontFiles: Promise<{ regular: Buffer; bold: Buffer }> | null = null;

function loadFonts() {
  // Read once per process; a failed read is retried on the next request.
  fontFiles ??= Promise.all([
    readFile(path.join(FONT_DIR, "Geist-Regular.ttf")),
    readFile(path.join(FONT_DIR, "Geist-Bold.ttf")),
  ]).then(
    ([regular, bold]) => ({ regular, bold }),
    (error: unknown) => {
      fontFiles = null;
      throw error;
    },
  );
  return fontFiles;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 64;
const TEXT_WIDTH = A4.width - 2 * MARGIN;
const INK = rgb(0.07, 0.09, 0.15);
const BRAND = rgb(0.05, 0.3, 0.55);
const MUTED = rgb(0.35, 0.38, 0.45);

type Fonts = { regular: PDFFont; bold: PDFFont };
type Piece = { text: string; font: PDFFont };

/** Drops invisible format characters and replaces what the font cannot draw. */
function drawable(text: string, supported: Set<number>): string {
  let out = "";
  for (const char of text.replace(/\p{Cf}/gu, "").replace(/\s+/g, " ")) {
    out += supported.has(char.codePointAt(0) ?? 0) ? char : "?";
  }
  return out;
}

/** Greedy line breaking of runs (regular and bold) into lines that fit `width`. */
function wrap(pieces: Piece[], size: number, width: number): Piece[][] {
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let lineWidth = 0;
  for (const piece of pieces) {
    for (const token of piece.text.split(/(\s+)/)) {
      if (token === "") continue;
      const space = /^\s+$/.test(token);
      const tokenWidth = piece.font.widthOfTextAtSize(space ? " " : token, size);
      if (space) {
        if (line.length > 0) {
          line.push({ text: " ", font: piece.font });
          lineWidth += tokenWidth;
        }
        continue;
      }
      if (lineWidth + tokenWidth > width && line.length > 0) {
        // A trailing space is not part of the line.
        if (line.at(-1)?.text === " ") line.pop();
        lines.push(line);
        line = [];
        lineWidth = 0;
      }
      line.push({ text: token, font: piece.font });
      lineWidth += tokenWidth;
    }
  }
  if (line.at(-1)?.text === " ") line.pop();
  if (line.length > 0) lines.push(line);
  return lines;
}

/** Neighbouring pieces in the same font drawn as one (one text operator per run of a line). */
function merged(line: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of line) {
    const last = out.at(-1);
    if (last && last.font === piece.font) last.text += piece.text;
    else out.push({ ...piece });
  }
  return out;
}

/** A cursor down the pages: adds a page when the next line would not fit. */
class Writer {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly document: PDFDocument,
    private readonly fonts: Fonts,
    private readonly supported: { regular: Set<number>; bold: Set<number> },
  ) {
    this.page = document.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  private pieces(runs: LetterRun[]): Piece[] {
    return runs.map((run) => {
      const font = run.strong ? this.fonts.bold : this.fonts.regular;
      const supported = run.strong ? this.supported.bold : this.supported.regular;
      return { text: drawable(run.text, supported), font };
    });
  }

  paragraph(
    runs: LetterRun[],
    options: {
      size?: number;
      color?: ReturnType<typeof rgb>;
      indent?: number;
      after?: number;
      /** Drawn in the indent of the first line (a list number). */
      marker?: string;
    } = {},
  ) {
    const { size = 11, color = INK, indent = 0, after = 10, marker } = options;
    const leading = size * 1.45;
    for (const [index, line] of wrap(this.pieces(runs), size, TEXT_WIDTH - indent).entries()) {
      if (this.y - leading < MARGIN) {
        this.page = this.document.addPage([A4.width, A4.height]);
        this.y = A4.height - MARGIN;
      }
      this.y -= leading;
      if (index === 0 && marker)
        this.page.drawText(marker, { x: MARGIN + 4, y: this.y, size, font: this.fonts.regular, color });
      let x = MARGIN + indent;
      for (const piece of merged(line)) {
        this.page.drawText(piece.text, { x, y: this.y, size, font: piece.font, color });
        x += piece.font.widthOfTextAtSize(piece.text, size);
      }
    }
    this.y -= after;
  }

  rule() {
    this.y -= 8;
    this.page.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: A4.width - MARGIN, y: this.y },
      thickness: 0.5,
      color: MUTED,
    });
    this.y -= 14;
  }

  space(points: number) {
    this.y -= points;
  }
}

/** The letter as PDF bytes: A4, tagged with its title, reference and language. */
export async function designationLetterPdf(
  content: LetterContent,
  options: { letterDate: string; reference: string; compress?: boolean },
): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const files = await loadFonts();
  const fonts: Fonts = {
    regular: await document.embedFont(files.regular, { subset: true }),
    bold: await document.embedFont(files.bold, { subset: true }),
  };
  const supported = {
    regular: new Set(fonts.regular.getCharacterSet()),
    bold: new Set(fonts.bold.getCharacterSet()),
  };
  // A letter is the same document each time it is opened: dated by the letter, not the request.
  const dated = fromIsoDate(options.letterDate);
  document.setTitle(content.title);
  document.setSubject(`Designation letter ${options.reference}`);
  document.setAuthor(content.organisation);
  document.setCreator("Collaborating Centres Registry");
  document.setProducer("Collaborating Centres Registry");
  document.setLanguage("en");
  document.setCreationDate(dated);
  document.setModificationDate(dated);

  const writer = new Writer(document, fonts, supported);
  writer.paragraph([{ text: content.organisation.toUpperCase(), strong: true }], {
    size: 10,
    color: BRAND,
    after: 0,
  });
  writer.paragraph([{ text: content.region }], { size: 10, color: MUTED, after: 0 });
  writer.paragraph([{ text: content.referenceLine }], { size: 10, after: 0 });
  writer.rule();
  for (const line of content.address) writer.paragraph([{ text: line }], { after: 0 });
  writer.space(18);
  writer.paragraph([{ text: content.title, strong: true }], { size: 15, color: BRAND, after: 12 });
  writer.paragraph(content.opening);
  writer.paragraph([{ text: content.torHeading, strong: true }], { after: 4 });
  content.torItems.forEach((text, index) =>
    writer.paragraph([{ text }], { indent: 22, after: 4, marker: `${index + 1}.` }),
  );
  writer.space(8);
  writer.paragraph([{ text: content.closing }]);
  for (const line of content.signOff) writer.paragraph([{ text: line }], { after: 0 });
  return document.save({ useObjectStreams: options.compress ?? true });
}
