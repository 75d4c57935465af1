"use server";

import type { FormState } from "@/domain/form-state";

import { runServerAction } from "../server-action";
import {
  calendarFeedUrl,
  createCalendarLinkCommand,
  newCalendarToken,
  revokeCalendarLinkCommand,
} from "./calendar-commands";

/** The form state, plus the new address: shown once, never stored in clear. */
export type CalendarFormState = FormState & { url?: string };

export async function createCalendarLinkAction(
  _previous: CalendarFormState,
  formData: FormData,
): Promise<CalendarFormState> {
  // The secret is made here, on the server, whatever the request carried.
  const token = newCalendarToken();
  if (formData instanceof FormData) formData.set("token", token);
  const state = await runServerAction(createCalendarLinkCommand, formData);
  return state.status === "success" ? { ...state, url: calendarFeedUrl(token) } : state;
}

export async function revokeCalendarLinkAction(
  _previous: CalendarFormState,
  formData: FormData,
): Promise<CalendarFormState> {
  return runServerAction(revokeCalendarLinkCommand, formData);
}
