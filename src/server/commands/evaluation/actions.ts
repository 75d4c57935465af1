"use server";

import type { FormState } from "@/domain/form-state";

import { runServerAction } from "../server-action";
import { completeEvaluationCommand, saveEvaluationCommand } from "./evaluation-commands";
import { startRedesignationCommand, terminateCentreCommand } from "./renewal-commands";

// Wiring only: every action goes through runServerAction (viewer, zod, permission).

/** One form, two buttons: "Save draft" and "Complete", each its own command and permission. */
export async function evaluationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(
    formData instanceof FormData && formData.get("intent") === "complete"
      ? completeEvaluationCommand
      : saveEvaluationCommand,
    formData,
  );
}
export async function startRedesignationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(startRedesignationCommand, formData);
}
export async function terminateCentreAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(terminateCentreCommand, formData);
}
