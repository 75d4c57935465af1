import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { MyWorkHeading } from "@/components/my-work-heading";
import { centreStatusLabels } from "@/domain/centre-status";
import { formatIsoDate, toIsoDate } from "@/domain/dates";
import { requirePage } from "@/server/policy/page-guard";
import { loadCentrePage } from "@/server/policy/page-record";
import { centreForTermination } from "@/server/queries/evaluation-page";

import { TerminateForm } from "./terminate-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Terminate a designation" };

/** The focal point (or an administrator) ends an Active or Pending designation early, with a reason. */
export default async function TerminatePage({ params }: { params: Promise<{ reference: string }> }) {
  const { reference, facts, path } = await loadCentrePage(
    (await params).reference,
    "centre.read-internal",
    "terminate",
  );
  const centre = await centreForTermination(reference);
  if (!centre) notFound();
  // After the termination (the success re-renders this page) the outcome is
  // shown; before it, only to whoever may terminate (others: not-found).
  if (centre.status === "TERMINATED") {
    return (
      <div className="max-w-3xl space-y-6">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">
          {centre.reference} · {centre.title}
        </h1>
        <p role="status" className="rounded-md border-l-4 border-green-700 bg-green-50 p-4 text-green-900">
          {centre.reference} is terminated. The public directory shows it as Terminated
          {centre.statusReason ? `: ${centre.statusReason}` : "."}
        </p>
        <p>
          <Link href={`/centres/${centre.reference}`}>Open the public page</Link>
        </p>
      </div>
    );
  }
  await requirePage("centre.terminate", facts, path);
  return (
    <div className="max-w-3xl space-y-6">
      <MyWorkHeading trail="Terminate a designation">
        Terminate {centre.reference} · {centre.title}
      </MyWorkHeading>
      <p>
        The centre is {centreStatusLabels[centre.status]}
        {centre.termEnd
          ? `; its term ${centre.termEnded ? "ended on" : "runs to"} ${formatIsoDate(toIsoDate(centre.termEnd))}`
          : ""}
        . Terminating ends the designation today: the centre becomes Terminated with your reason, shown
        publicly with “include former centres”; annual reports not yet started are cancelled and an open
        redesignation is withdrawn. This cannot be undone.
      </p>
      <TerminateForm centreId={centre.id} version={centre.version} />
    </div>
  );
}
