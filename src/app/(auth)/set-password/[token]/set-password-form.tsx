"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { setPasswordAction } from "@/server/commands/actions";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState(setPasswordAction, initialFormState);
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} labels={{ password: "New password", confirm: "Type it again" }} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password with the right account; no name, so it is not sent. */}
      <input type="email" value={email} autoComplete="username" readOnly hidden />
      <TextField
        name="password"
        label="New password"
        hint="At least 8 characters; 15 or more is better. A few unrelated words are easy to remember and hard to guess. Spaces count."
        type="password"
        autoComplete="new-password"
        errors={state.fieldErrors?.password}
        required
      />
      <TextField
        name="confirm"
        label="Type it again"
        type="password"
        autoComplete="new-password"
        errors={state.fieldErrors?.confirm}
        required
      />
      <SubmitButton pendingLabel="Saving…">Set password</SubmitButton>
    </form>
  );
}
