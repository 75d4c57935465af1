import type { SortKey } from "./search-params";

// An API cursor is the sort key and id of the last centre on a page: the next
// page starts strictly after that pair, so ties on the sort key (same title,
// same expiry, same rank) can neither repeat nor skip a centre. It also carries
// a fingerprint of the search, so a cursor cannot be replayed on another one.

export type CursorPosition = { sort: SortKey; key: string | number; id: number };
type Payload = { s: SortKey; k: string | number; i: number; f: string };

export class CursorError extends Error {}

export function encodeCursor(position: CursorPosition, fingerprint: string): string {
  const payload: Payload = { s: position.sort, k: position.key, i: position.id, f: fingerprint };
  return Buffer.from(JSON.stringify(payload), "utf8").toString("base64url");
}

export function decodeCursor(
  cursor: string,
  expected: { sort: SortKey; fingerprint: string },
): CursorPosition {
  let payload: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error("not base64url");
    payload = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new CursorError(
      "The cursor is malformed: pass the next_cursor value of the previous page unchanged.",
    );
  }
  if (!isPayload(payload)) {
    throw new CursorError(
      "The cursor is malformed: pass the next_cursor value of the previous page unchanged.",
    );
  }
  if (payload.f !== expected.fingerprint || payload.s !== expected.sort) {
    throw new CursorError(
      "The cursor belongs to a different search: keep q, the filters and sort unchanged while paging.",
    );
  }
  return { sort: payload.s, key: payload.k, id: payload.i };
}

function isPayload(value: unknown): value is Payload {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const sortOk = v.s === "relevance" || v.s === "reference" || v.s === "title" || v.s === "expiry";
  const keyOk =
    v.s === "relevance"
      ? typeof v.k === "number" && Number.isFinite(v.k) && v.k >= 0
      : v.s === "expiry"
        ? typeof v.k === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.k)
        : // A NUL cannot be in a PostgreSQL text value, so no issued cursor holds one
          // (and comparing with one is an error in the database, issue #11).
          typeof v.k === "string" && v.k.length <= 1000 && !v.k.includes("\u0000");
  return sortOk && keyOk && Number.isSafeInteger(v.i) && (v.i as number) > 0 && typeof v.f === "string";
}

/** A short stable digest (FNV-1a, 32 bits) of a canonical search string. */
export function searchFingerprint(canonical: string): string {
  let hash = 0x811c9dc5;
  for (const char of canonical) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
