"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/field";
import { NewPasswordFields, newPasswordLabels } from "@/components/forms/new-password-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { changePasswordAction } from "@/server/commands/actions";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} labels={{ current: "Current password", ...newPasswordLabels }} />
      <TextField
        name="current"
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={errors.current}
        required
      />
      <NewPasswordFields errors={errors} />
      <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
    </form>
  );
}
