import "server-only";

import { readFileSync } from "node:fs";
import path from "node:path";

import fontkit, { type Font as FontkitFont } from "@pdf-lib/fontkit";
import bidiFactory from "bidi-js";
import type { PDFDocument } from "pdf-lib";

import type { Locale } from "@/i18n/locales";

// The faces of the PDF letter, all from npm packages (SIL Open Font License),
// read from node_modules: nothing is downloaded at build or run time, and
// pdf-lib embeds only the glyphs a letter uses (decision 0031).
//
// - geist: Geist, the app's own face (Latin and Cyrillic), first in a
//   letter in a language written in Latin or Cyrillic;
// - plex: IBM Plex Sans, for Greek (Geist has none) and the Latin of Arabic
//   letters (it is the Latin of IBM Plex Sans Arabic);
// - arabic: IBM Plex Sans Arabic, whose contextual forms carry their dots
//   (Noto Sans Arabic builds them from a dotless skeleton and dot marks placed
//   by GPOS, which pdf-lib does not apply: the dots would float and the text
//   would extract as the wrong letters);
// - cjk: Noto Sans SC (Chinese, and the Latin of Chinese letters).
//
// Each file is read and parsed once per process; the CJK face (10 MB a
// weight) only when a letter needs a character the others lack.

export type Family = "geist" | "plex" | "arabic" | "cjk";
type Weight = "regular" | "bold";

const modules = path.join(process.cwd(), "node_modules");
const files: Record<Family, Record<Weight, string>> = {
  geist: {
    regular: path.join(modules, "geist/dist/fonts/geist-sans/Geist-Regular.ttf"),
    bold: path.join(modules, "geist/dist/fonts/geist-sans/Geist-Bold.ttf"),
  },
  plex: {
    regular: path.join(modules, "@expo-google-fonts/ibm-plex-sans/400Regular/IBMPlexSans_400Regular.ttf"),
    bold: path.join(modules, "@expo-google-fonts/ibm-plex-sans/700Bold/IBMPlexSans_700Bold.ttf"),
  },
  arabic: {
    regular: path.join(
      modules,
      "@expo-google-fonts/ibm-plex-sans-arabic/400Regular/IBMPlexSansArabic_400Regular.ttf",
    ),
    bold: path.join(modules, "@expo-google-fonts/ibm-plex-sans-arabic/700Bold/IBMPlexSansArabic_700Bold.ttf"),
  },
  cjk: {
    regular: path.join(modules, "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"),
    bold: path.join(modules, "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"),
  },
};

/**
 * The order faces are tried in, per letter language: the letter's own script
 * first, so its spaces, digits and punctuation (and, in Arabic and Chinese
 * letters, Latin names) are set in the face that matches the text around them.
 */
export function fallbackChain(locale: Locale): Family[] {
  if (locale === "ar") return ["arabic", "plex", "geist", "cjk"];
  if (locale === "zh") return ["cjk", "geist", "plex", "arabic"];
  return ["geist", "plex", "arabic", "cjk"];
}

export type LoadedFace = { bytes: Uint8Array; font: FontkitFont };

const loaded = new Map<string, LoadedFace>();
const byBytes = new WeakMap<Uint8Array, FontkitFont>();

/**
 * A face, read and parsed on first use (synchronously: a letter asks for it
 * while laying out a line). `mirrored`: a second copy of it for brackets and
 * guillemets right to left, drawn as their mirror image: there the glyph of
 * ")" stands for "(" as written, so extraction gives the text as written.
 */
export function face(family: Family, weight: Weight, mirrored = false): LoadedFace {
  const file = files[family][weight];
  const key = `${file}${mirrored ? "#mirrored" : ""}`;
  let entry = loaded.get(key);
  if (!entry) {
    const bytes = mirrored ? face(family, weight).bytes.slice() : new Uint8Array(readFileSync(file));
    const font = prepared(fontkit.create(bytes), mirrored);
    entry = { bytes, font };
    byBytes.set(bytes, font);
    loaded.set(key, entry);
  }
  return entry;
}

