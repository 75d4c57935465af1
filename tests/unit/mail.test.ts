import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";

import { formatIsoDate } from "@/domain/dates";
import { designationStates } from "@/domain/designation";
import { recommendations } from "@/domain/evaluation";
import type { Reminder, ReportForReminder } from "@/domain/reminders";
import { defaultLocale, locales, recipientLocale, type Locale } from "@/i18n/locales";
import {
  administratorMail,
  centreExpiredMail,
  centreTerminatedMail,
  designationMail,
  evaluationCompletedMail,
  focalDigestMail,
  invitationMail,
  passwordResetMail,
  redesignationInvitationMail,
  reportMail,
  reportReminderMail,
  roleGrantedMail,
  type ComposedMail,
} from "@/server/mail/compose";

// The e-mails in the recipient's language (decision 0026, "E-mails and the
// profile language"): which language, and that every mail renders in all six
// without a missing message or argument, with each language's plurals and dates.

const report: ReportForReminder = {
  id: 12,
  centreId: 3,
  reference: "NOR-18",
  title: "WHO Collaborating Centre for Telemedicine",
  yearNumber: 2,
  dueOn: "2027-03-03",
  state: "OPEN",
  submittedAt: null,
};
const staffReminder = (kind: "due-minus-30" | "due-date" | "due-plus-14", daysToDue: number): Reminder => ({
  kind,
  audience: "staff",
  key: `report:12:${kind}`,
  report,
  daysToDue,
});
const reviewReminder = (waitedDays: number): Reminder => ({
  kind: "review-waiting",
  audience: "officer",
  key: "report:12:review-waiting",
  report,
  waitedDays,
});
const centre = { reference: "NOR-18", title: "WHO Collaborating Centre for Telemedicine" };
const link = "https://registry.example/set-password/abc";

/** One of every mail the registry writes, in `locale`. */
function everyMail(locale: Locale): Record<string, ComposedMail> {
  return {
    invitation: invitationMail(locale, { name: "Farida Rahman", inviter: "Amira Haddad", link }),
    roleGranted: roleGrantedMail(locale, { name: "Farida Rahman", inviter: "Ingrid Olsen" }),
    passwordReset: passwordResetMail(locale, { name: "Farida Rahman", link }),
    administrator: administratorMail(locale, { name: "Farida Rahman", link }),
    dueSoon: reportReminderMail(locale, staffReminder("due-minus-30", 30)),
    dueToday: reportReminderMail(locale, staffReminder("due-date", 0)),
    overdue: reportReminderMail(locale, staffReminder("due-plus-14", -14)),
    reviewWaiting: reportReminderMail(locale, reviewReminder(16)),
    redesignation: redesignationInvitationMail(locale, {
      ...centre,
      termEnd: "2027-08-31",
      designationId: 7,
    }),
    digest: focalDigestMail(locale, {
      today: "2027-04-05",
      reports: [{ id: 12, ...centre, yearNumber: 2, dueOn: "2027-03-03", daysOverdue: 33 }],
    }),
    pending: centreExpiredMail(locale, { ...centre, termEnd: "2027-08-31", to: "PENDING" }),
    closed: centreExpiredMail(locale, { ...centre, termEnd: "2027-08-31", to: "CLOSED" }),
    ...Object.fromEntries(
      designationStates.map((state) => [
        `designation.${state}`,
        designationMail(locale, { id: 9, ...centre, state, note: "Please add the work plan." }),
      ]),
    ),
    submitted: reportMail(locale, { id: 12, ...centre, yearNumber: 2, event: "submitted" }),
    returned: reportMail(locale, {
      id: 12,
      ...centre,
      yearNumber: 2,
      event: "returned",
      note: "Add figures.",
    }),
    accepted: reportMail(locale, { id: 12, ...centre, yearNumber: 2, event: "accepted" }),
    ...Object.fromEntries(
      [...recommendations, null].map((recommendation) => [
        `evaluation.${recommendation}`,
        evaluationCompletedMail(locale, { designationId: 7, ...centre, recommendation }),
      ]),
    ),
    terminated: centreTerminatedMail(locale, { ...centre, reason: "The institution closed." }),
  };
}

describe("the language of a person's mail", () => {
  it("is their profile's choice, else English (the registry's default)", () => {
    expect(recipientLocale("fr")).toBe("fr");
    expect(recipientLocale("ar")).toBe("ar");
    expect(recipientLocale(null)).toBe(defaultLocale);
    expect(recipientLocale(undefined)).toBe("en");
    // A stored value that is not one of ours (a language since removed) counts as no choice.
    expect(recipientLocale("de")).toBe("en");
    expect(recipientLocale("FR")).toBe("en");
  });
});

