import type { FormState } from "@/domain/form-state";
import type { Viewer } from "@/server/auth/viewer";
import type { Command } from "@/server/commands/command";

/** Form values as a browser posts them: every command takes raw strings. */
export type RunCommand = (
  command: Command<never>,
  values: Record<string, string>,
  viewer: Viewer,
) => Promise<FormState>;

/**
 * Runs commands through executeCommand exactly as the server actions do.
 * Imported lazily: the app's modules read DATABASE_URL when first loaded,
 * which a test sets in its beforeAll.
 */
export async function commandRunner(meta: { ip: string; userAgent: string }): Promise<RunCommand> {
  const { executeCommand } = await import("@/server/commands/execute-command");
  return (command, values, viewer) => executeCommand(command, values, { viewer, meta });
}

/** Every designation command module, for the workflow tests. */
export async function designationCommands() {
  return {
    ...(await import("@/server/commands/designation/review-commands")),
    ...(await import("@/server/commands/designation/decision-commands")),
    ...(await import("@/server/commands/designation/form-commands")),
    ...(await import("@/server/commands/designation/comment-commands")),
    ...(await import("@/server/commands/designation/propose-command")),
    ...(await import("@/server/commands/designation/edit-proposal-command")),
  };
}
