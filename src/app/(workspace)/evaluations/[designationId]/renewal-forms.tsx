"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { startRedesignationAction } from "@/server/commands/evaluation/actions";

/** Starts the redesignation; on success the server goes to the new designation's page. */
export function StartRedesignationForm(props: {
  designationId: number;
  centreVersion: number;
  idempotencyKey: string;
  /** The button's words, in the page's language. */
  label: string;
  /** What the button says while the form is sent. */
  pendingLabel: string;
}) {
  const [state, formAction] = useActionState(startRedesignationAction, initialFormState);
  return (
    <form action={formAction} className="space-y-3" aria-label={props.label}>
      <FormMessage state={state} />
      <input type="hidden" name="designationId" value={props.designationId} />
      <input type="hidden" name="centreVersion" value={props.centreVersion} />
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <SubmitButton pendingLabel={props.pendingLabel}>{props.label}</SubmitButton>
    </form>
  );
}
