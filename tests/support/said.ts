import { sayProblem } from "@/server/commands/say-problems";

/**
 * A domain answer as the reader sees it in English: every message in it (a
 * problem of src/domain/problem.ts, said by say-problems.ts) in its words, so
 * that tests of domain rules assert on the wording a person reads.
 */
export function said<T>(value: T): T {
  if (typeof value === "string") return sayProblem(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => said(item)) as T;
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, said(item)])) as T;
  return value;
}
