import "server-only";

import { unstable_rethrow } from "next/navigation";
import { z } from "zod";

import type { FormState } from "@/domain/form-state";
import type { Action, ResourceFacts } from "@/domain/permissions";
import type { Viewer } from "@/server/auth/load-viewer";
import type { RequestMeta } from "@/server/auth/request-meta";
import { AccessDenied, authorize } from "@/server/policy/authorize";

/** An expected failure: shown to the person, next to a field when one is named. */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** Values the form comes back with instead of what was sent (a question's context). */
    readonly values?: Record<string, string>,
  ) {
    super(message);
    this.name = "CommandError";
  }
}

/** Someone else changed the record since the form was loaded (compare-and-set found 0 rows). */
export class ConflictError extends CommandError {
  constructor() {
    super("Someone else changed this in the meantime. Reload the page to see their change, then try again.");
  }
}

export type CommandContext<I> = { viewer: Viewer | null; input: I; meta: RequestMeta; role: Viewer["role"] };

export type Command<I> = {
  name: string;
  /** Required: a command cannot forget its permission. */
  permission: Action;
  schema: z.ZodType<I>;
  /** Loads the record the permission is checked against, from the database (never from the form). */
  resource?: (input: I, viewer: Viewer | null) => Promise<ResourceFacts | null>;
  /** The command ends the viewer's sessions: the action also clears this browser's cookie. */
  endsSession?: boolean;
  /** Fields never echoed back (passwords, tokens). */
  secretFields?: readonly string[];
  handle: (context: CommandContext<I>) => Promise<{ message?: string; data?: FormState["data"] } | void>;
};

export const GENERIC_FAILURE = "Something went wrong on our side. Please try again in a moment.";

/**
 * Parses the values with the command's strict schema, loads the record and
 * checks the permission, runs the command, and turns the outcome into form
 * state (field errors and the submitted values echoed back, secrets
 * excepted). Unexpected errors are logged and shown as a generic message,
 * never their text. Separate from runCommand so that tests can drive the
 * whole pipeline with a given viewer.
 */
export async function executeCommand<I>(
  command: Command<I>,
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
    const result = await command.handle({ viewer, input: parsed.data, meta, role });
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
    if (error instanceof AccessDenied) {
      const message =
        error.outcome === "unauthenticated"
          ? "Your session has ended. Sign in again to continue."
          : error.outcome === "forbidden"
            ? "This cannot be done at this stage."
            : error.outcome === "two-factor-required"
              ? "Set up two-factor sign-in first, on your account's two-factor page."
              : "We could not find that, or you do not have access to it.";
      return { status: "error", message, values };
    }
    console.error(`[command ${command.name}]`, error);
    return { status: "error", message: GENERIC_FAILURE, values };
  }
}

/** Form fields arrive as strings; empty optional fields mean "not given". */
export const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter an e-mail address.")
  .max(254, "Use at most 254 characters.")
  .pipe(z.email("Enter an e-mail address like name@example.org."));
