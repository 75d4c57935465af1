"use server";

import type { FormState } from "@/domain/form-state";

import { runCommand } from "../run-action";
import { resetTwoFactorCommand } from "./admin-reset";
import { disableTwoFactorCommand } from "./disable";
import { confirmTwoFactorCommand, startTwoFactorCommand } from "./enrol";

// Wiring only, as in src/server/commands/actions.ts: every action goes through runCommand.
export async function startTwoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(startTwoFactorCommand, formData);
}

export async function confirmTwoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(confirmTwoFactorCommand, formData);
}

export async function disableTwoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(disableTwoFactorCommand, formData);
}

export async function resetTwoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(resetTwoFactorCommand, formData);
}
