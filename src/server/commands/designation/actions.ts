"use server";

import type { FormState } from "@/domain/form-state";

import { runServerAction } from "../server-action";
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
  saveSubjectsCommand,
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

// Wiring only: every action goes through runServerAction (viewer, zod, permission).

export async function sendAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(sendCommand, formData);
}
export async function submitAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(submitCommand, formData);
}
export async function returnAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(returnCommand, formData);
}
export async function endorseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(endorseCommand, formData);
}
export async function clearAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(clearCommand, formData);
}
export async function returnToOfficerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(returnToOfficerCommand, formData);
}
export async function returnToCentreAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(returnToCentreCommand, formData);
}
export async function acceptAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(acceptCommand, formData);
}
export async function recordConsultationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(recordConsultationCommand, formData);
}
export async function decideAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(decideCommand, formData);
}
export async function withdrawAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(withdrawCommand, formData);
}
export async function rejectAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(rejectCommand, formData);
}
export async function saveDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(saveDetailsCommand, formData);
}
export async function saveTorItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(saveTorItemCommand, formData);
}
export async function removeTorItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(removeTorItemCommand, formData);
}
export async function saveActivityAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(saveActivityCommand, formData);
}
export async function removeActivityAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(removeActivityCommand, formData);
}
export async function addCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(addCommentCommand, formData);
}
export async function resolveCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(resolveCommentCommand, formData);
}
export async function proposeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(proposeCommand, formData);
}
export async function editProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(editProposalCommand, formData);
}
export async function saveSubjectsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(saveSubjectsCommand, formData);
}
