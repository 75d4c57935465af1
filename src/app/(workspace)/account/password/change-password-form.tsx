"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/field";
import {
  NewPasswordFields,
  newPasswordLabels,
  type NewPasswordWords,
} from "@/components/forms/new-password-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { changePasswordAction } from "@/server/commands/actions";

export function ChangePasswordForm({
  words,
}: {
  words: NewPasswordWords & { current: string; submit: string; saving: string };
}) {
  const [state, action] = useActionState(changePasswordAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} labels={{ current: words.current, ...newPasswordLabels(words) }} />
      <TextField
        name="current"
        label={words.current}
        type="password"
        autoComplete="current-password"
        errors={errors.current}
        errorLabel={words.errorLabel}
        required
      />
      <NewPasswordFields errors={errors} words={words} />
      <SubmitButton pendingLabel={words.saving}>{words.submit}</SubmitButton>
    </form>
  );
}
