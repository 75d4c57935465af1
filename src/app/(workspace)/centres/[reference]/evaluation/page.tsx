import { notFound, redirect } from "next/navigation";

import { loadCentrePage } from "@/server/policy/page-record";
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
  const { facts } = await loadCentrePage((await params).reference, "evaluation.read", "evaluation");
  const termId = await currentTermId(facts.centreId);
  if (!termId) notFound();
  redirect(`/evaluations/${termId}`);
}