/**
 * What pdf-lib is given as fontkit: the already parsed face for our bytes
 * (so a letter does not parse 10 MB again), fontkit itself for anything else.
 */
export const letterFontkit: Parameters<PDFDocument["registerFontkit"]>[0] = {
  create(bytes, postscriptName) {
    return byBytes.get(bytes) ?? prepared(fontkit.create(bytes, postscriptName), false);
  },
};

// An Arabic ligature glyph (lam with alef, sheen with reh: IBM Plex Sans
// Arabic has many, all mandatory) stands for two characters and is drawn in
// a right-to-left run, whose glyphs stand in visual order. Readers (pdf.js,
// poppler) give such a run back in reading order by reversing it character
// by character, which would turn the ligature's own characters around ("ال"
// for "لا"). Its characters are therefore mapped in visual order too, so
// that the reversal restores them.
const rightToLeftLetter = /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]$/u;
const visualOrderGlyphs = new WeakSet<object>();
const mirroredGlyphs = new WeakSet<object>();
const bidi = bidiFactory();

type TtfSubset = {
  glyf?: Uint8Array[];
  offset?: number;
  _addGlyph?: (glyphId: number) => number;
};

/**
 * Two repairs to fontkit 1.1.1 (under pdf-lib), on this font object only:
 * - its TrueType subset writes a short `loca` table, whose offsets count in
 *   pairs of bytes, but copies glyphs of odd length as they are: every glyph
 *   after one such is then read from the wrong place (Noto Sans SC's glyphs
 *   are unpadded; half of a Chinese letter's characters came out blank).
 *   Each glyph is padded to an even length.
 * - right-to-left ligature glyphs map back to their characters in visual
 *   order, and in the mirrored copy a mirrored glyph to its mirror (above).
 */
function prepared(font: FontkitFont, mirrored: boolean): FontkitFont {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset() as unknown as TtfSubset;
    const addGlyph = subset._addGlyph?.bind(subset);
    if (addGlyph) {
      subset._addGlyph = (glyphId) => {
        const index = addGlyph(glyphId);
        const data = subset.glyf![index]!;
        if (data.length % 2 === 1) {
          // fontkit's own Buffer class (its stream accepts no other).
          const Bytes = data.constructor as typeof Buffer;
          subset.glyf![index] = Bytes.concat([data, Bytes.alloc(1)]);
          subset.offset! += 1;
        }
        return index;
      };
    }
    return subset as unknown as ReturnType<FontkitFont["createSubset"]>;
  };
  const layout = font.layout.bind(font);
  font.layout = ((...args: Parameters<FontkitFont["layout"]>) => {
    const run = layout(...args);
    for (const glyph of run.glyphs) {
      // fontkit keeps one glyph object per id: each is changed once only.
      if (mirrored && glyph.codePoints.length === 1 && !mirroredGlyphs.has(glyph)) {
        const mirror = bidi.getMirroredCharacter(String.fromCodePoint(glyph.codePoints[0]!));
        if (mirror !== null) glyph.codePoints = [mirror.codePointAt(0)!];
        mirroredGlyphs.add(glyph);
        continue;
      }
      if (glyph.codePoints.length < 2 || visualOrderGlyphs.has(glyph)) continue;
      if (!glyph.codePoints.every((codePoint) => rightToLeftLetter.test(String.fromCodePoint(codePoint))))
        continue;
      glyph.codePoints = [...glyph.codePoints].reverse();
      visualOrderGlyphs.add(glyph);
    }
    return run;
  }) as FontkitFont["layout"];
  return font;
}

/** Whether a family's face of that weight has a glyph for the code point. */
export function covers(family: Family, weight: Weight, codePoint: number): boolean {
  return face(family, weight).font.hasGlyphForCodePoint(codePoint);
}
