import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

import { MyWorkHeading } from "@/components/my-work-heading";
import {
  commentField,
  EVALUATION_WINDOW_MONTHS,
  evaluationCriteria,
  recommendations,
  scoreField,
  SCORE_MAX,
  SCORE_MIN,
} from "@/domain/evaluation";
import { localeFormat } from "@/i18n/format";
import { getLocaleHref } from "@/i18n/server";
import { sayProblem } from "@/server/commands/say-problems";
import { loadPageRecord } from "@/server/policy/page-record";
import { evaluationPage, type EvaluationPageData } from "@/server/queries/evaluation-page";

import { EvaluationForm } from "./evaluation-form";
import { StartRedesignationForm } from "./renewal-forms";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("EvaluationPage");
  return { title: t("title") };
}

type Translator = Awaited<ReturnType<typeof getTranslations<"EvaluationPage">>>;
type Words = {
  t: Translator;
  tCriterion: Awaited<ReturnType<typeof getTranslations<"EvaluationCriteria">>>;
  tRecommendation: Awaited<ReturnType<typeof getTranslations<"EvaluationRecommendations">>>;
  tState: Awaited<ReturnType<typeof getTranslations<"DesignationStates">>>;
  href: Awaited<ReturnType<typeof getLocaleHref>>;
  pleaseWait: string;
  /** A server message (a problem) said in the page's language. */
  say: (message: string) => string;
};

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
  const [t, tCriterion, tRecommendation, tState, tStatus, tForm, tWorkspaceForm, href, locale] =
    await Promise.all([
      getTranslations("EvaluationPage"),
      getTranslations("EvaluationCriteria"),
      getTranslations("EvaluationRecommendations"),
      getTranslations("DesignationStates"),
      getTranslations("Status"),
      getTranslations("EvaluationForm"),
      getTranslations("WorkspaceForm"),
      getLocaleHref(),
      getLocale(),
    ]);
  const words: Words = {
    t,
    tCriterion,
    tRecommendation,
    tState,
    href,
    pleaseWait: tWorkspaceForm("pleaseWait"),
    say: (message) => sayProblem(message, locale),
  };
  const day = localeFormat(locale).day;
  const criteria = Object.fromEntries(
    evaluationCriteria.map((criterion) => [criterion, tCriterion(criterion)]),
  ) as Record<(typeof evaluationCriteria)[number], string>;
  const labels: Record<string, string> = {
    recommendation: tForm("recommendation"),
    justification: tForm("justification"),
  };
  for (const criterion of evaluationCriteria) {
    labels[scoreField(criterion)] = tForm("scoreLabel", { criterion: criteria[criterion] });
    labels[commentField(criterion)] = tForm("commentLabel", { criterion: criteria[criterion] });
  }
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <MyWorkHeading trail={t("title")}>
          {t("heading", { reference: centre.reference, title: centre.title })}
        </MyWorkHeading>
        <p className="text-lg">
          <span
            className="rounded-full bg-brand-100 px-3 py-1 font-medium text-brand-800"
            data-testid="evaluation-state"
          >
            {evaluation?.state === "COMPLETED" ? t("completed") : evaluation ? t("draft") : t("notStarted")}
          </span>{" "}
          <span className="text-muted">{t("internal")}</span>
        </p>
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[14rem_1fr]">
          <dt className="text-muted">{t("centreStatus")}</dt>
          <dd>{tStatus(`label.${centre.status}`)}</dd>
          <dt className="text-muted">{t("termEvaluated")}</dt>
          <dd>
            {term.start && term.end
              ? t("termDates", { start: day(term.start), end: day(term.end) })
              : t("noDates")}
            {term.version ? ` ${t("termVersion", { version: term.version })}` : ""}
          </dd>
          {term.windowOpensOn && (
            <>
              <dt className="text-muted">{t("window")}</dt>
              <dd>{t("windowFrom", { date: day(term.windowOpensOn), months: EVALUATION_WINDOW_MONTHS })}</dd>
            </>
          )}
          {evaluation?.completedAt && (
            <>
              <dt className="text-muted">{t("completed")}</dt>
              <dd>
                {evaluation.author
                  ? t("completedBy", { date: day(evaluation.completedAt), name: evaluation.author.name })
                  : day(evaluation.completedAt)}
              </dd>
            </>
          )}
        </dl>
      </header>

      <section aria-labelledby="evaluation-heading" className="space-y-4">
        <h2 id="evaluation-heading" className="text-xl font-semibold">
          {t("criteriaTitle")}
        </h2>
        {editable ? (
          <EvaluationForm
            designationId={term.id}
            version={evaluation?.version ?? 0}
            idempotencyKey={page.idempotencyKey}
            saved={savedValues(page)}
            words={{
              form: tForm("form"),
              error: tForm("error"),
              score: tForm("score", { min: SCORE_MIN, max: SCORE_MAX }),
              comment: tForm("comment"),
              recommendation: tForm("recommendation"),
              justification: tForm("justification"),
              saveDraft: tForm("saveDraft"),
              complete: tForm("complete"),
              criteria,
              recommendations: Object.fromEntries(
                recommendations.map((value) => [value, tRecommendation(value)]),
              ) as Record<(typeof recommendations)[number], string>,
              labels,
              pleaseWait: tWorkspaceForm("pleaseWait"),
            }}
          />
        ) : (
          <>
            {page.canEdit && !page.writable.ok && evaluation?.state !== "COMPLETED" && (
              <p className="rounded-md border-s-4 border-amber-600 bg-amber-50 p-3 text-amber-950">
                {words.say(page.writable.message)}
              </p>
            )}
            <ReadOnlyEvaluation page={page} words={words} />
          </>
        )}
      </section>

      <RenewalSection page={page} words={words} />
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

