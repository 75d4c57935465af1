"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { Field } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { setLanguageAction } from "@/server/commands/actions";

type Option = { value: string; label: string };

/**
 * One choice among the six languages, each named in itself (with its `lang`,
 * so a screen reader says it in that language). Saved, the page comes back
 * at the new language's address (setLanguageAction).
 */
export function LanguageForm({
  options,
  selected,
  labels,
}: {
  options: Option[];
  selected: string;
  labels: { language: string; save: string; saving: string; errorLabel: string };
}) {
  const [state, action] = useActionState(setLanguageAction, initialFormState);
  const value = state.values?.locale ?? selected;
  return (
    <form action={action} className="space-y-5" noValidate>
      <FormMessage state={state} labels={{ locale: labels.language }} />
      <Field
        name="locale"
        label={labels.language}
        errors={state.fieldErrors?.locale}
        errorLabel={labels.errorLabel}
      >
        {(props) => (
          <select
            {...props}
            key={value}
            name="locale"
            defaultValue={value}
            className="block w-full max-w-md rounded-md border border-slate-400 bg-white px-3 py-2 text-ink"
          >
            {options.map((option) => (
              <option key={option.value} value={option.value} lang={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pendingLabel={labels.saving}>{labels.save}</SubmitButton>
    </form>
  );
}
