"use client";

import Link from "next/link";
import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { signInAction } from "@/server/commands/actions";

/** The form's words, in the page's language (from the server page: no catalogue in the browser). */
export type SignInWords = {
  email: string;
  password: string;
  code: string;
  codeHint: string;
  submit: string;
  submitting: string;
  forgot: string;
  forgotHref: string;
  errorLabel: string;
};

export function SignInForm({ next, email, words }: { next?: string; email?: string; words: SignInWords }) {
  const [state, action] = useActionState(signInAction, initialFormState);
  const values = state.values ?? {};
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage
        state={state}
        labels={{ email: words.email, password: words.password, code: words.code }}
      />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField
        name="email"
        label={words.email}
        type="email"
        autoComplete="username"
        defaultValue={values.email ?? email}
        errors={state.fieldErrors?.email}
        errorLabel={words.errorLabel}
        required
      />
      <TextField
        name="password"
        label={words.password}
        type="password"
        autoComplete="current-password"
        errors={state.fieldErrors?.password}
        errorLabel={words.errorLabel}
        required
      />
      <TextField
        name="code"
        label={words.code}
        hint={words.codeHint}
        autoComplete="one-time-code"
        errors={state.fieldErrors?.code}
        errorLabel={words.errorLabel}
      />
      <div className="flex flex-wrap items-center gap-6">
        <SubmitButton pendingLabel={words.submitting}>{words.submit}</SubmitButton>
        <Link href={words.forgotHref}>{words.forgot}</Link>
      </div>
    </form>
  );
}
