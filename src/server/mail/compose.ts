import "server-only";

import { INVITATION_TTL_MS, PASSWORD_RESET_TTL_MS } from "@/domain/auth-tokens";
import { formatIsoDate } from "@/domain/dates";
import type { DesignationState } from "@/domain/designation";
import type { Recommendation } from "@/domain/evaluation";
import type { Reminder } from "@/domain/reminders";
import { translatorFor } from "@/i18n/catalogues";
import type { Locale } from "@/i18n/locales";
import { appLink } from "@/server/auth/tokens";

// Every e-mail the registry sends, written here in the recipient's language
// (decision 0026, "E-mails and the profile language"): the callers load the
// facts and the recipient's `locale` (recipientLocale(User.locale): their
// profile's choice, else English), these functions write the words from the
// "Mail" catalogue namespace, and enqueueMail() stays the one writer of the
// outbox. Dates are Intl's, in the same language; counts are ICU plurals.
// Names, titles and notes people wrote stay as they were written.

export type ComposedMail = { subject: string; text: string };

const lines = (...parts: (string | false | null | undefined)[]) =>
  parts.filter((part): part is string => typeof part === "string").join("\n");

const hours = (ms: number) => Math.round(ms / 3_600_000);
const minutes = (ms: number) => Math.round(ms / 60_000);

export function invitationMail(
  locale: Locale,
  facts: { name: string; inviter: string; link: string },
): ComposedMail {
  const t = translatorFor(locale, "Mail");
  return {
    subject: t("invitation.subject"),
    text: lines(
      t("greeting", { name: facts.name }),
      "",
      t("invitation.body", { inviter: facts.inviter }),
      facts.link,
      "",
      t("invitation.expiry", { hours: hours(INVITATION_TTL_MS) }),
    ),
  };
}

export function roleGrantedMail(locale: Locale, facts: { name: string; inviter: string }): ComposedMail {
  const t = translatorFor(locale, "Mail");
  return {
    subject: t("roleGranted.subject"),
    text: lines(
      t("greeting", { name: facts.name }),
      "",
      t("roleGranted.body", { inviter: facts.inviter }),
      "",
      t("roleGranted.forgotten"),
    ),
  };
}

export function passwordResetMail(locale: Locale, facts: { name: string; link: string }): ComposedMail {
  const t = translatorFor(locale, "Mail");
  return {
    subject: t("passwordReset.subject"),
    text: lines(
      t("greeting", { name: facts.name }),
      "",
      t("passwordReset.body"),
      facts.link,
      "",
      t("passwordReset.expiry", { minutes: minutes(PASSWORD_RESET_TTL_MS) }),
    ),
  };
}

export function administratorMail(locale: Locale, facts: { name: string; link: string }): ComposedMail {
  const t = translatorFor(locale, "Mail");
  return {
    subject: t("administrator.subject"),
    text: lines(
      t("greeting", { name: facts.name }),
      "",
      t("administrator.body"),
      facts.link,
      "",
      t("administrator.expiry", { hours: hours(INVITATION_TTL_MS) }),
    ),
  };
}

const reminderKeys = {
  "due-minus-30": "dueSoon",
  "due-date": "dueToday",
  "due-plus-14": "overdue",
  "review-waiting": "reviewWaiting",
} as const satisfies Record<Reminder["kind"], string>;

/** An annual-report reminder: to the centre's staff before and after the due date, to the officer for a review. */
export function reportReminderMail(locale: Locale, reminder: Reminder): ComposedMail {
  const t = translatorFor(locale, "Mail");
  const { report } = reminder;
  const key = reminderKeys[reminder.kind];
  const values = {
    reference: report.reference,
    title: report.title,
    year: report.yearNumber,
    due: formatIsoDate(report.dueOn, locale),
    days: reminder.kind === "review-waiting" ? reminder.waitedDays : reminder.daysToDue,
  };
  return {
    subject: t(`reportReminder.${key}.subject`, values),
    text: lines(
      t(`reportReminder.${key}.body`, values),
      "",
      t("openInRegistry", { link: appLink(locale, `/reports/${report.id}`) }),
    ),
  };
}

/** The officer's invitation to evaluate the term and start the redesignation, 6 months before it ends. */
export function redesignationInvitationMail(
  locale: Locale,
  facts: { reference: string; title: string; termEnd: string; designationId: number },
): ComposedMail {
  const t = translatorFor(locale, "Mail");
  const values = {
    reference: facts.reference,
    title: facts.title,
    termEnd: formatIsoDate(facts.termEnd, locale),
  };
  return {
    subject: t("redesignation.subject", values),
    text: lines(
      t("redesignation.body", values),
      t("redesignation.invitation"),
      "",
      t("openInRegistry", { link: appLink(locale, `/evaluations/${facts.designationId}`) }),
    ),
  };
}

