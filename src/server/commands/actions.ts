"use server";

import { getLocale } from "next-intl/server";

import type { FormState } from "@/domain/form-state";
import { isLocale } from "@/i18n/locales";
import { redirectInLanguage } from "@/server/http/locale-cookie";

import { changePasswordCommand } from "./change-password";
import { addRoleCommand, removeRoleCommand } from "./change-roles";
import { inviteUserCommand } from "./invite-user";
import { requestPasswordResetCommand } from "./request-password-reset";
import { runServerAction } from "./server-action";
import { setLanguageCommand } from "./set-language";
import { setPasswordCommand } from "./set-password";
import { signInCommand } from "./sign-in";
import { signOutCommand } from "./sign-out";
import { setUserAccessCommand } from "./user-access";

// Server actions are wiring only: every one goes through runServerAction, which
// reads the viewer, validates, and checks the command's permission.
export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(signInCommand, formData);
}

export async function signOutAction(formData: FormData): Promise<void> {
  await runServerAction(signOutCommand, formData);
}

export async function requestPasswordResetAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  return runServerAction(requestPasswordResetCommand, formData);
}

export async function setPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(setPasswordCommand, formData);
}

export async function inviteUserAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // A form without the language choice (the designation page's): the
  // invitee's e-mails are in the inviter's current language.
  if (formData instanceof FormData && !formData.has("locale")) formData.set("locale", await getLocale());
  return runServerAction(inviteUserCommand, formData);
}

export async function addRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(addRoleCommand, formData);
}

export async function removeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(removeRoleCommand, formData);
}

export async function setUserAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(setUserAccessCommand, formData);
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runServerAction(changePasswordCommand, formData);
}

/**
 * The account's language page: the profile first (the command), then this
 * browser's cookie, then the same page at the new language's address, so
 * the whole page, header included, is in the language just chosen.
 */
export async function setLanguageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await runServerAction(setLanguageCommand, formData);
  const locale = formData instanceof FormData ? formData.get("locale") : null;
  if (state.status !== "success" || !isLocale(locale)) return state;
  return redirectInLanguage(locale, "/account/language?saved=1");
}
