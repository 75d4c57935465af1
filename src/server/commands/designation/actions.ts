"use server";

import type { FormState } from "@/domain/form-state";

import { runCommand } from "../run-action";
import { editProposalCommand } from "./edit-proposal-command";
import { proposeCommand } from "./propose-command";
import { addCommentCommand, resolveCommentCommand } from "./comment-commands";
import {
  decideCommand,
  recordConsultationCommand,
  rejectCommand,
  withdrawCommand,
} from "./decision-commands";
import {
  removeActivityCommand,
  removeTorItemCommand,
  saveActivityCommand,
  saveDetailsCommand,
  saveTorItemCommand,
} from "./form-commands";
import {
  acceptCommand,
  clearCommand,
  endorseCommand,
  returnCommand,
  returnToCentreCommand,
  returnToOfficerCommand,
  sendCommand,
  submitCommand,
} from "./review-commands";

// Wiring only: every action goes through runCommand (viewer, zod, permission).

export async function sendAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(sendCommand, formData);
}
export async function submitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(submitCommand, formData);
}
export async function returnAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(returnCommand, formData);
}
export async function endorseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(endorseCommand, formData);
}
export async function clearAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(clearCommand, formData);
}
export async function returnToOfficerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(returnToOfficerCommand, formData);
}
export async function returnToCentreAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(returnToCentreCommand, formData);
}
export async function acceptAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(acceptCommand, formData);
}
export async function recordConsultationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(recordConsultationCommand, formData);
}
export async function decideAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(decideCommand, formData);
}
export async function withdrawAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(withdrawCommand, formData);
}
export async function rejectAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(rejectCommand, formData);
}
export async function saveDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(saveDetailsCommand, formData);
}
export async function saveTorItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(saveTorItemCommand, formData);
}
export async function removeTorItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(removeTorItemCommand, formData);
}
export async function saveActivityAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(saveActivityCommand, formData);
}
export async function removeActivityAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(removeActivityCommand, formData);
}
export async function addCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(addCommentCommand, formData);
}
export async function resolveCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(resolveCommentCommand, formData);
}
export async function proposeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(proposeCommand, formData);
}
export async function editProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runCommand(editProposalCommand, formData);
}
