import type { getTranslations } from "next-intl/server";

import { eligibilityCriteria } from "@/domain/eligibility";
import type { ProposalOptions } from "@/server/queries/designation-proposal-options";

import type { FieldSpec } from "./[id]/action-form";

/**
 * The fields of a proposal, for creating one and for editing a draft (the
 * same labels, so a person finds the same form twice). Without `countries`
 * there is no country field: once the reference number is assigned, the
 * country is fixed. The words come from the "DesignationProposal" and "DesignationCriteria"
 * messages, in the page's language.
 */
export function proposalFields(
  t: Awaited<ReturnType<typeof getTranslations<"DesignationProposal">>>,
  tCriterion: Awaited<ReturnType<typeof getTranslations<"DesignationCriteria">>>,
  options: Omit<ProposalOptions, "countries"> & { countries?: ProposalOptions["countries"] },
  values: Record<string, string> = {},
): FieldSpec[] {
  const value = (name: string, fallback = "") => values[name] ?? fallback;
  return [
    {
      name: "institutionName",
      label: t("institution"),
      kind: "text",
      hint: t("institutionHint"),
      defaultValue: value("institutionName"),
    },
    {
      name: "institutionChoice",
      label: t("institutionRecord"),
      kind: "select",
      options: [
        { value: "new", label: t("newRecord") },
        { value: "existing", label: t("shareRecord") },
      ],
      hint: t("shareRecordHint"),
      defaultValue: value("institutionChoice"),
      // Only when the server has asked about a record (and named it below).
      onlyWith: "institutionShared",
    },
    { name: "institutionShared", label: t("institutionShared"), kind: "hidden" },
    {
      name: "department",
      label: t("department"),
      kind: "text",
      defaultValue: value("department"),
    },
    {
      name: "title",
      label: t("title"),
      kind: "text",
      defaultValue: value("title", "WHO Collaborating Centre for "),
    },
    ...(options.countries
      ? [
          {
            name: "countryId",
            label: t("country"),
            kind: "select",
            options: options.countries,
            hint: t("countryHint"),
          } satisfies FieldSpec,
        ]
      : []),
    {
      name: "unitId",
      label: t("unit"),
      kind: "select",
      options: options.units,
      defaultValue: value("unitId"),
    },
    {
      name: "initiator",
      label: t("initiator"),
      kind: "select",
      options: options.initiators.map((option) =>
        option.value === "HQ" ? { ...option, label: t("headquarters") } : option,
      ),
      defaultValue: value("initiator"),
    },
    {
      name: "jointWorkStart",
      label: t("jointWorkStart"),
      kind: "date",
      defaultValue: value("jointWorkStart"),
    },
    {
      name: "jointWorkEnd",
      label: t("jointWorkEnd"),
      kind: "date",
      hint: t("jointWorkEndHint"),
      defaultValue: value("jointWorkEnd"),
    },
    ...eligibilityCriteria.flatMap((criterion): FieldSpec[] => [
      {
        name: `${criterion.key}Met`,
        label: tCriterion(criterion.key),
        kind: "select",
        options: [
          { value: "yes", label: t("met") },
          { value: "no", label: t("notMet") },
        ],
        defaultValue: value(`${criterion.key}Met`),
      },
      {
        name: `${criterion.key}Justification`,
        label: t("justification", { criterion: tCriterion(criterion.key) }),
        kind: "textarea",
        defaultValue: value(`${criterion.key}Justification`),
      },
    ]),
  ];
}
