import { getTranslations } from "next-intl/server";

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

type Translator = Awaited<ReturnType<typeof getTranslations<"DesignationActions">>>;

function spec(t: Translator, action: DesignationAction, page: DesignationPage, today: string) {
  const comment = (label: string): FieldSpec => ({
    name: "comment",
    label,
    kind: "textarea",
    hint: t("commentHint"),
  });
  const reason = (label: string): FieldSpec => ({ name: "reason", label, kind: "textarea" });
  const submittedOn = page.designation.submittedOn;
  switch (action) {
    case "send":
      return { action: sendAction, submitLabel: t("send") };
    case "submit":
      return { action: submitAction, submitLabel: t("submit") };
    case "return":
      return {
        action: returnAction,
        submitLabel: t("returnToInstitution"),
        variant: "secondary" as const,
        fields: [comment(t("institutionChange"))],
      };
    case "endorse":
      return { action: endorseAction, submitLabel: t("endorse") };
    case "clear":
      return { action: clearAction, submitLabel: t("clear") };
    case "return-to-officer":
      return {
        action: returnToOfficerAction,
        submitLabel: t("returnToOfficer"),
        variant: "secondary" as const,
        fields: [comment(t("officerChange"))],
      };
    case "return-to-centre":
      return {
        action: returnToCentreAction,
        submitLabel: t("returnToInstitution"),
        variant: "secondary" as const,
        fields: [comment(t("institutionChange"))],
      };
    case "accept":
      return {
        action: acceptAction,
        submitLabel: t("accept"),
      };
    case "record-consultation": {
      // Examples from the rule the guard applies: every hint is a date the form accepts.
      const examples = consultationDateExamples(today, submittedOn);
      return {
        action: recordConsultationAction,
        submitLabel: t("recordConsultation"),
        fields: [
          {
            name: "outcome",
            label: t("governmentAnswer"),
            kind: "select",
            options: [
              { value: "NO_OBJECTION", label: t("noObjection") },
              { value: "OBJECTION", label: t("objection") },
              ...(page.designation.kind === "REDESIGNATION"
                ? [{ value: "NOT_REQUIRED", label: t("notRequired") }]
                : []),
            ],
          },
          {
            name: "requestedOn",
            label: t("requestedOn"),
            kind: "date",
            hint: t("requestedOnHint", { example: examples.requestedOn }),
          },
          {
            name: "repliedOn",
            label: t("repliedOn"),
            kind: "date",
            hint: t("repliedOnHint", { example: examples.repliedOn }),
          },
        ] satisfies FieldSpec[],
      };
    }
    case "decide":
      return {
        action: decideAction,
        submitLabel: t("decide"),
        fields: [
          {
            name: "decisionDate",
            label: t("decisionDate"),
            kind: "date",
            hint: submittedOn ? t("decisionDateHintSince", { submittedOn }) : t("decisionDateHint"),
            defaultValue: today,
          },
          {
            name: "termYears",
            label: t("termYears"),
            kind: "number",
            hint: t("termYearsHint"),
            defaultValue: "4",
          },
          {
            name: "approverName",
            label: t("approvedBy"),
            kind: "text",
            hint: t("approvedByHint"),
          },
        ] satisfies FieldSpec[],
      };
    case "withdraw":
      return {
        action: withdrawAction,
        submitLabel: t("withdraw"),
        variant: "danger" as const,
        fields: [reason(t("withdrawReason"))],
      };
    case "reject":
      return {
        action: rejectAction,
        submitLabel: t("reject"),
        variant: "danger" as const,
        fields: [reason(t("rejectReason"))],
      };
  }
}

/** The life-cycle actions the viewer may take now, one small form each. */
export async function TransitionForms({ page, today }: { page: DesignationPage; today: string }) {
  if (page.transitions.length === 0) return null;
  const t = await getTranslations("DesignationActions");
  const hidden = { designationId: page.designation.id, version: page.designation.version };
  const forward = page.transitions.filter((action) => action !== "withdraw" && action !== "reject");
  const closing = page.transitions.filter((action) => action === "withdraw" || action === "reject");
  return (
    <section
      aria-labelledby="next-steps"
      className="space-y-4 rounded-lg border border-brand-100 bg-brand-50 p-5"
    >
      <h2 id="next-steps" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <div className="grid gap-6 md:grid-cols-2">
        {forward.map((action) => (
          <div key={action} className="rounded-md bg-white p-4 shadow-sm">
            <ActionForm hidden={hidden} {...spec(t, action, page, today)} />
          </div>
        ))}
      </div>
      {closing.length > 0 && (
        <details className="rounded-md bg-white p-4">
          <summary className="cursor-pointer font-medium">{t("withdrawOrReject")}</summary>
          <div className="mt-4 grid gap-6 md:grid-cols-2">
            {closing.map((action) => (
              <ActionForm key={action} hidden={hidden} {...spec(t, action, page, today)} />
            ))}
          </div>
        </details>
      )}
    </section>
  );
}
