"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import {
  NewPasswordFields,
  newPasswordLabels,
  type NewPasswordWords,
} from "@/components/forms/new-password-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { setPasswordAction } from "@/server/commands/actions";

export function SetPasswordForm({
  token,
  email,
  words,
}: {
  token: string;
  email: string;
  words: NewPasswordWords & { submit: string; saving: string };
}) {
  const [state, action] = useActionState(setPasswordAction, initialFormState);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} labels={newPasswordLabels(words)} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password with the right account; no name, so it is not sent. */}
      <input type="email" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordFields errors={state.fieldErrors ?? {}} words={words} />
      <SubmitButton pendingLabel={words.saving}>{words.submit}</SubmitButton>
    </form>
  );
}
