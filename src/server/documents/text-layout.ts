import bidiFactory from "bidi-js";

// Paragraphs in any script for the PDF letter, as plain functions (no fonts,
// no I/O; the PDF writer hands in what a face covers and how wide a text is):
//
// 1. the Unicode bidirectional algorithm (bidi-js) gives each character its
//    embedding level, in the letter's direction, centre content isolated
//    (U+2068…U+2069, as <bdi> in HTML);
// 2. each character gets a font face: the first of the chain that has it, a
//    space or punctuation mark staying in its neighbour's face, so an Arabic
//    or Chinese run is one piece that the font shapes as a whole;
// 3. lines break after spaces and, in Chinese, between characters (never
//    before a closing mark nor after an opening one);
// 4. each line is cut into pieces of one level, face and weight, put in visual
//    order (rule L2) and handed to the font so that it draws them in that
//    order: fontkit (under pdf-lib) shapes Arabic itself and reverses a run
//    whose script is right to left, so a piece is pre-reversed exactly when
//    its order and fontkit's would differ. A bracket or guillemet right to
//    left is mirrored, in a piece of its own (the PDF writer sets it in a copy
//    of the face that maps the glyph back to the character as written).

const bidi = bidiFactory();

export type Direction = "ltr" | "rtl";
/** A paragraph's text in reading order, `strong` set in bold, `isolate` with its own direction. */
export type StyledText = { text: string; strong?: boolean; isolate?: boolean };

/** Which face of the chain draws a code point; null when none does. */
export type FaceChooser = (codePoint: number, strong: boolean, previous: number | null) => number | null;

/** A piece of a line: one face, one weight, one level. */
export type LinePiece = {
  /** The text as it is handed to the font (mirrored, and reversed where fontkit would not). */
  drawn: string;
  /** The same text in reading order, as written. */
  logical: string;
  /** A mirrored character (a bracket right to left), drawn as its mirror image. */
  mirrored: boolean;
  face: number;
  strong: boolean;
  level: number;
  /** The piece's first character's index in the paragraph (its place in reading order). */
  start: number;
};

const FSI = "\u2068";
const PDI = "\u2069";

type Char = {
  /** The code point as a string (one or two UTF-16 units). */
  text: string;
  index: number;
  level: number;
  strong: boolean;
  /** Its face; null for an invisible format character, which is not drawn. */
  face: number | null;
  /** Right to left and Bidi_Mirrored: drawn as its mirror image. */
  mirrored: boolean;
};

// Scripts fontkit lays out right to left (its `Script.direction`): a run whose
// first character of a real script is one of these comes back reversed.
const rightToLeftScript =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const ownScript = /[^\p{Script=Common}\p{Script=Inherited}\p{Script=Unknown}]/u;

/** Whether fontkit will reverse this text when it lays it out (the first real script decides). */
export function fontkitReverses(text: string): boolean {
  const first = ownScript.exec(text);
  return first !== null && rightToLeftScript.test(first[0]);
}

const invisible = /^\p{Cf}$/u;
const neutral = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

/** The paragraph as one string, centre content between isolates, and each character's weight. */
function assemble(runs: StyledText[]): { text: string; strong: boolean[] } {
  let text = "";
  const strong: boolean[] = [];
  for (const run of runs) {
    const body = run.text.replace(/\s+/g, " ");
    const piece = run.isolate ? `${FSI}${body}${PDI}` : body;
    text += piece;
    for (let i = 0; i < piece.length; i++) strong.push(Boolean(run.strong));
  }
  return { text, strong };
}

/** Each character of a paragraph with its level and face. */
export function resolveParagraph(runs: StyledText[], direction: Direction, chooseFace: FaceChooser): Char[] {
  const { text, strong } = assemble(runs);
  const { levels } = bidi.getEmbeddingLevels(text, direction);
  const chars: Char[] = [];
  let previous: number | null = null;
  for (let index = 0; index < text.length;) {
    const codePoint = text.codePointAt(index)!;
    const char = String.fromCodePoint(codePoint);
    index += char.length;
    const at = index - char.length;
    if (invisible.test(char)) {
      chars.push({
        text: char,
        index: at,
        level: levels[at]!,
        strong: strong[at]!,
        face: null,
        mirrored: false,
      });
      continue;
    }
    const bold = strong[at]!;
    const face = chooseFace(codePoint, bold, neutral.test(char) ? previous : null);
    // A character no face has is drawn as a question mark (the HTML letter shows it).
    const shown = face === null ? "?" : char;
    const drawnFace: number = face ?? chooseFace(0x3f, bold, previous) ?? 0;
    const mirrored = levels[at]! % 2 === 1 && bidi.getMirroredCharacter(shown) !== null;
    chars.push({ text: shown, index: at, level: levels[at]!, strong: bold, face: drawnFace, mirrored });
    previous = drawnFace;
  }
  return chars;
}

