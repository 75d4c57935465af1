import "server-only";

import type { FormState } from "@/domain/form-state";
import { readProblem } from "@/domain/problem";
import { translatorFor } from "@/i18n/catalogues";
import { localeFormat } from "@/i18n/format";
import { defaultLocale, type Locale } from "@/i18n/locales";

// Where a form's answer leaves the server, its problems (src/domain/problem.ts)
// are said in the reader's language; other messages pass as they are. So is
// a problem stored for later (a centre's status reason written by a
// scheduled job), by the page that shows it. A value that is a calendar day
// ("2026-03-01") is said as a day in that language.

const calendarDay = /^\d{4}-\d{2}-\d{2}$/;

export function sayProblem(message: string, locale: Locale = defaultLocale): string {
  const found = readProblem(message);
  if (!found) return message;
  const t = translatorFor(locale, "Problems") as unknown as {
    (key: string, values?: Record<string, string | number>): string;
    has(key: string): boolean;
  };
  if (!t.has(found.key)) return message;
  const format = localeFormat(locale);
  const values = Object.fromEntries(
    Object.entries(found.values).map(([name, value]) => [
      name,
      typeof value === "string" && calendarDay.test(value) ? format.day(value) : value,
    ]),
  );
  return t(found.key, values);
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