function ReadOnlyEvaluation({ page, words }: { page: EvaluationPageData; words: Words }) {
  const { t, tCriterion, tRecommendation } = words;
  const { evaluation } = page;
  if (!evaluation) return <p className="text-muted">{t("notStartedByOfficer")}</p>;
  const scores = new Map(evaluation.scores.map((score) => [score.criterion, score]));
  return (
    <div className="space-y-4">
      <table className="w-full max-w-4xl border-collapse text-start">
        <caption className="sr-only">{t("scoresCaption", { min: SCORE_MIN, max: SCORE_MAX })}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pe-4">
              {t("criterion")}
            </th>
            <th scope="col" className="py-2 pe-4">
              {t("scoreColumn", { min: SCORE_MIN, max: SCORE_MAX })}
            </th>
            <th scope="col" className="py-2">
              {t("comment")}
            </th>
          </tr>
        </thead>
        <tbody>
          {evaluationCriteria.map((criterion) => {
            const score = scores.get(criterion);
            return (
              <tr key={criterion} className="border-b border-slate-200 align-top">
                <th scope="row" className="py-2 pe-4 font-medium">
                  {tCriterion(criterion)}
                </th>
                <td className="py-2 pe-4">{score ? score.score : "—"}</td>
                <td className="py-2">{score?.comment || "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
        <dt className="font-medium">{t("recommendation")}</dt>
        <dd data-testid="evaluation-recommendation">
          {evaluation.recommendation ? tRecommendation(evaluation.recommendation) : "—"}
        </dd>
        <dt className="font-medium">{t("justification")}</dt>
        <dd className="whitespace-pre-line">{evaluation.justification ?? "—"}</dd>
      </dl>
    </div>
  );
}

function RenewalSection({ page, words }: { page: EvaluationPageData; words: Words }) {
  const { t, tState, href, pleaseWait } = words;
  const { redesignation, centre } = page;
  const show = page.canStartRedesignation || page.canTerminate || redesignation;
  if (!show) return null;
  return (
    <section aria-labelledby="renewal-heading" className="space-y-4">
      <h2 id="renewal-heading" className="text-xl font-semibold">
        {t("renewal")}
      </h2>
      {redesignation ? (
        <p>
          {t.rich(page.evaluation?.state !== "COMPLETED" ? "underWayWaiting" : "underWay", {
            state: tState(redesignation.state),
            link: (chunks) => (
              <Link href={href(`/designations/${redesignation.id}`)} className="underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : page.canStartRedesignation ? (
        page.startable.ok ? (
          <div className="space-y-2">
            <p>{t("startIntro")}</p>
            <StartRedesignationForm
              designationId={page.term.id}
              centreVersion={centre.version}
              idempotencyKey={page.idempotencyKey}
              label={t("start")}
              pendingLabel={pleaseWait}
            />
          </div>
        ) : (
          <p className="text-muted">{words.say(page.startable.message)}</p>
        )
      ) : null}
      {page.canTerminate && (
        <p>
          <Link href={href(`/centres/${centre.reference}/terminate`)} className="underline">
            {t("terminate")}
          </Link>
        </p>
      )}
    </section>
  );
}
