"use server";

import type { FormState } from "@/domain/form-state";

import { runServerAction } from "../server-action";
import { resetTwoFactorCommand } from "./admin-reset";
import { disableTwoFactorCommand } from "./disable";
import { confirmTwoFactorCommand, startTwoFactorCommand } from "./enrol";

// Wiring only, as in src/server/commands/actions.ts: every action goes through runServerAction.
export async function startTwoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(startTwoFactorCommand, formData);
}

export async function confirmTwoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(confirmTwoFactorCommand, formData);
}

export async function disableTwoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(disableTwoFactorCommand, formData);
}

export async function resetTwoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(resetTwoFactorCommand, formData);
}
