import type { Metadata } from "next";

import { proposeAction } from "@/server/commands/designation/actions";
import { requirePage } from "@/server/policy/page-guard";
import { proposalOptions } from "@/server/queries/designation-proposal-options";

import { ActionForm } from "../[id]/action-form";
import { proposalFields } from "../proposal-fields";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Propose a centre" };

export default async function ProposePage() {
  const viewer = await requirePage("designation.propose", null, "/designations/new");
  const options = await proposalOptions(viewer);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">Propose a centre</h1>
      <p className="max-w-2xl text-muted">
        The proposal is saved as a draft with its reference number. You can then check for similar centres,
        agree the terms of reference and send it to the institution.
      </p>
      <ActionForm
        action={proposeAction}
        hidden={{}}
        fields={proposalFields(options)}
        submitLabel="Create the proposal"
      />
    </div>
  );
}
