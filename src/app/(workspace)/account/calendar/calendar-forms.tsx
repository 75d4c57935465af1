"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import {
  createCalendarLinkAction,
  revokeCalendarLinkAction,
  type CalendarFormState,
} from "@/server/commands/calendar/actions";

export function CalendarForms({ active, version }: { active: boolean; version: number }) {
  const [created, create] = useActionState<CalendarFormState, FormData>(
    createCalendarLinkAction,
    initialFormState,
  );
  const [revoked, revoke] = useActionState<CalendarFormState, FormData>(
    revokeCalendarLinkAction,
    initialFormState,
  );
  return (
    <div className="space-y-8">
      <form action={create} className="space-y-4">
        {/* Once the address is revoked, its "ready" message would be wrong. */}
        {(active || created.status !== "success") && <FormMessage state={created} />}
        {created.url && active && (
          <div className="space-y-1">
            <label htmlFor="calendar-url" className="block font-medium">
              Your calendar address
            </label>
            <p id="calendar-url-hint" className="text-sm text-muted">
              Copy it now and add it to your calendar app as a subscription (“From URL”). It is shown only
              once.
            </p>
            <input
              id="calendar-url"
              readOnly
              value={created.url}
              aria-describedby="calendar-url-hint"
              className="block w-full rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-sm"
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
        )}
        <input type="hidden" name="version" value={version} />
        <SubmitButton pendingLabel="Creating…" variant={active ? "secondary" : "primary"}>
          {active ? "Replace the calendar address" : "Create a calendar address"}
        </SubmitButton>
        {active && <p className="text-sm text-muted">Replacing it stops the old address at once.</p>}
      </form>
      {active && (
        <form action={revoke} className="space-y-4 border-t border-slate-200 pt-6">
          <h2 className="text-xl font-semibold">Stop the subscription</h2>
          <FormMessage state={revoked} />
          <p className="text-muted">Calendars subscribed to the address get nothing more.</p>
          <input type="hidden" name="version" value={version} />
          <SubmitButton pendingLabel="Revoking…" variant="danger">
            Revoke the calendar address
          </SubmitButton>
        </form>
      )}
      {!active && revoked.status === "success" && <FormMessage state={revoked} />}
    </div>
  );
}
