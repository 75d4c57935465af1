import type english from "../../messages/en.json";

// A message the server writes for a person before it knows which language
// they read (a command's refusal, a zod schema's error): a key of the
// catalogues' `Problems` namespace and its values, carried as one string so
// that it fits wherever a message goes (zod's `error`, CommandError, form
// state). The one place that answers the browser says it in the reader's
// language (src/server/commands/say-problems.ts). A message that is not a
// problem (wording not in the catalogues yet) is shown as it is.

export type ProblemKey = keyof (typeof english)["Problems"];
export type ProblemValues = Record<string, string | number>;

const prefix = "Problems.";
const separator = "|";

export function problem(key: ProblemKey, values?: ProblemValues): string {
  return values ? `${prefix}${key}${separator}${JSON.stringify(values)}` : `${prefix}${key}`;
}

/** The key and values of a problem; null for any other message. */
export function readProblem(message: string): { key: string; values: ProblemValues } | null {
  if (!message.startsWith(prefix)) return null;
  const rest = message.slice(prefix.length);
  const at = rest.indexOf(separator);
  const key = at === -1 ? rest : rest.slice(0, at);
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(key)) return null;
  if (at === -1) return { key, values: {} };
  try {
    const values: unknown = JSON.parse(rest.slice(at + 1));
    if (typeof values !== "object" || values === null || Array.isArray(values)) return null;
    const entries = Object.entries(values).filter(
      (entry): entry is [string, string | number] =>
        typeof entry[1] === "string" || typeof entry[1] === "number",
    );
    return { key, values: Object.fromEntries(entries) };
  } catch {
    return null;
  }
}
