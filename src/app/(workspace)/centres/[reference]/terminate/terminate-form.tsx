"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { terminateCentreAction } from "@/server/commands/evaluation/actions";

/** The form's words, in the page's language (given by the server page). */
export type TerminateFormWords = {
  form: string;
  reason: string;
  label: string;
  hint: string;
  submit: string;
  errorLabel: string;
  pleaseWait: string;
};

/** The reason is required and comes back after an error; the centre's version guards a stale page. */
export function TerminateForm({
  centreId,
  version,
  words,
}: {
  centreId: number;
  version: number;
  words: TerminateFormWords;
}) {
  const [state, formAction] = useActionState(terminateCentreAction, initialFormState);
  if (state.status === "success") return <FormMessage state={state} />;
  const reason = state.values?.reason ?? "";
  return (
    <form action={formAction} noValidate className="space-y-4" aria-label={words.form}>
      <FormMessage state={state} labels={{ reason: words.reason }} />
      <input type="hidden" name="centreId" value={centreId} />
      <input type="hidden" name="version" value={version} />
      <Field
        name="reason"
        label={words.label}
        hint={words.hint}
        errors={state.fieldErrors?.reason}
        errorLabel={words.errorLabel}
      >
        {(props) => (
          <textarea
            {...props}
            key={reason}
            name="reason"
            rows={4}
            defaultValue={reason}
            className="block w-full max-w-2xl rounded-md border border-slate-400 bg-white px-3 py-2 text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700"
          />
        )}
      </Field>
      <SubmitButton variant="danger" pendingLabel={words.pleaseWait}>
        {words.submit}
      </SubmitButton>
    </form>
  );
}
