import { inflateSync } from "node:zlib";

// The text of a PDF that pdf-lib wrote with embedded (Type 0) fonts, for
// tests: pdf-lib draws text as glyph ids (`/F 11 Tf … x y Tm <00120034> Tj`)
// and maps each font's ids back to Unicode in its ToUnicode CMap. Enough to
// read our own documents; not a general PDF parser. The PDF must be saved
// with `useObjectStreams: false`, so every object is plain `N 0 obj`.

type PdfObject = { dictionary: string; stream: string | null };

function objects(pdf: Buffer): Map<number, PdfObject> {
  const found = new Map<number, PdfObject>();
  const text = pdf.toString("latin1");
  for (const match of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2]!;
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt < 0) {
      found.set(Number(match[1]), { dictionary: body, stream: null });
      continue;
    }
    const start = match.index + match[0].indexOf(body) + streamAt + body.slice(streamAt).indexOf("\n") + 1;
    const end = text.indexOf("endstream", start);
    const raw = pdf.subarray(start, end);
    const dictionary = body.slice(0, streamAt);
    const stream = /FlateDecode/.test(dictionary) ? inflateSync(raw) : raw;
    found.set(Number(match[1]), { dictionary, stream: stream.toString("latin1") });
  }
  return found;
}

function toUnicode(cmap: string): Map<string, string> {
  const glyphs = new Map<string, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, id, unicode] of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const units = (unicode!.match(/.{4}/g) ?? []).map((hex) => Number.parseInt(hex, 16));
      glyphs.set(id!.toLowerCase(), String.fromCharCode(...units));
    }
  }
  return glyphs;
}

/** The text of every page in drawing order, a new line wherever the baseline moves. */
export function pdfText(pdf: Buffer): string {
  const all = objects(pdf);
  const fonts = new Map<number, Map<string, string>>();
  for (const [number, object] of all) {
    const cmap = /\/ToUnicode (\d+) 0 R/.exec(object.dictionary);
    if (cmap) fonts.set(number, toUnicode(all.get(Number(cmap[1]))?.stream ?? ""));
  }
  let text = "";
  let lastY: string | null = null;
  for (const object of all.values()) {
    if (!/\/Type \/Page\b/.test(object.dictionary)) continue;
    const keys = new Map<string, number>();
    for (const [, key, ref] of object.dictionary.matchAll(/\/([\w.+-]+) (\d+) 0 R/g))
      keys.set(key!, Number(ref));
    const contents = /\/Contents (?:\[\s*)?(\d+) 0 R/.exec(object.dictionary);
    const stream = all.get(Number(contents?.[1]))?.stream ?? "";
    let glyphs = new Map<string, string>();
    for (const [, font, y, hex] of stream.matchAll(
      /\/([\w.+-]+) [\d.]+ Tf|[-\d.]+ ([-\d.]+) Tm\s*<([0-9a-fA-F]*)>\s*Tj/g,
    )) {
      if (font) {
        glyphs = fonts.get(keys.get(font) ?? -1) ?? new Map();
        continue;
      }
      if (lastY !== null && y !== lastY) text += "\n";
      lastY = y!;
      text += (hex!.toLowerCase().match(/.{4}/g) ?? []).map((id) => glyphs.get(id) ?? "\uFFFD").join("");
    }
  }
  return text;
}
