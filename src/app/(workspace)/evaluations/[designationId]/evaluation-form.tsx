"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { fieldId } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import {
  commentField,
  evaluationCriteria,
  recommendations,
  scoreField,
  SCORE_MAX,
  SCORE_MIN,
  type EvaluationCriterion,
  type Recommendation,
} from "@/domain/evaluation";
import { initialFormState } from "@/domain/form-state";
import { evaluationAction } from "@/server/commands/evaluation/actions";

type Props = {
  designationId: number;
  version: number;
  idempotencyKey: string;
  /** What is stored, as form values (the score as a string). */
  saved: Record<string, string>;
  words: EvaluationFormWords;
};

/** The form's words, in the page's language (given by the server page). */
export type EvaluationFormWords = {
  form: string;
  error: string;
  score: string;
  comment: string;
  recommendation: string;
  justification: string;
  saveDraft: string;
  complete: string;
  criteria: Record<EvaluationCriterion, string>;
  recommendations: Record<Recommendation, string>;
  /** Each field's name in the error summary. */
  pleaseWait: string;
  labels: Record<string, string>;
};

const scores = Array.from({ length: SCORE_MAX - SCORE_MIN + 1 }, (_, i) => String(SCORE_MIN + i));
const textareaClass =
  "block w-full max-w-2xl rounded-md border border-slate-400 bg-white px-3 py-2 text-ink aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700";

function ErrorText({ name, errors, prefix }: { name: string; errors?: string[]; prefix: string }) {
  if (!errors?.length) return null;
  return (
    <p id={`${fieldId(name)}-error`} className="text-sm font-medium text-red-700">
      <span className="sr-only">{prefix} </span>
      {errors.join(" ")}
    </p>
  );
}

/**
 * The final evaluation: each criterion a score from 1 to 5 (radio buttons in
 * a fieldset) with a comment, then the recommendation and its justification.
 * "Save draft" keeps what is there; "Complete" checks everything. What was
 * typed comes back after an error (React 19 resets forms after an action).
 */
export function EvaluationForm({ designationId, version, idempotencyKey, saved, words }: Props) {
  const [state, formAction] = useActionState(evaluationAction, initialFormState);
  const values = state.status === "error" ? { ...saved, ...(state.values ?? {}) } : saved;
  const errors = state.fieldErrors ?? {};
  // Keyed on the echoed values: a remount makes them the defaults again after the form's reset.
  const formKey = JSON.stringify(values);
  return (
    <form action={formAction} noValidate className="space-y-6" aria-label={words.form}>
      <FormMessage state={state} labels={words.labels} />
      <input type="hidden" name="designationId" value={designationId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div key={formKey} className="space-y-6">
        {evaluationCriteria.map((criterion, index) => {
          const score = scoreField(criterion);
          const comment = commentField(criterion);
          return (
            <fieldset key={criterion} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
              <legend className="px-1 text-lg font-semibold">
                {index + 1}. {words.criteria[criterion]}
              </legend>
              <div
                role="radiogroup"
                id={fieldId(score)}
                aria-labelledby={`${fieldId(score)}-label`}
                aria-describedby={errors[score]?.length ? `${fieldId(score)}-error` : undefined}
                aria-invalid={errors[score]?.length ? true : undefined}
                tabIndex={-1}
                className="space-y-1"
              >
                <p id={`${fieldId(score)}-label`} className="font-medium">
                  {words.score}
                </p>
                <ErrorText name={score} errors={errors[score]} prefix={words.error} />
                <div className="flex flex-wrap gap-4">
                  {scores.map((value) => (
                    <label key={value} className="flex items-center gap-2">
                      <input
                        type="radio"
                        name={score}
                        value={value}
                        defaultChecked={values[score] === value}
                        className="h-5 w-5"
                      />
                      {value}
                    </label>
                  ))}
                </div>
              </div>
              <div className="space-y-1">
                <label htmlFor={fieldId(comment)} className="block font-medium">
                  {words.comment}
                </label>
                <ErrorText name={comment} errors={errors[comment]} prefix={words.error} />
                <textarea
                  id={fieldId(comment)}
                  name={comment}
                  rows={3}
                  defaultValue={values[comment] ?? ""}
                  aria-describedby={errors[comment]?.length ? `${fieldId(comment)}-error` : undefined}
                  aria-invalid={errors[comment]?.length ? true : undefined}
                  className={textareaClass}
                />
              </div>
            </fieldset>
          );
        })}
        <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <legend className="px-1 text-lg font-semibold">{words.recommendation}</legend>
          <div
            role="radiogroup"
            id={fieldId("recommendation")}
            aria-label={words.recommendation}
            aria-describedby={
              errors.recommendation?.length ? `${fieldId("recommendation")}-error` : undefined
            }
            aria-invalid={errors.recommendation?.length ? true : undefined}
            tabIndex={-1}
            className="space-y-2"
          >
            <ErrorText name="recommendation" errors={errors.recommendation} prefix={words.error} />
            {recommendations.map((value) => (
              <label key={value} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="recommendation"
                  value={value}
                  defaultChecked={values.recommendation === value}
                  className="h-5 w-5"
                />
                {words.recommendations[value]}
              </label>
            ))}
          </div>
          <div className="space-y-1">
            <label htmlFor={fieldId("justification")} className="block font-medium">
              {words.justification}
            </label>
            <ErrorText name="justification" errors={errors.justification} prefix={words.error} />
            <textarea
              id={fieldId("justification")}
              name="justification"
              rows={4}
              defaultValue={values.justification ?? ""}
              aria-describedby={
                errors.justification?.length ? `${fieldId("justification")}-error` : undefined
              }
              aria-invalid={errors.justification?.length ? true : undefined}
              className={textareaClass}
            />
          </div>
        </fieldset>
      </div>
      <div className="flex flex-wrap gap-3">
        <SubmitButton variant="secondary" name="intent" value="save" pendingLabel={words.pleaseWait}>
          {words.saveDraft}
        </SubmitButton>
        <SubmitButton name="intent" value="complete" pendingLabel={words.pleaseWait}>
          {words.complete}
        </SubmitButton>
      </div>
    </form>
  );
}
