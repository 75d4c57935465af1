import type { ReactNode } from "react";

export function fieldId(name: string): string {
  return `field-${name}`;
}

type FieldProps = {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  /**
   * What a screen reader hears before the field's errors ("Error: "), in the
   * page's language: WorkspaceForm.errorLabel, passed by the server page.
   */
  errorLabel: string;
  children: (props: { id: string; "aria-describedby"?: string; "aria-invalid"?: true }) => ReactNode;
};

/** A label, an optional hint and the field's errors, tied to the control with aria-describedby. */
export function Field({ name, label, hint, errors, errorLabel, children }: FieldProps) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="text-sm font-medium text-red-700">
          <span className="sr-only">{errorLabel}</span>
          {errors?.join(" ")}
        </p>
      )}
      {children({
        id,
        "aria-describedby": describedBy,
        ...(errorId ? { "aria-invalid": true as const } : {}),
      })}
    </div>
  );
}

const inputClass =
  "block w-full max-w-md rounded-md border border-slate-400 bg-white px-3 py-2 text-ink aria-[invalid=true]:border-red-700 aria-[invalid=true]:border-2";

type TextFieldProps = {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  errorLabel: string;
  type?: "text" | "email" | "password" | "search";
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
};

export function TextField({ type = "text", defaultValue, autoComplete, required, ...field }: TextFieldProps) {
  return (
    <Field {...field}>
      {(props) => (
        <input
          {...props}
          name={field.name}
          type={type}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          required={required}
          // Passwords and addresses are taken exactly as typed.
          autoCapitalize={type === "text" ? undefined : "none"}
          spellCheck={type === "text" ? undefined : false}
          className={inputClass}
        />
      )}
    </Field>
  );
}

type SelectFieldProps = {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  errorLabel: string;
  options: readonly { value: string; label: string }[];
  defaultValue?: string;
  placeholder?: string;
};

export function SelectField({ options, defaultValue, placeholder, ...field }: SelectFieldProps) {
  return (
    <Field {...field}>
      {(props) => (
        // Keyed on the echoed value: a remount makes it the option the form's
        // reset (React 19 resets forms after an action) returns to.
        <select
          {...props}
          key={defaultValue ?? ""}
          name={field.name}
          defaultValue={defaultValue ?? ""}
          className={inputClass}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
