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

/** The forms' words in the page's language, from the server page. */
export type CalendarWords = {
  addressLabel: string;
  addressHint: string;
  replace: string;
  create: string;
  creating: string;
  replaceNote: string;
  stopHeading: string;
  stopText: string;
  revoke: string;
  revoking: string;
};

export function CalendarForms({
  active,
  version,
  words,
}: {
  active: boolean;
  version: number;
  words: CalendarWords;
}) {
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
              {words.addressLabel}
            </label>
            <p id="calendar-url-hint" className="text-sm text-muted">
              {words.addressHint}
            </p>
            <input
              id="calendar-url"
              readOnly
              value={created.url}
              dir="ltr"
              aria-describedby="calendar-url-hint"
              className="block w-full rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-sm"
              onFocus={(event) => event.currentTarget.select()}
            />
          </div>
        )}
        <input type="hidden" name="version" value={version} />
        <SubmitButton pendingLabel={words.creating} variant={active ? "secondary" : "primary"}>
          {active ? words.replace : words.create}
        </SubmitButton>
        {active && <p className="text-sm text-muted">{words.replaceNote}</p>}
      </form>
      {active && (
        <form action={revoke} className="space-y-4 border-t border-slate-200 pt-6">
          <h2 className="text-xl font-semibold">{words.stopHeading}</h2>
          <FormMessage state={revoked} />
          <p className="text-muted">{words.stopText}</p>
          <input type="hidden" name="version" value={version} />
          <SubmitButton pendingLabel={words.revoking} variant="danger">
            {words.revoke}
          </SubmitButton>
        </form>
      )}
      {!active && revoked.status === "success" && <FormMessage state={revoked} />}
    </div>
  );
}
