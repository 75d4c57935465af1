"use server";

import type { FormState } from "@/domain/form-state";
import { requestMeta } from "@/server/auth/request-meta";
import { getViewer } from "@/server/auth/viewer";
import { reportDatabaseError } from "@/server/health/database-status";
import { logger } from "@/server/log/logger";

import { readerLocale, readForm, runServerAction } from "../server-action";
import { sayProblem } from "../say-problems";
import { DATABASE_UNAVAILABLE, executeCommand, GENERIC_FAILURE } from "../execute-command";
import { saveDraftCommand, submitReportCommand, type SavedDraft } from "./edit-commands";
import { acceptReportCommand, returnReportCommand } from "./review-commands";

// Wiring only: every action goes through the command runner (viewer, zod, permission).

/**
 * The report form's two buttons ("Save draft", "Submit report"), told apart
 * by the `intent` the pressed button posts: one action, so that the form
 * works the same without JavaScript. `intent` is not a field of the report.
 */
export async function reportFormAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // Not a form at all: runServerAction answers so, before any command runs.
  if (!(formData instanceof FormData)) return runServerAction(saveDraftCommand(), formData);
  const intent = formData.get("intent");
  formData.delete("intent");
  return runServerAction(intent === "submit" ? submitReportCommand : saveDraftCommand(), formData);
}

export type AutosaveResult = Omit<FormState, "values"> & {
  version?: number;
  savedAt?: string;
  /** The save moved the report's state: the page re-renders its badge. */
  stateChanged?: boolean;
  /** A failure on our side (a busy database): the browser tries again; a refusal it does not. */
  retry?: boolean;
};

/**
 * The browser's autosave: the same command, without re-rendering the page on
 * every keystroke, answering the new version so the tab's next save is
 * compared against its own last save (never a false conflict).
 */
export async function autosaveReportAction(formData: FormData): Promise<AutosaveResult> {
  const locale = await readerLocale();
  const form = readForm(formData);
  if (!form.ok) return { status: "error", message: sayProblem(form.state.message ?? "", locale) };
  let saved: SavedDraft | undefined;
  try {
    const state = await executeCommand(
      saveDraftCommand((result) => (saved = result)),
      form.values,
      { viewer: await getViewer(), meta: await requestMeta(), locale },
    );
    return {
      status: state.status,
      message: state.message,
      fieldErrors: state.fieldErrors,
      version: saved?.version,
      savedAt: saved?.savedAt.toISOString(),
      stateChanged: saved?.stateChanged,
      retry: state.retryable,
    };
  } catch (error) {
    const message = reportDatabaseError(error) ? DATABASE_UNAVAILABLE : GENERIC_FAILURE;
    if (message === GENERIC_FAILURE)
      logger.error({ err: error, command: "report.autosave" }, "server action failed");
    return { status: "error", message: sayProblem(message, locale), retry: true };
  }
}

export async function acceptReportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(acceptReportCommand, formData);
}
export async function returnReportAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(returnReportCommand, formData);
}
