import type { Metadata } from "next";
import Link from "next/link";

import { editProposalAction } from "@/server/commands/designation/actions";
import { loadPageRecord } from "@/server/policy/page-record";
import { proposalForEdit } from "@/server/queries/designation-proposal-options";

import { proposalFields } from "../../proposal-fields";
import { ActionForm } from "../action-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit the proposal" };

/** The officer corrects a draft proposal before sending it; others (or later) get not-found. */
export default async function EditProposalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { record: proposal } = await loadPageRecord(
    { id, path: `/designations/${id}/edit` },
    proposalForEdit,
  );
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/designations/${proposal.id}`}>Back to the designation</Link>
      </p>
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">
        Edit the proposal {proposal.reference}
      </h1>
      <p className="max-w-2xl">
        Country: <span className="font-medium">{proposal.country}</span>. The country cannot be changed: the
        reference number {proposal.reference} was assigned from its sequence, and numbers are never reused. To
        propose the centre in another country, withdraw this proposal and create a new one.
      </p>
      <ActionForm
        action={editProposalAction}
        hidden={{ designationId: proposal.id, version: proposal.version }}
        fields={proposalFields(proposal.options, proposal.values)}
        submitLabel="Save the proposal"
      />
    </div>
  );
}
