import { eligibilityCriteria } from "@/domain/eligibility";
import type { ProposalOptions } from "@/server/queries/designation-proposal-options";

import type { FieldSpec } from "./[id]/action-form";

/**
 * The fields of a proposal, for creating one and for editing a draft (the
 * same labels, so a person finds the same form twice). Without `countries`
 * there is no country field: once the reference number is assigned, the
 * country is fixed.
 */
export function proposalFields(
  options: Omit<ProposalOptions, "countries"> & { countries?: ProposalOptions["countries"] },
  values: Record<string, string> = {},
): FieldSpec[] {
  const value = (name: string, fallback = "") => values[name] ?? fallback;
  return [
    {
      name: "institutionName",
      label: "Institution",
      kind: "text",
      hint: "If the country already has an institution of this name, you are shown it and asked whether to share its record.",
      defaultValue: value("institutionName"),
    },
    {
      name: "institutionChoice",
      label: "Institution record",
      kind: "select",
      options: [
        { value: "new", label: "A new record for this centre" },
        { value: "existing", label: "Share the existing record of that name (its department and address)" },
      ],
      hint: "Sharing a record means this centre shows what the other centres sharing it show; a later change through this centre gives it a copy of its own.",
      defaultValue: value("institutionChoice"),
      // Only when the server has asked about a record (and named it below).
      onlyWith: "institutionShared",
    },
    { name: "institutionShared", label: "Institution record asked about", kind: "hidden" },
    {
      name: "department",
      label: "Department or unit (optional)",
      kind: "text",
      defaultValue: value("department"),
    },
    {
      name: "title",
      label: "Title of the centre",
      kind: "text",
      defaultValue: value("title", "WHO Collaborating Centre for "),
    },
    ...(options.countries
      ? [
          {
            name: "countryId",
            label: "Country",
            kind: "select",
            options: options.countries,
            hint: "The reference number continues the country's sequence.",
          } satisfies FieldSpec,
        ]
      : []),
    {
      name: "unitId",
      label: "Technical unit",
      kind: "select",
      options: options.units,
      defaultValue: value("unitId"),
    },
    {
      name: "initiator",
      label: "Initiated by",
      kind: "select",
      options: options.initiators,
      defaultValue: value("initiator"),
    },
    {
      name: "jointWorkStart",
      label: "Joint work with WHO since",
      kind: "date",
      defaultValue: value("jointWorkStart"),
    },
    {
      name: "jointWorkEnd",
      label: "Joint work with WHO until",
      kind: "date",
      hint: "At least two years after the start.",
      defaultValue: value("jointWorkEnd"),
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
        defaultValue: value(`${criterion.key}Met`),
      },
      {
        name: `${criterion.key}Justification`,
        label: `Justification: ${criterion.label}`,
        kind: "textarea",
        defaultValue: value(`${criterion.key}Justification`),
      },
    ]),
  ];
}