describe("every e-mail", () => {
  let errors: MockInstance;
  beforeEach(() => {
    // next-intl reports a missing message or argument through console.error and prints the key instead.
    errors = vi.spyOn(console, "error");
  });
  afterEach(() => errors.mockRestore());

  it.each(locales)("renders in %s without a missing message, argument or placeholder", (locale) => {
    for (const [kind, mail] of Object.entries(everyMail(locale))) {
      expect(mail.subject.trim(), kind).not.toBe("");
      expect(mail.subject, kind).not.toMatch(/\n/);
      for (const text of [mail.subject, mail.text]) {
        expect(text, kind).not.toMatch(/Mail\.|Status\.|[{}]/);
      }
    }
    expect(errors).not.toHaveBeenCalled();
  });

  it("keeps English as it was written before the catalogues", () => {
    expect(invitationMail("en", { name: "Farida Rahman", inviter: "Amira Haddad", link })).toEqual({
      subject: "You are invited to the Collaborating Centres Registry",
      text: [
        "Hello Farida Rahman,",
        "",
        "Amira Haddad has invited you to the Collaborating Centres Registry. Open this link to set your password:",
        link,
        "",
        "The link works once and expires in 72 hours. If it has expired, use “Forgot your password?” on the sign-in page.",
      ].join("\n"),
    });
    expect(reportReminderMail("en", staffReminder("due-minus-30", 30)).subject).toBe(
      "NOR-18: annual report due on 3 March 2027",
    );
  });

  it("writes each language's own words, punctuation and dates", () => {
    const french = invitationMail("fr", { name: "Farida Rahman", inviter: "Amira Haddad", link });
    expect(french.subject).toBe("Invitation au Registre des centres collaborateurs");
    expect(french.text).toContain("Bonjour Farida Rahman,");
    expect(french.text).toContain(
      "Amira Haddad vous invite à rejoindre le Registre des centres collaborateurs.",
    );
    expect(french.text).toContain("expire dans 72 heures");
    expect(reportReminderMail("fr", staffReminder("due-minus-30", 30)).subject).toBe(
      "NOR-18\u202f: rapport annuel à remettre le 3 mars 2027",
    );
    expect(reportReminderMail("es", staffReminder("due-plus-14", -14)).subject).toBe(
      "NOR-18: informe anual atrasado desde el 3 de marzo de 2027",
    );
    expect(reportReminderMail("zh", staffReminder("due-date", 0)).text).toContain("今天（2027年3月3日）截止");
    expect(reportReminderMail("ru", reviewReminder(16)).subject).toBe(
      "NOR-18: годовой отчёт ожидает вашего рассмотрения",
    );
    expect(centreExpiredMail("ar", { ...centre, termEnd: "2027-08-31", to: "PENDING" }).subject).toBe(
      "NOR-18: انتهت مدة التعيين؛ أصبحت حالة المركز «بانتظار التجديد»",
    );
    expect(designationMail("es", { id: 9, ...centre, state: "DESIGNATED" }).subject).toBe(
      "NOR-18 WHO Collaborating Centre for Telemedicine: Designada",
    );
  });

  it("counts days and reports with each language's plural forms", () => {
    const soon = (locale: Locale, days: number) =>
      reportReminderMail(locale, staffReminder("due-minus-30", days)).text.split("\n")[0];
    expect(soon("en", 1)).toContain("(in 1 day)");
    expect(soon("en", 21)).toContain("(in 21 days)");
    expect(soon("fr", 1)).toContain("(dans 1 jour)");
    expect(soon("fr", 2)).toContain("(dans 2 jours)");
    expect(soon("ru", 21)).toContain("(через 21 день)");
    expect(soon("ru", 3)).toContain("(через 3 дня)");
    expect(soon("ru", 25)).toContain("(через 25 дней)");
    expect(soon("ar", 1)).toContain("(بعد يوم واحد)");
    expect(soon("ar", 2)).toContain("(بعد يومين)");
    expect(soon("zh", 5)).toContain("（还有5天）");
    const digest = (locale: Locale, count: number) =>
      focalDigestMail(locale, {
        today: "2027-04-05",
        reports: Array.from({ length: count }, (_, index) => ({
          id: index,
          ...centre,
          yearNumber: 2,
          dueOn: "2027-03-03",
          daysOverdue: 33,
        })),
      }).subject;
    expect(digest("en", 1)).toBe("Weekly digest: 1 overdue annual report in your region");
    expect(digest("en", 3)).toBe("Weekly digest: 3 overdue annual reports in your region");
    expect(digest("ru", 22)).toBe("Еженедельная сводка: 22 просроченных годовых отчёта в вашем регионе");
    expect(digest("es", 1)).toBe("Resumen semanal: 1 informe anual atrasado en su región");
  });

  it("links to the page in the reader's language, on APP_URL", () => {
    const [, , englishLink] = reportReminderMail("en", reviewReminder(16)).text.split("\n");
    const [, , frenchLink] = reportReminderMail("fr", reviewReminder(16)).text.split("\n");
    expect(englishLink).toMatch(/: https?:\/\/[^/]+\/reports\/12$/);
    expect(frenchLink).toMatch(/\u202f: https?:\/\/[^/]+\/fr\/reports\/12$/);
  });
});

describe("dates in words", () => {
  it("are written by Intl in the reader's language, English day first", () => {
    expect(formatIsoDate("2027-03-03")).toBe("3 March 2027");
    expect(formatIsoDate("2027-03-03", "en")).toBe("3 March 2027");
    expect(formatIsoDate("2027-03-03", "fr")).toBe("3 mars 2027");
    expect(formatIsoDate("2027-03-03", "es")).toBe("3 de marzo de 2027");
    expect(formatIsoDate("2027-03-03", "ru")).toBe("3 марта 2027 г.");
    expect(formatIsoDate("2027-03-03", "zh")).toBe("2027年3月3日");
    expect(formatIsoDate("2027-03-03", "ar")).toMatch(/مارس/);
  });
});
