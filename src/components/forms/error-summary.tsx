import type { FormState } from "@/domain/form-state";

import { fieldId } from "./field";

/**
 * The form's outcome at the top: what went wrong, with links to each field in
 * error (GOV.UK's error summary), or the success message. Announced by
 * screen readers when it appears.
 */
export function FormMessage({ state, labels = {} }: { state: FormState; labels?: Record<string, string> }) {
  if (state.status === "idle" || !state.message) return null;
  if (state.status === "success") {
    return (
      <div role="status" className="rounded-md border-s-4 border-green-700 bg-green-50 p-4 text-green-900">
        {state.message}
      </div>
    );
  }
  const fields = Object.entries(state.fieldErrors ?? {}).filter(([name]) => name !== "form");
  const formErrors = state.fieldErrors?.form ?? [];
  return (
    <div
      role="alert"
      className="rounded-md border-s-4 border-red-700 bg-red-50 p-4 text-red-900"
      tabIndex={-1}
    >
      <p className="font-semibold">{state.message}</p>
      {formErrors.length > 0 && <p className="mt-1">{formErrors.join(" ")}</p>}
      {fields.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 ps-5">
          {fields.map(([name, messages]) => (
            <li key={name}>
              <a href={`#${fieldId(name)}`} className="text-red-900">
                {labels[name] ? `${labels[name]}: ` : ""}
                {messages.join(" ")}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