export type DigestLine = {
  id: number;
  reference: string;
  title: string;
  yearNumber: number;
  dueOn: string;
  daysOverdue: number;
};

/** A focal point's weekly list of the overdue annual reports of their region(s). */
export function focalDigestMail(
  locale: Locale,
  facts: { today: string; reports: readonly DigestLine[] },
): ComposedMail {
  const t = translatorFor(locale, "Mail");
  return {
    subject: t("focalDigest.subject", { count: facts.reports.length }),
    text: lines(
      t("focalDigest.intro", { date: formatIsoDate(facts.today, locale) }),
      "",
      ...facts.reports.map((report) =>
        t("focalDigest.item", {
          reference: report.reference,
          title: report.title,
          year: report.yearNumber,
          due: formatIsoDate(report.dueOn, locale),
          days: report.daysOverdue,
          link: appLink(locale, `/reports/${report.id}`),
        }),
      ),
      "",
      t("focalDigest.dashboard", { link: appLink(locale, "/dashboard") }),
    ),
  };
}

/** A centre whose term ended: Pending while a redesignation is under way, else Closed. */
export function centreExpiredMail(
  locale: Locale,
  facts: { reference: string; title: string; termEnd: string; to: "PENDING" | "CLOSED" },
): ComposedMail {
  const t = translatorFor(locale, "Mail");
  const status = translatorFor(locale, "Status")(`label.${facts.to}`);
  const values = {
    reference: facts.reference,
    title: facts.title,
    termEnd: formatIsoDate(facts.termEnd, locale),
  };
  return {
    subject: t("centreExpired.subject", { reference: facts.reference, status }),
    text: lines(
      t("centreExpired.body", values),
      t(facts.to === "PENDING" ? "centreExpired.pending" : "centreExpired.closed"),
      "",
      t("centreExpired.publicPage", { link: appLink(locale, `/centres/${facts.reference}`) }),
    ),
  };
}

/** A designation moved on: to whoever acts next, or at the end to the officer and the centre. */
export function designationMail(
  locale: Locale,
  facts: { id: number; reference: string; title: string; state: DesignationState; note?: string },
): ComposedMail {
  const t = translatorFor(locale, "Mail");
  const values = {
    reference: facts.reference,
    title: facts.title,
    state: t(`designation.state.${facts.state}`),
  };
  return {
    subject: t("designation.subject", values),
    text: lines(
      t("designation.body", values),
      ...(facts.note ? ["", facts.note] : []),
      "",
      t("openInRegistry", { link: appLink(locale, `/designations/${facts.id}`) }),
    ),
  };
}

/** An annual report submitted (to the officer), returned with a note or accepted (to the centre's staff). */
export function reportMail(
  locale: Locale,
  facts: {
    id: number;
    reference: string;
    title: string;
    yearNumber: number;
    event: "submitted" | "returned" | "accepted";
    note?: string;
  },
): ComposedMail {
  const t = translatorFor(locale, "Mail");
  const values = { reference: facts.reference, year: facts.yearNumber };
  return {
    subject: t(`report.${facts.event}.subject`, values),
    text: lines(
      t("report.heading", { reference: facts.reference, title: facts.title }),
      "",
      t(`report.${facts.event}.body`, values),
      ...(facts.note ? ["", t("report.note"), facts.note] : []),
      "",
      t("openInRegistry", { link: appLink(locale, `/reports/${facts.id}`) }),
    ),
  };
}

/** The region's focal points hear that the officer completed the final evaluation. */
export function evaluationCompletedMail(
  locale: Locale,
  facts: { designationId: number; reference: string; title: string; recommendation: Recommendation | null },
): ComposedMail {
  const t = translatorFor(locale, "Mail");
  const values = { reference: facts.reference, title: facts.title };
  return {
    subject: t("evaluation.subject", values),
    text: lines(
      t("evaluation.body", values),
      t("evaluation.recommendation", { recommendation: facts.recommendation ?? "none" }),
      "",
      t("openInRegistry", { link: appLink(locale, `/evaluations/${facts.designationId}`) }),
    ),
  };
}

/** WHO terminated a designation: the officer and the centre's staff are told, with WHO's reason as written. */
export function centreTerminatedMail(
  locale: Locale,
  facts: { reference: string; title: string; reason: string },
): ComposedMail {
  const t = translatorFor(locale, "Mail");
  const values = { reference: facts.reference, title: facts.title };
  return {
    subject: t("terminated.subject", values),
    text: lines(
      t("terminated.body", values),
      "",
      t("terminated.reason", { reason: facts.reason }),
      "",
      t("terminated.reports"),
    ),
  };
}
