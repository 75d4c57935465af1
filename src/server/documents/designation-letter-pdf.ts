import "server-only";

import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";

import { fromIsoDate } from "@/domain/dates";
import { plainText, type LetterContent, type LetterRun } from "@/domain/designation-letter";

import { covers, face, fallbackChain, letterFontkit, type Family } from "./letter-fonts";
import { layoutParagraph, resolveParagraph, type Direction, type LinePiece } from "./text-layout";

// The designation letter as a PDF, laid out from the same content as the
// printable HTML page, in the letter's language and script (decision 0031):
// each character is set in the first face of the letter's chain that has it
// (letter-fonts.ts), lines are ordered by the Unicode bidirectional algorithm
// and broken between Chinese characters (text-layout.ts), an Arabic letter is
// aligned to the right. Only the glyphs used are embedded. Right-to-left
// text stands in visual order, as PDF readers expect: their own reordering
// (pdf.js, poppler) gives back the words as written, each glyph mapped to its
// characters (letter-fonts.ts). A character no face has is drawn as "?"
// rather than failing the whole letter (the HTML letter shows it).

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 64;
const TEXT_WIDTH = A4.width - 2 * MARGIN;
const INK = rgb(0.07, 0.09, 0.15);
const BRAND = rgb(0.05, 0.3, 0.55);
const MUTED = rgb(0.35, 0.38, 0.45);

type Weight = "regular" | "bold";

/** A cursor down the pages: adds a page when the next line would not fit. */
class Writer {
  private page: PDFPage;
  private y: number;
  private readonly fonts = new Map<string, PDFFont>();
  private readonly chain: Family[];

  constructor(
    private readonly document: PDFDocument,
    private readonly content: LetterContent,
  ) {
    this.chain = fallbackChain(content.lang);
    this.page = document.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN;
  }

  private get direction(): Direction {
    return this.content.dir;
  }

  /** The face of the chain (by index) for a code point: a neutral character stays in its neighbour's face. */
  private readonly chooseFace = (codePoint: number, strong: boolean, previous: number | null) => {
    const weight: Weight = strong ? "bold" : "regular";
    if (previous !== null && covers(this.chain[previous]!, weight, codePoint)) return previous;
    const index = this.chain.findIndex((family) => covers(family, weight, codePoint));
    return index < 0 ? null : index;
  };

  private key(piece: { face: number; strong: boolean; mirrored: boolean }): string {
    return `${this.chain[piece.face]}-${piece.strong ? "bold" : "regular"}${piece.mirrored ? "-mirrored" : ""}`;
  }

  /** A face embedded (once per letter, only the glyphs used); brackets right to left in a copy of their own. */
  private async embed(piece: { face: number; strong: boolean; mirrored: boolean }): Promise<void> {
    const key = this.key(piece);
    if (this.fonts.has(key)) return;
    const loaded = face(this.chain[piece.face]!, piece.strong ? "bold" : "regular", piece.mirrored);
    this.fonts.set(key, await this.document.embedFont(loaded.bytes, { subset: true }));
  }

  private fontOf(piece: { face: number; strong: boolean; mirrored: boolean }): PDFFont {
    return this.fonts.get(this.key(piece))!;
  }

  /** A paragraph's lines, every face it needs embedded first. */
  private async lines(runs: LetterRun[], size: number, width: number) {
    const chars = resolveParagraph(runs, this.direction, this.chooseFace);
    for (const char of chars) if (char.face !== null) await this.embed({ ...char, face: char.face });
    return layoutParagraph(chars, width, (piece) => this.width(piece, size));
  }

  private readonly widths = new Map<string, number>();

