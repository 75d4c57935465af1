"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { changePasswordAction } from "@/server/commands/actions";

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage
        state={state}
        labels={{ current: "Current password", password: "New password", confirm: "Type it again" }}
      />
      <TextField
        name="current"
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={errors.current}
        required
      />
      <TextField
        name="password"
        label="New password"
        hint="At least 8 characters; 15 or more is better. Spaces count."
        type="password"
        autoComplete="new-password"
        errors={errors.password}
        required
      />
      <TextField
        name="confirm"
        label="Type it again"
        type="password"
        autoComplete="new-password"
        errors={errors.confirm}
        required
      />
      <SubmitButton pendingLabel="Saving…">Change password</SubmitButton>
    </form>
  );
}
