import type { Metadata } from "next";
import Link from "next/link";

import { MyWorkHeading } from "@/components/my-work-heading";
import { centreStatusLabels } from "@/domain/centre-status";
import { formatIsoDate, toIsoDate } from "@/domain/dates";
import { designationStateLabels } from "@/domain/designation";
import {
  commentField,
  evaluationCriteria,
  evaluationCriterionLabels,
  recommendationLabels,
  scoreField,
} from "@/domain/evaluation";
import { loadPageRecord } from "@/server/policy/page-record";
import { evaluationPage, type EvaluationPageData } from "@/server/queries/evaluation-page";

import { EvaluationForm } from "./evaluation-form";
import { StartRedesignationForm } from "./renewal-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Final evaluation" };

export default async function EvaluationPageRoute({
  params,
}: {
  params: Promise<{ designationId: string }>;
}) {
  const { designationId } = await params;
  const { record: page } = await loadPageRecord(
    { id: designationId, path: `/evaluations/${designationId}` },
    (viewer, id) => evaluationPage(viewer, id),
  );
  const { term, centre, evaluation } = page;
  const editable = page.canEdit && page.writable.ok;
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <MyWorkHeading trail="Final evaluation">
          Final evaluation: {centre.reference} · {centre.title}
        </MyWorkHeading>
        <p className="text-lg">
          <span
            className="rounded-full bg-brand-100 px-3 py-1 font-medium text-brand-800"
            data-testid="evaluation-state"
          >
            {evaluation?.state === "COMPLETED" ? "Completed" : evaluation ? "Draft" : "Not started"}
          </span>{" "}
          <span className="text-muted">Internal to WHO: the centre does not see this page.</span>
        </p>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[14rem_1fr]">
          <dt className="text-muted">Centre status</dt>
          <dd>{centreStatusLabels[centre.status]}</dd>
          <dt className="text-muted">Term evaluated</dt>
          <dd>
            {term.start && term.end
              ? `${formatIsoDate(term.start)} to ${formatIsoDate(term.end)}`
              : "Dates not recorded"}
            {term.version ? ` (version ${term.version} of the terms of reference)` : ""}
          </dd>
          {term.windowOpensOn && (
            <>
              <dt className="text-muted">Evaluation window</dt>
              <dd>From {formatIsoDate(term.windowOpensOn)}, the last 6 months of the term</dd>
            </>
          )}
          {evaluation?.completedAt && (
            <>
              <dt className="text-muted">Completed</dt>
              <dd>
                {formatIsoDate(toIsoDate(evaluation.completedAt))}
                {evaluation.author ? ` by ${evaluation.author.name}` : ""}
              </dd>
            </>
          )}
        </dl>
      </header>

      <section aria-labelledby="evaluation-heading" className="space-y-4">
        <h2 id="evaluation-heading" className="text-xl font-semibold">
          Criteria and recommendation
        </h2>
        {editable ? (
          <EvaluationForm
            designationId={term.id}
            version={evaluation?.version ?? 0}
            idempotencyKey={page.idempotencyKey}
            saved={savedValues(page)}
          />
        ) : (
          <>
            {page.canEdit && !page.writable.ok && evaluation?.state !== "COMPLETED" && (
              <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">
                {page.writable.message}
              </p>
            )}
            <ReadOnlyEvaluation page={page} />
          </>
        )}
      </section>

      <RenewalSection page={page} />
    </div>
  );
}

function savedValues({ evaluation }: EvaluationPageData): Record<string, string> {
  const values: Record<string, string> = {};
  if (!evaluation) return values;
  for (const score of evaluation.scores) {
    values[scoreField(score.criterion)] = String(score.score);
    values[commentField(score.criterion)] = score.comment;
  }
  if (evaluation.recommendation) values.recommendation = evaluation.recommendation;
  if (evaluation.justification) values.justification = evaluation.justification;
  return values;
}

function ReadOnlyEvaluation({ page }: { page: EvaluationPageData }) {
  const { evaluation } = page;
  if (!evaluation)
    return <p className="text-muted">The responsible officer has not started the evaluation.</p>;
  const scores = new Map(evaluation.scores.map((score) => [score.criterion, score]));
  return (
    <div className="space-y-4">
      <table className="w-full max-w-4xl border-collapse text-left">
        <caption className="sr-only">Scores from 1 (poor) to 5 (excellent)</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">
              Criterion
            </th>
            <th scope="col" className="py-2 pr-4">
              Score (1–5)
            </th>
            <th scope="col" className="py-2">
              Comment
            </th>
          </tr>
        </thead>
        <tbody>
          {evaluationCriteria.map((criterion) => {
            const score = scores.get(criterion);
            return (
              <tr key={criterion} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-2 pr-4 font-medium">
                  {evaluationCriterionLabels[criterion]}
                </th>
                <td className="py-2 pr-4">{score ? score.score : "—"}</td>
                <td className="py-2">{score?.comment || "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
        <dt className="font-medium">Recommendation</dt>
        <dd data-testid="evaluation-recommendation">
          {evaluation.recommendation ? recommendationLabels[evaluation.recommendation] : "—"}
        </dd>
        <dt className="font-medium">Justification</dt>
        <dd className="whitespace-pre-line">{evaluation.justification ?? "—"}</dd>
      </dl>
    </div>
  );
}

function RenewalSection({ page }: { page: EvaluationPageData }) {
  const { redesignation, centre } = page;
  const show = page.canStartRedesignation || page.canTerminate || redesignation;
  if (!show) return null;
  return (
    <section aria-labelledby="renewal-heading" className="space-y-4">
      <h2 id="renewal-heading" className="text-xl font-semibold">
        Renewal
      </h2>
      {redesignation ? (
        <p>
          A redesignation is under way ({designationStateLabels[redesignation.state]}).{" "}
          <Link href={`/designations/${redesignation.id}`} className="underline">
            Open the redesignation
          </Link>
          {page.evaluation?.state !== "COMPLETED" &&
            ". It cannot pass the regional review until this evaluation is completed."}
        </p>
      ) : page.canStartRedesignation ? (
        page.startable.ok ? (
          <div className="space-y-2">
            <p>
              Starting a redesignation copies the current terms of reference and work plan into a new
              designation form, which then follows the usual review.
            </p>
            <StartRedesignationForm
              designationId={page.term.id}
              centreVersion={centre.version}
              idempotencyKey={page.idempotencyKey}
            />
          </div>
        ) : (
          <p className="text-muted">{page.startable.message}</p>
        )
      ) : null}
      {page.canTerminate && (
        <p>
          <Link href={`/centres/${centre.reference}/terminate`} className="underline">
            Terminate this designation early
          </Link>
        </p>
      )}
    </section>
  );
}
