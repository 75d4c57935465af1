"use client";

import { useActionState, useId } from "react";

import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState, type FormState } from "@/domain/form-state";

export type FieldSpec = {
  name: string;
  label: string;
  kind: "text" | "textarea" | "date" | "number" | "select" | "email" | "hidden";
  hint?: string;
  options?: readonly { value: string; label: string }[];
  defaultValue?: string;
  /** Shown only when the form came back with a value for this other field (a question's context). */
  onlyWith?: string;
};

export type ActionFormProps = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string | number>;
  fields?: readonly FieldSpec[];
  submitLabel: string;
  variant?: "primary" | "secondary" | "danger";
  /** Shown above the fields; several forms share a page, so each names itself. */
  legend?: string;
};

/** The form's own words, in the page's language (from the server wrapper, ./action-form.tsx). */
export type ActionFormWords = { error: string; choose: string; pleaseWait: string };

const inputClass =
  "block w-full max-w-xl rounded-md border border-slate-400 bg-white px-3 py-2 text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";

/**
 * One small form of the designation page. Several share the page, so ids are
 * made unique with useId (the shared Field derives ids from names only).
 * What was typed comes back after an error (React 19 resets forms after an
 * action), and the server's message is announced where the form is.
 */
export function ActionFormClient({
  action,
  hidden,
  fields = [],
  submitLabel,
  variant = "primary",
  legend,
  words,
}: ActionFormProps & { words: ActionFormWords }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const prefix = useId();
  const values = state.status === "error" ? (state.values ?? {}) : {};
  const errors = state.fieldErrors ?? {};
  const formErrors = [
    ...(errors.form ?? []),
    ...Object.keys(errors)
      .filter((k) => k in hidden)
      .flatMap((k) => errors[k] ?? []),
  ];
  return (
    <form action={formAction} className="space-y-3" noValidate aria-label={legend ?? submitLabel}>
      {legend && <p className="font-semibold">{legend}</p>}
      {state.status === "success" && state.message && (
        <p role="status" className="rounded-md border-s-4 border-green-700 bg-green-50 p-3 text-green-900">
          {state.message}
        </p>
      )}
      {state.status === "error" && state.message && (
        <div role="alert" className="rounded-md border-s-4 border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{state.message}</p>
          {formErrors.length > 0 && <p>{formErrors.join(" ")}</p>}
        </div>
      )}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      {fields.map((field) => {
        if (field.onlyWith && !values[field.onlyWith]) return null;
        if (field.kind === "hidden") {
          const value = values[field.name] ?? field.defaultValue ?? "";
          return <input key={`${field.name}-${value}`} type="hidden" name={field.name} value={value} />;
        }
        const id = `${prefix}-${field.name}`;
        const fieldErrors = errors[field.name];
        const describedBy =
          [field.hint ? `${id}-hint` : null, fieldErrors?.length ? `${id}-error` : null]
            .filter(Boolean)
            .join(" ") || undefined;
        const common = {
          id,
          name: field.name,
          // Keyed remount: after an action the echoed value becomes the default again.
          defaultValue: values[field.name] ?? field.defaultValue ?? "",
          "aria-describedby": describedBy,
          "aria-invalid": fieldErrors?.length ? true : undefined,
          className: inputClass,
        };
        return (
          <div key={`${field.name}-${common.defaultValue}`} className="space-y-1">
            <label htmlFor={id} className="block font-medium">
              {field.label}
            </label>
            {field.hint && (
              <p id={`${id}-hint`} className="text-sm text-muted">
                {field.hint}
              </p>
            )}
            {fieldErrors?.length ? (
              <p id={`${id}-error`} className="text-sm font-medium text-red-700">
                <span className="sr-only">{words.error} </span>
                {fieldErrors.join(" ")}
              </p>
            ) : null}
            {field.kind === "textarea" ? (
              <textarea {...common} rows={3} />
            ) : field.kind === "select" ? (
              <select {...common}>
                <option value="">{words.choose}</option>
                {field.options?.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={field.kind === "number" ? "text" : field.kind}
                inputMode={field.kind === "number" ? "numeric" : undefined}
              />
            )}
          </div>
        );
      })}
      <SubmitButton variant={variant} pendingLabel={words.pleaseWait}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
