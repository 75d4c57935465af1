import fc from "fast-check";

// Random input for the malformed-input spec: parameter names and values,
// encodings, and server-action bodies. Everything is plain data, turned into
// a request by the spec.

/** Names that are members of Object.prototype: a plain-object lookup of them answered 500. */
export const prototypeNames = [
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__proto__",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
];
const knownNames = [
  "q",
  "region",
  "country",
  "status",
  "subject",
  "activity",
  "initiator",
  "former",
  "sort",
  "cursor",
  "limit",
  "page",
  "expand",
];
const plausibleValues = [
  "EURO",
  "nor",
  "active",
  "former",
  "title",
  "expiry",
  "relevance",
  "1",
  "0",
  "-1",
  "100",
  "101",
  "1e3",
  "true",
  "Nursing",
  "",
  " ",
];
// Malformed and awkward escapes, kept as they are in the URL.
const rawEscapes = [
  "%E0%A4%A",
  "%ZZ",
  "%",
  "%C0%80",
  "%ED%A0%80",
  "%00",
  "%FF%FE",
  "%2525",
  "+",
  "%0A",
  "%u0041",
];

/** encodeURIComponent, except that a lone surrogate becomes its three (invalid UTF-8) bytes instead of an error. */
export function percentEncode(value: string): string {
  return value.replace(/[\ud800-\udfff]|[^\ud800-\udfff]+/gu, (part) => {
    if (!/^[\ud800-\udfff]$/u.test(part)) return encodeURIComponent(part);
    const unit = part.charCodeAt(0);
    return [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
      .map((byte) => `%${byte.toString(16).toUpperCase()}`)
      .join("");
  });
}

const text = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme-composite", maxLength: 12 }),
  fc.constantFrom("\u0000", "a\u0000b", "\ud800", "😀", "\u202e", '\'; DROP TABLE "Centre"; --', "<script>"),
);

/** A cursor: base64url of JSON shaped like ours (sometimes), with odd keys such as a NUL. */
const cursor = fc.oneof(
  fc
    .record({
      s: fc.constantFrom("relevance", "reference", "title", "expiry", "x"),
      k: fc.oneof(text, fc.double(), fc.constant("NOR-18\u0000")),
      i: fc.oneof(fc.integer(), fc.constant(1)),
      f: fc.string({ maxLength: 8 }),
    })
    .map((payload) => Buffer.from(JSON.stringify(payload), "utf8").toString("base64url")),
  fc.base64String({ maxLength: 40 }),
);

export const paramName = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...knownNames) },
  { weight: 2, arbitrary: fc.constantFrom(...prototypeNames) },
  { weight: 2, arbitrary: text },
);
const paramValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...plausibleValues) },
  { weight: 3, arbitrary: text },
  { weight: 1, arbitrary: cursor },
  { weight: 1, arbitrary: fc.string({ minLength: 190, maxLength: 600 }) },
);

/** One query-string piece: percent-encoded as a browser would, or raw (malformed escapes included). */
const queryPart = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(paramName, paramValue).map(([n, v]) => `${percentEncode(n)}=${percentEncode(v)}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(paramName, fc.constantFrom(...rawEscapes))
      .map(([n, v]) => `${percentEncode(n)}=${v}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...rawEscapes), paramValue)
      .map(([n, v]) => `${n}=${percentEncode(v)}`),
  },
  { weight: 1, arbitrary: fc.constantFrom("", "&", "=", "==", "a", "&&=&", "q", "q=") },
);
export const queryString = fc.array(queryPart, { maxLength: 6 }).map((parts) => parts.join("&"));

/** A path segment for /api/v1/centres/<ref>: encoded text, raw escapes, or a near-reference. */
export const referenceSegment = fc.oneof(
  fc.constantFrom("NOR-18", "nor-18", "NOR%2D18", "NOR-000018", "XXX-1", "NOR-", "-18", "%2e%2e", ".."),
  text.filter((value) => value !== "").map(percentEncode),
  fc.constantFrom(...rawEscapes).map((escape) => `NOR${escape}`),
);

// ── server actions ────────────────────────────────────────────────────────

export type FormEntry = { name: string; value: string; file: boolean };

const fieldName = fc.oneof(
  fc.constantFrom(
    "email",
    "password",
    "token",
    "designationId",
    "reportId",
    "userId",
    "version",
    "text",
    "intent",
    "reason",
    "idempotencyKey",
    "$ACTION_ID_0",
    "$ACTION_KEY",
  ),
  fc.constantFrom(...prototypeNames),
  text,
);
const fieldValue = fc.oneof(fc.constantFrom(...plausibleValues), text, fc.string({ maxLength: 3000 }));
export const formEntries = fc.array(
  fc.record({ name: fieldName, value: fieldValue, file: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }),
  { maxLength: 6 },
);

/** A JSON value as React's encodeReply writes one: strings starting with "$" are escaped as "$$…". */
const replyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    text.map((value) => (value.startsWith("$") ? `$${value}` : value)),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom("$undefined", "$NaN", "$Infinity", "$-0"),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/**
 * The arguments of a fetch action, as the root row ("0") of a multipart
 * reply: the shapes the app's forms send ([previous state, form] or [form]),
 * with the form ("$K1") holding random fields, or arguments that are no form
 * at all. Always an array (or an object): a bare string or number as the
 * root makes Next's `action.apply` throw before our code runs.
 */
export const actionArguments = fc.oneof(
  replyValue.map((previous) => [previous, "$K1"]),
  fc.constant(["$K1"]),
  fc.constant([]),
  fc.array(replyValue, { maxLength: 3 }),
  fc.tuple(replyValue, replyValue),
  fc.dictionary(fc.string({ maxLength: 5 }), replyValue, { maxKeys: 2 }),
);

/** Content types Next cannot read a server action from: the proxy answers 400. */
export const unreadableContentType = fc.oneof(
  fc.constantFrom(
    "text/plain;charset=UTF-8",
    "text/plain",
    "application/json",
    "application/x-www-form-urlencoded",
    "text/x-component",
    "multipart/form-data",
    "Multipart/Form-Data; boundary=abc",
    "application/octet-stream",
  ),
  fc
    .string({ maxLength: 30 })
    .filter((value) => !value.startsWith("multipart/form-data") && !/[\r\n]/.test(value)),
);
export const rawBody = fc.oneof(
  fc.json(),
  fc.string({ maxLength: 200 }),
  fc.constantFrom("[", "[zxc]", '["$K1"]', '["$h0"]', "0=%5B%5D", '{"0":"$F1"}', ""),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString("latin1")),
);
