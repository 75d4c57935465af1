// What a form action answers: field errors next to the fields, a message for
// the whole form, and the submitted values echoed back so nothing typed is
// lost (React 19 resets uncontrolled forms after an action).
export type FormState = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
  /** What a successful command shows once and never again (new recovery codes). */
  data?: Record<string, string>;
};

export const initialFormState: FormState = { status: "idle" };
