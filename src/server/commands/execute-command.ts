import "server-only";

import { unstable_rethrow } from "next/navigation";

import type { FormState } from "@/domain/form-state";
import type { Viewer } from "@/server/auth/load-viewer";
import type { RequestMeta } from "@/server/auth/request-meta";
import { AccessDenied, authorize } from "@/server/policy/authorize";

import { CommandError, type Command, type PublicCommand } from "./command";

export const GENERIC_FAILURE = "Something went wrong on our side. Please try again in a moment.";

/**
 * Parses the values with the command's strict schema, loads the record and
 * checks the permission, runs the command, and turns the outcome into form
 * state (field errors and the submitted values echoed back, secrets
 * excepted). Unexpected errors are logged and shown as a generic message,
 * never their text. Separate from runServerAction so that tests can drive the
 * whole pipeline with a given viewer.
 */
export async function executeCommand<I>(
  command: Command<I> | PublicCommand<I>,
  raw: Record<string, string>,
  { viewer, meta }: { viewer: Viewer | null; meta: RequestMeta },
): Promise<FormState> {
  const secret = new Set(command.secretFields ?? []);
  const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !secret.has(key)));
  try {
    const parsed = command.schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.length ? String(issue.path[0]) : "form";
        (fieldErrors[key] ??= []).push(
          issue.code === "unrecognized_keys" ? "This form has fields it should not have." : issue.message,
        );
      }
      return { status: "error", message: "Check the highlighted fields.", fieldErrors, values };
    }
    const resource = command.resource ? await command.resource(parsed.data, viewer) : null;
    const { role } = await authorize(viewer, command.permission, resource, meta);
    const input = parsed.data;
    const result = command.public
      ? await command.handle({ viewer, input, meta, role })
      : await command.handle({ viewer: signedIn(viewer), input, meta, role });
    return { status: "success", message: result?.message, data: result?.data, values: {} };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    if (error instanceof CommandError) {
      return {
        status: "error",
        message: error.message,
        fieldErrors: error.fieldErrors,
        values: { ...values, ...error.values },
      };
    }
    if (error instanceof AccessDenied)
      return { status: "error", message: deniedMessages[error.outcome], values };
    console.error(`[command ${command.name}]`, error);
    return { status: "error", message: GENERIC_FAILURE, values };
  }
}

/** authorize() has refused anyone signed out already; this only tells the type system so. */
function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AccessDenied("unauthenticated");
  return viewer;
}

const deniedMessages: Record<AccessDenied["outcome"], string> = {
  unauthenticated: "Your session has ended. Sign in again to continue.",
  forbidden: "This cannot be done at this stage.",
  "two-factor-required": "Set up two-factor sign-in first, on your account's two-factor page.",
  "not-found": "We could not find that, or you do not have access to it.",
};
