import type { Metadata } from "next";

import { eligibilityCriteria } from "@/domain/eligibility";
import { proposeAction } from "@/server/commands/designation/actions";
import { requirePage } from "@/server/policy/page-guard";
import { proposalOptions } from "@/server/queries/designation-proposal-options";

import { ActionForm, type FieldSpec } from "../[id]/action-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Propose a centre" };

export default async function ProposePage() {
  const viewer = await requirePage("designation.propose", null, "/designations/new");
  const options = await proposalOptions(viewer);
  const fields: FieldSpec[] = [
    {
      name: "institutionName",
      label: "Institution",
      kind: "text",
      hint: "An institution of the country with exactly this name is reused; otherwise it is created.",
    },
    { name: "department", label: "Department or unit (optional)", kind: "text" },
    {
      name: "title",
      label: "Title of the centre",
      kind: "text",
      defaultValue: "WHO Collaborating Centre for ",
    },
    {
      name: "countryId",
      label: "Country",
      kind: "select",
      options: options.countries,
      hint: "The reference number continues the country's sequence.",
    },
    { name: "unitId", label: "Technical unit", kind: "select", options: options.units },
    { name: "initiator", label: "Initiated by", kind: "select", options: options.initiators },
    { name: "jointWorkStart", label: "Joint work with WHO since", kind: "date" },
    {
      name: "jointWorkEnd",
      label: "Joint work with WHO until",
      kind: "date",
      hint: "At least two years after the start.",
    },
    ...eligibilityCriteria.flatMap((criterion): FieldSpec[] => [
      {
        name: `${criterion.key}Met`,
        label: criterion.label,
        kind: "select",
        options: [
          { value: "yes", label: "Met" },
          { value: "no", label: "Not met" },
        ],
      },
      {
        name: `${criterion.key}Justification`,
        label: `Justification: ${criterion.label}`,
        kind: "textarea",
      },
    ]),
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">Propose a centre</h1>
      <p className="max-w-2xl text-muted">
        The proposal is saved as a draft with its reference number. You can then check for similar centres,
        agree the terms of reference and send it to the institution.
      </p>
      <ActionForm action={proposeAction} hidden={{}} fields={fields} submitLabel="Create the proposal" />
    </div>
  );
}
