"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { requestPasswordResetAction } from "@/server/commands/actions";

export function ForgotPasswordForm({
  words,
}: {
  words: { email: string; emailHint: string; send: string; sending: string; errorLabel: string };
}) {
  const [state, action] = useActionState(requestPasswordResetAction, initialFormState);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} labels={{ email: words.email }} />
      <TextField
        name="email"
        label={words.email}
        hint={words.emailHint}
        type="email"
        autoComplete="username"
        defaultValue={state.values?.email}
        errors={state.fieldErrors?.email}
        errorLabel={words.errorLabel}
        required
      />
      <SubmitButton pendingLabel={words.sending}>{words.send}</SubmitButton>
    </form>
  );
}
