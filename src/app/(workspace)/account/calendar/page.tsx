import type { Metadata } from "next";

import { requirePage } from "@/server/policy/page-guard";
import { calendarLinkStatus } from "@/server/queries/calendar-link";

import { CalendarForms } from "./calendar-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Calendar subscription" };

export default async function CalendarPage() {
  const viewer = await requirePage("calendar.manage", null, "/account/calendar");
  const status = await calendarLinkStatus(viewer);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">Calendar subscription</h1>
      <p className="text-muted">
        Subscribe to your deadlines from your calendar app (Outlook, Google Calendar, Apple Calendar): annual
        reports due, reports to review, final evaluations and designations expiring, for the centres you work
        with. The address is secret: anyone who has it can read these deadlines, so do not share it.
      </p>
      <p data-testid="calendar-status">
        {status.active
          ? "You have a calendar address. It was shown once when you created it: if you no longer have it, replace it."
          : "You have no calendar address."}
      </p>
      <CalendarForms active={status.active} version={status.version} />
    </div>
  );
}
