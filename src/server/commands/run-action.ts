import "server-only";

import { refresh } from "next/cache";
import { unstable_rethrow } from "next/navigation";

import type { FormState } from "@/domain/form-state";
import { signOut } from "@/server/auth/next-auth";
import { requestMeta } from "@/server/auth/request-meta";
import { getViewer } from "@/server/auth/viewer";

import { executeCommand, GENERIC_FAILURE, type Command } from "./run-command";

/** Form fields as strings, minus Next's own `$ACTION_…` entries. */
function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith("$") && typeof value === "string") values[key] = value;
  }
  return values;
}

/**
 * THE command runner every server action goes through: reads the viewer and
 * the request's address, then executeCommand().
 */
export async function runCommand<I>(command: Command<I>, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const state = await executeCommand(command, values, {
      viewer: await getViewer(),
      meta: await requestMeta(),
    });
    // The page behind the form shows the change (a new role, the audit row) with the message.
    if (state.status === "success") refresh();
    return state;
  } catch (error) {
    // A command that ends the sessions finishes with a redirect; clearing the
    // cookie too makes Next re-render the whole page, header included.
    if (command.endsSession && isRedirect(error)) await signOut({ redirect: false });
    unstable_rethrow(error);
    console.error(`[command ${command.name}]`, error);
    return { status: "error", message: GENERIC_FAILURE, values: {} };
  }
}

function isRedirect(error: unknown): boolean {
  return error instanceof Error && "digest" in error && String(error.digest).startsWith("NEXT_REDIRECT");
}
