import { describe, expect, it } from "vitest";

import {
  focalDigests,
  invitationDay,
  isoWeek,
  recipientKey,
  redesignationInvitation,
  remindersDue,
  reviewReminderFor,
  staffReminderFor,
  type DigestReport,
  type ReportForReminder,
} from "@/domain/reminders";
import { addMonths } from "@/domain/term";

const at = (iso: string, time = "06:00:00") => new Date(`${iso}T${time}Z`);

function report(overrides: Partial<ReportForReminder> = {}): ReportForReminder {
  return {
    id: 7,
    centreId: 3,
    reference: "NOR-18",
    title: "WHO Collaborating Centre for Health Informatics",
    yearNumber: 2,
    dueOn: "2026-10-16",
    state: "OPEN",
    submittedAt: null,
    ...overrides,
  };
}

const staffKind = (r: ReportForReminder, today: string) => staffReminderFor(r, today)?.kind ?? null;

describe("staff reminders: 30 days before, on the due date, 14 days after", () => {
  it("sends nothing before the 30-days-before day", () => {
    expect(staffKind(report(), "2026-09-15")).toBeNull();
    expect(staffKind(report(), "2026-09-16")).toBe("due-minus-30");
  });

  it("each reminder's window runs until the next one's day (a missed day is caught up once)", () => {
    expect(staffKind(report(), "2026-10-15")).toBe("due-minus-30");
    expect(staffKind(report(), "2026-10-16")).toBe("due-date");
    expect(staffKind(report(), "2026-10-29")).toBe("due-date");
    expect(staffKind(report(), "2026-10-30")).toBe("due-plus-14");
    expect(staffKind(report(), "2027-06-01")).toBe("due-plus-14");
  });

  it("keys each reminder by report and kind, so a second run finds the same key", () => {
    expect(staffReminderFor(report(), "2026-09-20")?.key).toBe("report:7:due-minus-30");
    expect(staffReminderFor(report(), "2026-09-21")?.key).toBe("report:7:due-minus-30");
    expect(staffReminderFor(report(), "2026-10-16")?.key).toBe("report:7:due-date");
    expect(recipientKey("report:7:due-date", 12)).toBe("report:7:due-date:to:12");
  });

  it("counts days to the due date", () => {
    expect(staffReminderFor(report(), "2026-09-16")).toMatchObject({ daysToDue: 30 });
    expect(staffReminderFor(report(), "2026-10-30")).toMatchObject({ daysToDue: -14 });
  });

  it("reminds for scheduled, open, draft and returned reports only", () => {
    for (const state of ["SCHEDULED", "OPEN", "DRAFT", "RETURNED"])
      expect(staffKind(report({ state }), "2026-10-16")).toBe("due-date");
    for (const state of ["SUBMITTED", "ACCEPTED", "CANCELLED"])
      expect(staffKind(report({ state }), "2026-10-16")).toBeNull();
  });

  it("never moves a due date on a weekend: reminders fall on calendar days", () => {
    // 2026-10-17 is a Saturday; the reminder is on the Saturday itself.
    const saturday = report({ dueOn: "2026-10-17" });
    expect(new Date("2026-10-17T00:00:00Z").getUTCDay()).toBe(6);
    expect(staffKind(saturday, "2026-10-16")).toBe("due-minus-30");
    expect(staffKind(saturday, "2026-10-17")).toBe("due-date");
    expect(staffKind(saturday, "2026-09-17")).toBe("due-minus-30"); // a Thursday
    expect(staffKind(saturday, "2026-10-31")).toBe("due-plus-14"); // a Saturday
  });

  it("counts across 29 February in a leap year", () => {
    // A report due on 2028-03-15: 30 days before is 2028-02-14 (29 days in February 2028).
    const leap = report({ dueOn: "2028-03-15" });
    expect(staffKind(leap, "2028-02-13")).toBeNull();
    expect(staffKind(leap, "2028-02-14")).toBe("due-minus-30");
    // A report due on 2028-02-29 (a term that started on 29 February): the reminders
    // are 30 January, 29 February and 14 March.
    const onLeapDay = report({ dueOn: "2028-02-29" });
    expect(staffKind(onLeapDay, "2028-01-29")).toBeNull();
    expect(staffKind(onLeapDay, "2028-01-30")).toBe("due-minus-30");
    expect(staffKind(onLeapDay, "2028-02-29")).toBe("due-date");
    expect(staffKind(onLeapDay, "2028-03-13")).toBe("due-date");
    expect(staffKind(onLeapDay, "2028-03-14")).toBe("due-plus-14");
    // In a common year the anniversary of 29 February is 28 February (term.ts).
    const common = report({ dueOn: "2027-02-28" });
    expect(staffKind(common, "2027-01-29")).toBe("due-minus-30");
    expect(staffKind(common, "2027-03-14")).toBe("due-plus-14");
  });
});

describe("the officer's review reminder", () => {
  const submitted = report({ state: "SUBMITTED", submittedAt: at("2026-11-01", "15:30:00") });

  it("comes once a submission has waited 14 days", () => {
    expect(reviewReminderFor(submitted, at("2026-11-14"))).toBeNull();
    expect(reviewReminderFor(submitted, at("2026-11-15"))).toMatchObject({
      kind: "review-waiting",
      audience: "officer",
      waitedDays: 14,
      key: "report:7:review-waiting:2026-11-01T15:30:00.000Z",
    });
  });

  it("is keyed by the submission, so a resubmission gets its own", () => {
    const resubmitted = { ...submitted, submittedAt: at("2026-12-01") };
    expect(reviewReminderFor(resubmitted, at("2026-12-20"))?.key).not.toBe(
      reviewReminderFor(submitted, at("2026-12-20"))?.key,
    );
  });

  it("is not sent for reports in any other state or without a submission date", () => {
    for (const state of ["OPEN", "DRAFT", "RETURNED", "ACCEPTED", "CANCELLED"])
      expect(reviewReminderFor({ ...submitted, state }, at("2026-12-20"))).toBeNull();
    expect(reviewReminderFor({ ...submitted, submittedAt: null }, at("2026-12-20"))).toBeNull();
  });
});

