"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { requestPasswordResetAction } from "@/server/commands/actions";

export function ForgotPasswordForm() {
  const [state, action] = useActionState(requestPasswordResetAction, initialFormState);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} labels={{ email: "E-mail address" }} />
      <TextField
        name="email"
        label="E-mail address"
        hint="The address you sign in with."
        type="email"
        autoComplete="username"
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
        required
      />
      <SubmitButton pendingLabel="Sending…">Send me a link</SubmitButton>
    </form>
  );
}
