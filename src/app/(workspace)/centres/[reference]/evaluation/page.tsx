import { notFound, redirect } from "next/navigation";

import { requirePage } from "@/server/policy/page-guard";
import { centreFactsByReference } from "@/server/policy/resource-facts";
import { currentTermId } from "@/server/queries/evaluation-page";

export const dynamic = "force-dynamic";

/**
 * A stable address for "the final evaluation of this centre's current term"
 * (/centres/NOR-14/evaluation), for links and bookmarks that know only the
 * reference: it sends WHO readers to /evaluations/<term>; others get not-found.
 */
export default async function CentreEvaluationRedirect({
  params,
}: {
  params: Promise<{ reference: string }>;
}) {
  const reference = decodeURIComponent((await params).reference).toUpperCase();
  if (!/^[A-Z]{3}-\d{1,6}$/.test(reference)) notFound();
  const facts = await centreFactsByReference(reference);
  await requirePage("evaluation.read", facts, `/centres/${reference}/evaluation`);
  const termId = facts ? await currentTermId(facts.centreId) : null;
  if (!termId) notFound();
  redirect(`/evaluations/${termId}`);
}