  /** A piece's width as drawn, measured once per letter (fontkit lays it out to measure it). */
  private width(piece: LinePiece, size: number): number {
    const key = `${this.key(piece)}|${size}|${piece.drawn}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      width = this.fontOf(piece).widthOfTextAtSize(piece.drawn, size);
      this.widths.set(key, width);
    }
    return width;
  }

  private newPageIfFull(leading: number) {
    if (this.y - leading < MARGIN) {
      this.page = this.document.addPage([A4.width, A4.height]);
      this.y = A4.height - MARGIN;
    }
  }

  /**
   * One line's pieces from `start` (its left edge): placed left to right in
   * visual order, drawn in reading order, so a reader that follows the
   * content meets the words in the order they are read.
   */
  private drawLine(pieces: LinePiece[], left: number, size: number, color: ReturnType<typeof rgb>) {
    let x = left;
    const placed = pieces.map((piece) => {
      const at = x;
      x += this.width(piece, size);
      return { piece, x: at };
    });
    placed.sort((a, b) => a.piece.start - b.piece.start);
    for (const { piece, x: at } of placed)
      this.page.drawText(piece.drawn, { x: at, y: this.y, size, font: this.fontOf(piece), color });
  }

  async paragraph(
    runs: LetterRun[],
    options: {
      size?: number;
      color?: ReturnType<typeof rgb>;
      indent?: number;
      after?: number;
      /** Drawn in the indent of the first line (a list number), at the start side. */
      marker?: string;
    } = {},
  ) {
    const { size = 11, color = INK, indent = 0, after = 10, marker } = options;
    const leading = size * 1.45;
    const rtl = this.direction === "rtl";
    const [markerLine] = marker ? await this.lines([{ text: marker }], size, indent) : [];
    for (const [index, line] of (await this.lines(runs, size, TEXT_WIDTH - indent)).entries()) {
      this.newPageIfFull(leading);
      this.y -= leading;
      if (index === 0 && markerLine) {
        const markerLeft = rtl ? A4.width - MARGIN - 4 - markerLine.width : MARGIN + 4;
        this.drawLine(markerLine.pieces, markerLeft, size, color);
      }
      // An Arabic letter starts at the right: each line is aligned to the right margin.
      const left = rtl ? A4.width - MARGIN - indent - line.width : MARGIN + indent;
      this.drawLine(line.pieces, left, size, color);
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

/** The letter as PDF bytes: A4, tagged with its title, subject and language. */
export async function designationLetterPdf(
  content: LetterContent,
  options: { letterDate: string; compress?: boolean },
): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(letterFontkit);
  // A letter is the same document each time it is opened: dated by the letter, not the request.
  const dated = fromIsoDate(options.letterDate);
  document.setTitle(plainText(content.title));
  document.setSubject(content.subject);
  document.setAuthor(content.organisation);
  document.setCreator("Collaborating Centres Registry");
  document.setProducer("Collaborating Centres Registry");
  document.setLanguage(content.lang);
  document.setCreationDate(dated);
  document.setModificationDate(dated);

  const writer = new Writer(document, content);
  const number = new Intl.NumberFormat(content.lang);
  await writer.paragraph([{ text: content.organisation.toLocaleUpperCase(content.lang), strong: true }], {
    size: 10,
    color: BRAND,
    after: 0,
  });
  await writer.paragraph([{ text: content.region }], { size: 10, color: MUTED, after: 0 });
  await writer.paragraph(content.referenceLine, { size: 10, after: 0 });
  writer.rule();
  // Centre content (the address, the terms of reference) keeps its own direction inside the letter's.
  for (const line of content.address) await writer.paragraph(line, { after: 0 });
  writer.space(18);
  await writer.paragraph(
    content.title.map((run) => ({ ...run, strong: true })),
    { size: 15, color: BRAND, after: 12 },
  );
  await writer.paragraph(content.opening);
  await writer.paragraph([{ text: content.torHeading, strong: true }], { after: 4 });
  for (const [index, text] of content.torItems.entries())
    await writer.paragraph([{ text, isolate: true }], {
      indent: 22,
      after: 4,
      marker: `${number.format(index + 1)}.`,
    });
  writer.space(8);
  await writer.paragraph([{ text: content.closing }]);
  for (const line of content.signOff) await writer.paragraph(line, { after: 0 });
  return document.save({ useObjectStreams: options.compress ?? true });
}
