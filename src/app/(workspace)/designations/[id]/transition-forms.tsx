import { consultationDateExamples } from "@/domain/consultation-dates";
import type { DesignationAction } from "@/domain/designation";
import {
  acceptAction,
  clearAction,
  decideAction,
  endorseAction,
  recordConsultationAction,
  rejectAction,
  returnAction,
  returnToCentreAction,
  returnToOfficerAction,
  sendAction,
  submitAction,
  withdrawAction,
} from "@/server/commands/designation/actions";
import type { DesignationPage } from "@/server/queries/designation-page";

import { ActionForm, type FieldSpec } from "./action-form";

const comment = (label: string): FieldSpec => ({
  name: "comment",
  label,
  kind: "textarea",
  hint: "Every return carries a comment; it stays on the designation.",
});
const reason = (label: string): FieldSpec => ({ name: "reason", label, kind: "textarea" });

function spec(action: DesignationAction, page: DesignationPage, today: string) {
  const submittedOn = page.designation.submittedOn;
  switch (action) {
    case "send":
      return { action: sendAction, submitLabel: "Send to the institution" };
    case "submit":
      return { action: submitAction, submitLabel: "Submit the designation form" };
    case "return":
      return {
        action: returnAction,
        submitLabel: "Return to the institution",
        variant: "secondary" as const,
        fields: [comment("What should the institution change?")],
      };
    case "endorse":
      return { action: endorseAction, submitLabel: "Endorse" };
    case "clear":
      return { action: clearAction, submitLabel: "Give technical clearance" };
    case "return-to-officer":
      return {
        action: returnToOfficerAction,
        submitLabel: "Return to the responsible officer",
        variant: "secondary" as const,
        fields: [comment("What should the officer change?")],
      };
    case "return-to-centre":
      return {
        action: returnToCentreAction,
        submitLabel: "Return to the institution",
        variant: "secondary" as const,
        fields: [comment("What should the institution change?")],
      };
    case "accept":
      return {
        action: acceptAction,
        submitLabel: "Eligible and complete: consult the government",
      };
    case "record-consultation": {
      // Examples from the rule the guard applies: every hint is a date the form accepts.
      const examples = consultationDateExamples(today, submittedOn);
      return {
        action: recordConsultationAction,
        submitLabel: "Record the government's answer",
        fields: [
          {
            name: "outcome",
            label: "Government's answer",
            kind: "select",
            options: [
              { value: "NO_OBJECTION", label: "No objection" },
              { value: "OBJECTION", label: "Objection" },
              ...(page.designation.kind === "REDESIGNATION"
                ? [{ value: "NOT_REQUIRED", label: "Not required (redesignation)" }]
                : []),
            ],
          },
          {
            name: "requestedOn",
            label: "Consultation requested on",
            kind: "date",
            hint: `Not in the future. For example ${examples.requestedOn}.`,
          },
          {
            name: "repliedOn",
            label: "Government replied on",
            kind: "date",
            hint: `Not before the request, not in the future. For example ${examples.repliedOn}.`,
          },
        ] satisfies FieldSpec[],
      };
    }
    case "decide":
      return {
        action: decideAction,
        submitLabel: "Record the decision and designate",
        fields: [
          {
            name: "decisionDate",
            label: "Date of the designation letter",
            kind: "date",
            hint: `The term starts on this date. Not before the submission${submittedOn ? ` (${submittedOn})` : ""}, not after today.`,
            defaultValue: today,
          },
          { name: "termYears", label: "Term in years", kind: "number", hint: "1 to 4.", defaultValue: "4" },
          {
            name: "approverName",
            label: "Approved by",
            kind: "text",
            hint: "The name of the person who approved.",
          },
        ] satisfies FieldSpec[],
      };
    case "withdraw":
      return {
        action: withdrawAction,
        submitLabel: "Withdraw the designation",
        variant: "danger" as const,
        fields: [reason("Why is it withdrawn?")],
      };
    case "reject":
      return {
        action: rejectAction,
        submitLabel: "Reject the designation",
        variant: "danger" as const,
        fields: [reason("Why is it rejected?")],
      };
  }
}

/** The life-cycle actions the viewer may take now, one small form each. */
export function TransitionForms({ page, today }: { page: DesignationPage; today: string }) {
  if (page.transitions.length === 0) return null;
  const hidden = { designationId: page.designation.id, version: page.designation.version };
  const forward = page.transitions.filter((action) => action !== "withdraw" && action !== "reject");
  const closing = page.transitions.filter((action) => action === "withdraw" || action === "reject");
  return (
    <section
      aria-labelledby="next-steps"
      className="space-y-4 rounded-lg border border-brand-100 bg-brand-50 p-5"
    >
      <h2 id="next-steps" className="text-xl font-semibold">
        What you can do now
      </h2>
      <div className="grid gap-6 md:grid-cols-2">
        {forward.map((action) => (
          <div key={action} className="rounded-md bg-white p-4 shadow-sm">
            <ActionForm hidden={hidden} {...spec(action, page, today)} />
          </div>
        ))}
      </div>
      {closing.length > 0 && (
        <details className="rounded-md bg-white p-4">
          <summary className="cursor-pointer font-medium">Withdraw or reject</summary>
          <div className="mt-4 grid gap-6 md:grid-cols-2">
            {closing.map((action) => (
              <ActionForm key={action} hidden={hidden} {...spec(action, page, today)} />
            ))}
          </div>
        </details>
      )}
    </section>
  );
}