describe("remindersDue", () => {
  it("gives one reminder per report that needs one", () => {
    const due = remindersDue(
      [
        report({ id: 1 }),
        report({ id: 2, state: "ACCEPTED" }),
        report({ id: 3, state: "SUBMITTED", submittedAt: at("2026-10-01") }),
        report({ id: 4, dueOn: "2027-10-16" }),
      ],
      at("2026-10-16"),
    );
    expect(due.map((reminder) => reminder.key)).toEqual([
      "report:1:due-date",
      "report:3:review-waiting:2026-10-01T06:00:00.000Z",
    ]);
  });
});

describe("addMonths", () => {
  it("keeps the day, or the last day of a shorter month", () => {
    expect(addMonths("2026-10-16", -6)).toBe("2026-04-16");
    expect(addMonths("2026-08-31", -6)).toBe("2026-02-28");
    expect(addMonths("2028-08-31", -6)).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2026-03-15", -15)).toBe("2024-12-15");
  });
});

describe("redesignation invitation", () => {
  const term = {
    designationId: 41,
    centreStatus: "ACTIVE",
    termEnd: "2027-04-16",
    hasOpenRedesignation: false,
    hasOfficer: true,
  };

  it("invites the officer from 6 months before the term ends until it ends", () => {
    expect(invitationDay("2027-04-16")).toBe("2026-10-16");
    expect(redesignationInvitation(term, "2026-10-15")).toBeNull();
    expect(redesignationInvitation(term, "2026-10-16")).toEqual({
      key: "designation:41:redesignation-invitation",
    });
    expect(redesignationInvitation(term, "2027-04-15")).not.toBeNull();
    expect(redesignationInvitation(term, "2027-04-16")).toBeNull();
  });

  it("counts 6 months from a term ending on 29 February or at a month's end", () => {
    expect(invitationDay("2028-02-29")).toBe("2027-08-29");
    expect(invitationDay("2027-08-31")).toBe("2027-02-28");
    expect(redesignationInvitation({ ...term, termEnd: "2028-02-29" }, "2027-08-29")).not.toBeNull();
  });

  it("does not invite when a redesignation is under way, without an officer, or unless Active", () => {
    expect(redesignationInvitation({ ...term, hasOpenRedesignation: true }, "2026-12-01")).toBeNull();
    expect(redesignationInvitation({ ...term, hasOfficer: false }, "2026-12-01")).toBeNull();
    for (const centreStatus of ["PENDING", "CLOSED", "TERMINATED", "PROPOSED"])
      expect(redesignationInvitation({ ...term, centreStatus }, "2026-12-01")).toBeNull();
  });
});

describe("isoWeek", () => {
  it("numbers weeks from Monday, the week belonging to its Thursday's year", () => {
    expect(isoWeek("2026-11-23")).toBe("2026-W48"); // Monday
    expect(isoWeek("2026-11-29")).toBe("2026-W48"); // Sunday
    expect(isoWeek("2026-11-30")).toBe("2026-W49");
    expect(isoWeek("2027-01-01")).toBe("2026-W53"); // a Friday: still 2026's last week
    expect(isoWeek("2024-12-30")).toBe("2025-W01");
    expect(isoWeek("2028-02-29")).toBe("2028-W09");
  });
});

describe("focal point digests", () => {
  const overdue = (id: number, regionId: number, dueOn: string, state = "OPEN"): DigestReport => ({
    ...report({ id, dueOn, state, reference: `REF-${id}` }),
    regionId,
  });
  const reports = [
    overdue(1, 1, "2026-10-16"),
    overdue(2, 1, "2026-09-01"),
    overdue(3, 2, "2026-10-01"),
    overdue(4, 1, "2026-10-01", "SUBMITTED"),
    overdue(5, 1, "2026-11-25"), // due today: not yet overdue
    overdue(6, 1, "2026-10-01", "RETURNED"),
  ];

  it("lists each focal point's overdue reports of their regions, most overdue first", () => {
    const digests = focalDigests(
      reports,
      [
        { userId: 10, regionIds: [1] },
        { userId: 11, regionIds: [1, 2] },
        { userId: 12, regionIds: [3] },
      ],
      at("2026-11-25"),
    );
    expect(digests.map((digest) => [digest.userId, digest.reports.map((r) => r.id)])).toEqual([
      [10, [2, 6, 1]],
      [11, [2, 3, 6, 1]],
    ]);
    expect(digests[0]!.key).toBe("digest:2026-W48:to:10");
  });

  it("keeps one key for the whole week, so a repeated run sends nothing new", () => {
    const focal = [{ userId: 10, regionIds: [1] }];
    expect(focalDigests(reports, focal, at("2026-11-23"))[0]!.key).toBe(
      focalDigests(reports, focal, at("2026-11-29"))[0]!.key,
    );
    expect(focalDigests(reports, focal, at("2026-11-30"))[0]!.key).toBe("digest:2026-W49:to:10");
  });
});
