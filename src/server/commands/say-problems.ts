import "server-only";

import type { FormState } from "@/domain/form-state";
import { readProblem } from "@/domain/problem";
import { translatorFor } from "@/i18n/catalogues";
import { defaultLocale, type Locale } from "@/i18n/locales";

// Where a form's answer leaves the server, its problems (src/domain/problem.ts)
// are said in the reader's language; other messages pass as they are.

export function sayProblem(message: string, locale: Locale = defaultLocale): string {
  const found = readProblem(message);
  if (!found) return message;
  const t = translatorFor(locale, "Problems") as unknown as {
    (key: string, values?: Record<string, string | number>): string;
    has(key: string): boolean;
  };
  return t.has(found.key) ? t(found.key, found.values) : message;
}

export function sayProblems<S extends Pick<FormState, "message" | "fieldErrors">>(
  state: S,
  locale: Locale = defaultLocale,
): S {
  return {
    ...state,
    ...(state.message === undefined ? {} : { message: sayProblem(state.message, locale) }),
    ...(state.fieldErrors === undefined
      ? {}
      : {
          fieldErrors: Object.fromEntries(
            Object.entries(state.fieldErrors).map(([field, messages]) => [
              field,
              messages.map((message) => sayProblem(message, locale)),
            ]),
          ),
        }),
  };
}
