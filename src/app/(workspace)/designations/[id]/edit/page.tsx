import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { editProposalAction } from "@/server/commands/designation/actions";
import { getLocaleHref } from "@/i18n/server";
import { loadPageRecord } from "@/server/policy/page-record";
import { proposalForEdit } from "@/server/queries/designation-proposal-options";

import { proposalFields } from "../../proposal-fields";
import { ActionForm } from "../action-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("DesignationEdit");
  return { title: t("title") };
}

/** The officer corrects a draft proposal before sending it; others (or later) get not-found. */
export default async function EditProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { record: proposal } = await loadPageRecord(
    { id, path: `/designations/${id}/edit` },
    proposalForEdit,
  );
  const [t, tFields, tCriterion, href] = await Promise.all([
    getTranslations("DesignationEdit"),
    getTranslations("DesignationProposal"),
    getTranslations("DesignationCriteria"),
    getLocaleHref(),
  ]);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={href(`/designations/${proposal.id}`)}>{t("back")}</Link>
      </p>
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">
        {t("heading", { reference: proposal.reference })}
      </h1>
      <p className="max-w-2xl">
        {t.rich("country", {
          name: (chunks) => <span className="font-medium">{chunks}</span>,
          country: proposal.country,
          reference: proposal.reference,
        })}
      </p>
      <ActionForm
        action={editProposalAction}
        hidden={{ designationId: proposal.id, version: proposal.version }}
        fields={proposalFields(tFields, tCriterion, proposal.options, proposal.values)}
        submitLabel={t("save")}
      />
    </div>
  );
}
