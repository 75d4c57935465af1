import "server-only";

import { z } from "zod";

import type { FormState } from "@/domain/form-state";
import { problem } from "@/domain/problem";
import type { Action, ResourceFacts } from "@/domain/permissions";
import type { Viewer } from "@/server/auth/load-viewer";
import type { RequestMeta } from "@/server/auth/request-meta";

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

/**
 * Someone else changed the record since the form was loaded (compare-and-set
 * found 0 rows). Named ("this report", and the state their change left it
 * in) when the record has a life cycle: the loser of a race learns what happened.
 */
/** The records whose conflict names them (and the state they are now in, worded by the catalogue). */
export type ConflictNoun = "designation" | "report";

export class ConflictError extends CommandError {
  constructor(record?: { noun: ConflictNoun; state: string | null }) {
    super(
      !record
        ? problem("changedMeanwhile")
        : record.state
          ? problem(
              record.noun === "designation" ? "designationChangedMeanwhile" : "reportChangedMeanwhile",
              {
                state: record.state,
              },
            )
          : problem("recordChangedMeanwhile", { record: record.noun }),
    );
  }
}

/** What a command's handle is given: the viewer is a person unless the command is public. */
export type CommandContext<I, V extends Viewer | null = Viewer> = {
  viewer: V;
  input: I;
  meta: RequestMeta;
  role: Viewer["role"];
};

export type CommandResult = { message?: string; data?: FormState["data"] } | void;

type CommandBase<I> = {
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
};

/**
 * A command done by a signed-in person (every command but the public entry
 * points): its permission refuses anyone signed out before `handle` runs, so
 * `handle` is given the viewer, never null.
 */
export type Command<I> = CommandBase<I> & {
  public?: never;
  handle: (context: CommandContext<I>) => Promise<CommandResult>;
};

/** A public entry point (sign-in, password reset): anyone may send it, signed in or not. */
export type PublicCommand<I> = CommandBase<I> & {
  public: true;
  handle: (context: CommandContext<I, Viewer | null>) => Promise<CommandResult>;
};

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
  .min(1, problem("emailMissing"))
  .max(254, problem("tooLong", { max: 254 }))
  .pipe(z.email(problem("emailInvalid")));
