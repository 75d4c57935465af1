import { addDays, fromIsoDate, toIsoDate } from "./dates";
import { isIsoDate, type IsoDate } from "./term";

// The government consultation's two dates (docs/domain.md §4): each a real
// date, neither in the future, the reply not before the request. The form's
// hints are built from the same rule, so every example it shows is one it
// accepts (issue #12: hints of 2027 dates were refused as "in the future").

export type ConsultationDates = { requestedOn: string; repliedOn: string };

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
    if (!isIsoDate(value)) errors[field] = [`Enter a real date, like ${today}.`];
    else if (value > today) errors[field] = ["This date cannot be in the future."];
  }
  if (!errors.requestedOn && !errors.repliedOn && repliedOn < requestedOn)
    errors.repliedOn = ["The reply cannot come before the request."];
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