// Chinese (and Japanese, Korean) text breaks between any two characters,
// except before a mark that closes and after one that opens.
const ideographic =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]$/u;
const noBreakBefore = /^[、。，．：；？！）］｝〕〉》」』】〙〗”’・…‥ー々〻ゝゞヽヾ,.:;?!)\]}%]$/u;
const noBreakAfter = /^[（［｛〔〈《「『【〘〖“‘([{]$/u;

/**
 * Where a line may break: before the character at each index returned (after
 * a space, between ideographs, not around closing or opening marks).
 */
export function breakOpportunities(chars: readonly { text: string }[]): Set<number> {
  const breaks = new Set<number>();
  for (let i = 1; i < chars.length; i++) {
    const before = chars[i - 1]!.text;
    const here = chars[i]!.text;
    if (here === " ") continue;
    if (before === " ") {
      breaks.add(i);
      continue;
    }
    if (
      (ideographic.test(before) || ideographic.test(here)) &&
      !noBreakBefore.test(here) &&
      !noBreakAfter.test(before)
    )
      breaks.add(i);
  }
  return breaks;
}

/** Consecutive drawable characters of one face, weight and level (the pieces of a line, in reading order). */
function pieces(chars: Char[]): Char[][] {
  const out: Char[][] = [];
  for (const char of chars) {
    if (char.face === null) continue;
    const last = out.at(-1)?.at(-1);
    if (
      last &&
      last.face === char.face &&
      last.strong === char.strong &&
      last.level === char.level &&
      !last.mirrored &&
      !char.mirrored
    )
      out.at(-1)!.push(char);
    else out.push([char]);
  }
  return out;
}

/**
 * Rule L2: from the highest level down to the lowest odd one on the line
 * (`lineLevels`: every character's, the invisible ones too), reverse every
 * run of pieces at that level or above.
 */
export function visualOrder<T extends { level: number }>(items: T[], lineLevels: number[] = []): T[] {
  const out = [...items];
  if (out.length === 0) return out;
  const levels = [...out.map((item) => item.level), ...lineLevels];
  const highest = Math.max(...levels);
  const lowestOdd = Math.min(...levels.filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < out.length;) {
      if (out[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && out[j]!.level >= level) j++;
      out.splice(i, j - i, ...out.slice(i, j).reverse());
      i = j;
    }
  }
  return out;
}

function piece(chars: Char[]): LinePiece {
  const first = chars[0]!;
  const logical = chars.map((char) => char.text).join("");
  const shown = chars.map((char) => (char.mirrored ? bidi.getMirroredCharacter(char.text)! : char.text));
  const rtl = first.level % 2 === 1;
  const drawn = rtl !== fontkitReverses(logical) ? shown.reverse().join("") : shown.join("");
  return {
    drawn,
    logical,
    mirrored: first.mirrored,
    face: first.face!,
    strong: first.strong,
    level: first.level,
    start: first.index,
  };
}

/**
 * A paragraph broken into lines that fit `width`, each line's pieces in
 * visual order (left to right). `measure` gives the width of a piece as drawn.
 */
export function layoutParagraph(
  chars: Char[],
  width: number,
  measure: (piece: LinePiece) => number,
): { pieces: LinePiece[]; width: number }[] {
  const breaks = breakOpportunities(chars);
  // Widths add up: no face shapes across a break (a space, or between Chinese characters).
  const span = (from: number, to: number) =>
    pieces(chars.slice(from, to))
      .map(piece)
      .reduce((sum, item) => sum + measure(item), 0);
  // Tokens: what lies between two break opportunities, each measured once and whole (Arabic words are shaped whole).
  const starts = [0, ...[...breaks].sort((a, b) => a - b)];
  const lines: [number, number][] = [];
  let lineStart = 0;
  let lineWidth = 0;
  for (let t = 0; t < starts.length; t++) {
    const from = starts[t]!;
    const to = starts[t + 1] ?? chars.length;
    const full = span(from, to);
    // A line's trailing spaces do not count against its width.
    const trimmed = span(from, from + trimEnd(chars.slice(from, to)).length);
    if (lineWidth + trimmed <= width) {
      lineWidth += full;
      continue;
    }
    if (from > lineStart) {
      lines.push([lineStart, from]);
      lineStart = from;
    }
    lineWidth = full;
    if (trimmed <= width) continue;
    // A token wider than a line on its own (a long address): broken between characters.
    while (span(lineStart, lineStart + trimEnd(chars.slice(lineStart, to)).length) > width) {
      let end = lineStart + 1;
      while (end < to && span(lineStart, end + 1) <= width) end++;
      lines.push([lineStart, end]);
      lineStart = end;
    }
    lineWidth = span(lineStart, to);
  }
  if (lineStart < chars.length) lines.push([lineStart, chars.length]);
  return lines
    .map(([from, to]) => {
      const visible = trimEnd(trimStart(chars.slice(from, to)));
      const line = visualOrder(
        pieces(visible).map(piece),
        visible.map((char) => char.level),
      );
      return { pieces: line, width: line.reduce((sum, item) => sum + measure(item), 0) };
    })
    .filter((line) => line.pieces.length > 0);
}

function trimEnd(chars: Char[]): Char[] {
  let end = chars.length;
  while (end > 0 && (chars[end - 1]!.text === " " || chars[end - 1]!.face === null)) end--;
  return chars.slice(0, end);
}

function trimStart(chars: Char[]): Char[] {
  let start = 0;
  while (start < chars.length && chars[start]!.text === " ") start++;
  return chars.slice(start);
}
