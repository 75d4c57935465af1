"use client";

import Link from "next/link";
import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { signInAction } from "@/server/commands/actions";

export function SignInForm({ next, email }: { next?: string; email?: string }) {
  const [state, action] = useActionState(signInAction, initialFormState);
  const values = state.values ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage
        state={state}
        labels={{ email: "E-mail address", password: "Password", code: "Two-factor code" }}
      />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField
        name="email"
        label="E-mail address"
        type="email"
        autoComplete="username"
        defaultValue={values.email ?? email}
        errors={state.fieldErrors?.email}
        required
      />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        errors={state.fieldErrors?.password}
        required
      />
      <TextField
        name="code"
        label="Two-factor code"
        hint="Only if you have set up two-factor sign-in: the 6 digits from your app, or a recovery code."
        autoComplete="one-time-code"
        errors={state.fieldErrors?.code}
      />
      <div className="flex flex-wrap items-center gap-6">
        <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
        <Link href="/forgot-password">Forgot your password?</Link>
      </div>
    </form>
  );
}
