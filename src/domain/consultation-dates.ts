import { addDays, fromIsoDate, toIsoDate } from "./dates";
import { problem } from "./problem";
import { isIsoDate, type IsoDate } from "./term";

// The government consultation's two dates (docs/domain.md §4): each a real
// date, neither in the future, the reply not before the request. The form's
// hints are built from the same rule, so every example it shows is one it
// accepts (issue #12: hints of 2027 dates were refused as "in the future").

export type ConsultationDates = { requestedOn: string; repliedOn: string };

/**
 * The example in "Enter a real date, like 2026-12-05." is the format to type,
 * so its parts go as text: a whole day would be said as a date in the
 * reader's language (say-problems.ts).
 */
function realDateLike(example: IsoDate): string {
  const [year = "", month = "", day = ""] = example.split("-");
  return problem("realDateLike", { year, month, day });
}

/** What is wrong with the dates, by field; empty when the rule accepts them. */
export function consultationDateErrors(
  { requestedOn, repliedOn }: ConsultationDates,
  today: IsoDate,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const [field, value] of [
    ["requestedOn", requestedOn],
    ["repliedOn", repliedOn],
  ] as const) {
    if (!isIsoDate(value)) errors[field] = [realDateLike(today)];
    else if (value > today) errors[field] = [problem("dateFuture")];
  }
  if (!errors.requestedOn && !errors.repliedOn && repliedOn < requestedOn)
    errors.repliedOn = [problem("replyBeforeRequest")];
  return errors;
}

/** How far back the example request lies: a plausible consultation, not a rule. */
const exampleDaysBack = 14;

/**
 * Example dates for the form's hints: a request two weeks ago (or on the
 * submission, when that is more recent) and a reply today. Both pass
 * consultationDateErrors for the same `today`.
 */
export function consultationDateExamples(today: IsoDate, submittedOn: IsoDate | null): ConsultationDates {
  const twoWeeksAgo = toIsoDate(addDays(fromIsoDate(today), -exampleDaysBack));
  const requestedOn =
    submittedOn && isIsoDate(submittedOn) && submittedOn > twoWeeksAgo && submittedOn <= today
      ? submittedOn
      : twoWeeksAgo;
  return { requestedOn, repliedOn: today };
}
