import "server-only";

import { unstable_rethrow } from "next/navigation";

import type { FormState } from "@/domain/form-state";
import { problem } from "@/domain/problem";
import { defaultLocale, type Locale } from "@/i18n/locales";
import type { Viewer } from "@/server/auth/load-viewer";
import type { RequestMeta } from "@/server/auth/request-meta";
import { reportDatabaseError } from "@/server/health/database-status";
import { logger } from "@/server/log/logger";
import { AccessDenied, authorize } from "@/server/policy/authorize";

import { CommandError, type Command, type PublicCommand } from "./command";
import { sayProblems } from "./say-problems";

export const GENERIC_FAILURE = problem("genericFailure");
/** While the database cannot be reached (decision 0027): try again shortly. */
export const DATABASE_UNAVAILABLE = problem("databaseUnavailable");

/**
 * Parses the values with the command's strict schema, loads the record and
 * checks the permission, runs the command, and turns the outcome into form
 * state (field errors and the submitted values echoed back, secrets
 * excepted). Unexpected errors are logged and shown as a generic message,
 * never their text; an unreachable database as a message to try again. Each
 * run is logged with its outcome (never the values). Separate from
 * runServerAction so that tests can drive the whole pipeline with a given
 * viewer. Its messages are said in `locale` (the reader's; English by default).
 */
export async function executeCommand<I>(
  command: Command<I> | PublicCommand<I>,
  raw: Record<string, string>,
  context: { viewer: Viewer | null; meta: RequestMeta; locale?: Locale },
): Promise<FormState & { retryable?: boolean }> {
  const outcome = await runCommand(command, raw, context);
  return sayProblems(outcome, context.locale ?? defaultLocale);
}

async function runCommand<I>(
  command: Command<I> | PublicCommand<I>,
  raw: Record<string, string>,
  { viewer, meta }: { viewer: Viewer | null; meta: RequestMeta },
): Promise<FormState & { retryable?: boolean }> {
  const secret = new Set(command.secretFields ?? []);
  const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !secret.has(key)));
  const log = logger.child({ command: command.name });
  try {
    const parsed = command.schema.safeParse(raw);
    if (!parsed.success) {
      log.info({ outcome: "invalid" }, "command");
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.length ? String(issue.path[0]) : "form";
        (fieldErrors[key] ??= []).push(
          issue.code === "unrecognized_keys" ? problem("unexpectedFields") : issue.message,
        );
      }
      return { status: "error", message: problem("checkFields"), fieldErrors, values };
    }
    const resource = command.resource ? await command.resource(parsed.data, viewer) : null;
    const { role } = await authorize(viewer, command.permission, resource, meta);
    const input = parsed.data;
    const result = command.public
      ? await command.handle({ viewer, input, meta, role })
      : await command.handle({ viewer: signedIn(viewer), input, meta, role });
    log.info({ outcome: "success" }, "command");
    return { status: "success", message: result?.message, data: result?.data, values: {} };
  } catch (error) {
    if (isControlFlow(error)) log.info({ outcome: "redirect" }, "command");
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    if (error instanceof CommandError) {
      log.info({ outcome: "refused" }, "command");
      return {
        status: "error",
        message: error.message,
        fieldErrors: error.fieldErrors,
        values: { ...values, ...error.values },
      };
    }
    if (error instanceof AccessDenied) {
      log.warn({ outcome: `denied (${error.outcome})` }, "command");
      return { status: "error", message: deniedMessages[error.outcome], values };
    }
    if (reportDatabaseError(error)) {
      log.warn({ outcome: "database unreachable", err: error }, "command");
      return { status: "error", message: DATABASE_UNAVAILABLE, values, retryable: true };
    }
    log.error({ outcome: "failed", err: error }, "command");
    return { status: "error", message: GENERIC_FAILURE, values, retryable: true };
  }
}

/** redirect() and notFound() throw errors whose digest says so. */
function isControlFlow(error: unknown): boolean {
  return (
    error instanceof Error &&
    "digest" in error &&
    /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/.test(String(error.digest))
  );
}

/** authorize() has refused anyone signed out already; this only tells the type system so. */
function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AccessDenied("unauthenticated");
  return viewer;
}

const deniedMessages: Record<AccessDenied["outcome"], string> = {
  unauthenticated: problem("sessionEnded"),
  forbidden: problem("notAtThisStage"),
  "two-factor-required": problem("twoFactorFirst"),
  "not-found": problem("notFound"),
};
