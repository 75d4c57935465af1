import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { proposeAction } from "@/server/commands/designation/actions";
import { requirePage } from "@/server/policy/page-guard";
import { proposalOptions } from "@/server/queries/designation-proposal-options";

import { ActionForm } from "../[id]/action-form";
import { proposalFields } from "../proposal-fields";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DesignationNew");
  return { title: t("title") };
}

export default async function ProposePage() {
  const viewer = await requirePage("designation.propose", null, "/designations/new");
  const [options, t, tFields, tCriterion] = await Promise.all([
    proposalOptions(viewer),
    getTranslations("DesignationNew"),
    getTranslations("DesignationProposal"),
    getTranslations("DesignationCriteria"),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("title")}</h1>
      <p className="max-w-2xl text-muted">{t("intro")}</p>
      <ActionForm
        action={proposeAction}
        hidden={{}}
        fields={proposalFields(tFields, tCriterion, options)}
        submitLabel={t("create")}
      />
    </div>
  );
}
