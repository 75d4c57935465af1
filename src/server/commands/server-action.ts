import "server-only";

import { refresh } from "next/cache";
import { unstable_rethrow } from "next/navigation";

import { getLocale } from "next-intl/server";

import type { FormState } from "@/domain/form-state";
import { problem } from "@/domain/problem";
import { isLocale, defaultLocale, type Locale } from "@/i18n/locales";
import { signOut } from "@/server/auth/next-auth";
import { requestMeta } from "@/server/auth/request-meta";
import { getViewer } from "@/server/auth/viewer";
import { reportDatabaseError } from "@/server/health/database-status";
import { logger } from "@/server/log/logger";

import type { Command, PublicCommand } from "./command";
import { DATABASE_UNAVAILABLE, executeCommand, GENERIC_FAILURE } from "./execute-command";
import { sayProblems } from "./say-problems";

export const UNREADABLE_FORM = problem("unreadableForm");
const NUL_IN_FORM = problem("nulInField");

export type ReadForm = { ok: true; values: Record<string, string> } | { ok: false; state: FormState };

/**
 * An action's form fields as strings, minus Next's own `$ACTION_…` entries.
 * Next decodes an action's arguments from whatever the client posted, so the
 * "FormData" may be a string, a number or nothing at all; and PostgreSQL
 * cannot store a NUL. Either is refused with a message before any command
 * runs (issue #11: such posts answered 500 or a generic failure).
 */
export function readForm(formData: unknown, secretFields: readonly string[] = []): ReadForm {
  if (!(formData instanceof FormData)) {
    return { ok: false, state: { status: "error", message: UNREADABLE_FORM, values: {} } };
  }
  // No prototype: a field named `__proto__` or `constructor` is a field like any other.
  const values = Object.create(null) as Record<string, string>;
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith("$") && typeof value === "string") values[key] = value;
  }
  if (Object.entries(values).some(([key, value]) => `${key}${value}`.includes("\u0000"))) {
    const echoed = Object.fromEntries(
      Object.entries(values)
        .filter(([key]) => !secretFields.includes(key))
        .map(([key, value]) => [key, value.replaceAll("\u0000", "")]),
    );
    return { ok: false, state: { status: "error", message: NUL_IN_FORM, values: echoed } };
  }
  return { ok: true, values };
}

/**
 * THE runner every server action goes through: reads the form, the viewer and
 * the request's address, then executeCommand().
 */
export async function runServerAction<I>(
  command: Command<I> | PublicCommand<I>,
  formData: unknown,
): Promise<FormState> {
  const locale = await readerLocale();
  const form = readForm(formData, command.secretFields);
  if (!form.ok) return sayProblems(form.state, locale);
  try {
    const state = await executeCommand(command, form.values, {
      viewer: await getViewer(),
      meta: await requestMeta(),
      locale,
    });
    // The page behind the form shows the change (a new role, the audit row) with the message.
    if (state.status === "success") refresh();
    return state;
  } catch (error) {
    // A command that ends the sessions finishes with a redirect; clearing the
    // cookie too makes Next re-render the whole page, header included.
    if (command.endsSession && isRedirect(error)) await signOut({ redirect: false });
    unstable_rethrow(error);
    // Reading the viewer needs the database too.
    if (reportDatabaseError(error))
      return sayProblems<FormState>({ status: "error", message: DATABASE_UNAVAILABLE, values: {} }, locale);
    logger.error({ err: error, command: command.name }, "server action failed");
    return sayProblems<FormState>({ status: "error", message: GENERIC_FAILURE, values: {} }, locale);
  }
}

/** The language of the page the form was sent from (the proxy chose it; English outside a request). */
export async function readerLocale(): Promise<Locale> {
  try {
    const locale = await getLocale();
    return isLocale(locale) ? locale : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

function isRedirect(error: unknown): boolean {
  return error instanceof Error && "digest" in error && String(error.digest).startsWith("NEXT_REDIRECT");
}
