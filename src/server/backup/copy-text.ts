import { StringDecoder } from "node:string_decoder";

// PostgreSQL's COPY text format (what `COPY … TO STDOUT` writes): one row per
// line, columns separated by tabs, `\N` for NULL, and backslash escapes for
// the backslash, tab, newline and carriage return inside a value, so a row
// never spans two lines. Restores read it back here because PGlite cannot
// take `COPY … FROM STDIN` over the wire (decision 0028).

const ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };

/** One COPY text line as its values (null for NULL), each as PostgreSQL's text form of the value. */
export function decodeCopyLine(line: string): (string | null)[] {
  return line.split("\t").map(decodeCopyValue);
}

export function decodeCopyValue(field: string): string | null {
  if (field === "\\N") return null;
  if (!field.includes("\\")) return field;
  // COPY TO writes only the one-letter escapes and `\\`; the octal and hex
  // forms are part of the format, so they are read too.
  return field.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|[\s\S])/g, (_match, escape: string) => {
    if (escape.length > 1 && escape[0] === "x") return String.fromCharCode(parseInt(escape.slice(1), 16));
    if (/^[0-7]/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    return ESCAPES[escape] ?? escape;
  });
}

/**
 * The lines of a UTF-8 byte stream, without their "\n" (a last line without
 * one too: a file cut short is caught by what is missing after it).
 */
export async function* readLines(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  for await (const chunk of chunks) {
    const parts = (pending + (typeof chunk === "string" ? chunk : decoder.write(chunk))).split("\n");
    pending = parts.pop()!;
    yield* parts;
  }
  pending += decoder.end();
  if (pending !== "") yield pending;
}
