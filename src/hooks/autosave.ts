import { fill } from "@/i18n/fill";

// The rules of autosave as a pure reducer (no React, no timers, no storage),
// so every step of the queue, the retries and the local restore is a unit
// test. useAutosave (./use-autosave.ts) runs it: it owns the timers, the one
// request in flight and the browser's safety copy.

export type FormValues = Record<string, string>;

/** What the server answers to one save (the autosave server action's result). */
export type AutosaveAnswer = {
  status: "idle" | "error" | "success";
  message?: string;
  fieldErrors?: Record<string, string[]>;
  version?: number;
  savedAt?: string;
  /** The save moved the record's state: the page re-renders. */
  stateChanged?: boolean;
  /** A failure on the server's side: try again; a refusal (no `retry`) would only repeat. */
  retry?: boolean;
};

export type SaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "retry" }
  | { kind: "failed"; message: string }
  | { kind: "restore"; writtenAt: number };

export type AutosaveState = {
  /** Only grows: the page's (after a reload or refresh) or the one our own last save returned. */
  version: number;
  /** The form's values as last edited. */
  values: FormValues;
  /** Edits the server does not have yet. */
  dirty: boolean;
  /** Refused for a reason another save would only repeat (someone else's change, the lock). */
  blocked: boolean;
  /** Failed attempts in a row, for the back-off. */
  retries: number;
  status: SaveStatus;
};

export type AutosaveEvent =
  | { type: "page-version"; version: number }
  | { type: "edited"; values: FormValues }
  | { type: "sending" }
  | { type: "answered"; answer: AutosaveAnswer; now: number }
  | { type: "unreachable" }
  | { type: "restore-offered"; writtenAt: number }
  | { type: "restore-declined" };

export const AUTOSAVE_DELAY_MS = 1_200;
const RETRY_DELAYS_MS = [2_000, 5_000, 10_000] as const;
const LONGEST_RETRY_DELAY_MS = 30_000;

export function initialAutosaveState(version: number, values: FormValues): AutosaveState {
  return { version, values, dirty: false, blocked: false, retries: 0, status: { kind: "idle" } };
}

/** How long to wait before the next attempt, after `retries` failures in a row (at least one). */
export function retryDelayMs(retries: number): number {
  return RETRY_DELAYS_MS[Math.max(retries, 1) - 1] ?? LONGEST_RETRY_DELAY_MS;
}

/** Whether a save should go out now; "up-to-date" and "blocked" send nothing. */
export function saveDecision(state: AutosaveState): "send" | "up-to-date" | "blocked" {
  if (!state.dirty) return "up-to-date";
  return state.blocked ? "blocked" : "send";
}

/** What an answer means: saved, worth another try, or refused. */
export function answerOutcome(answer: AutosaveAnswer): "saved" | "retry" | "refused" {
  if (answer.status === "success" && answer.version) return "saved";
  return answer.retry ? "retry" : "refused";
}

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case "page-version":
      // Unchanged when nothing grows: the hook then renders nothing again.
      return event.version > state.version ? { ...state, version: event.version } : state;
    case "edited":
      return { ...state, values: event.values, dirty: true };
    case "sending":
      return { ...state, dirty: false, status: { kind: "saving" } };
    case "unreachable":
      return retryLater(state);
    case "answered":
      return answered(state, event.answer, event.now);
    case "restore-offered":
      return { ...state, status: { kind: "restore", writtenAt: event.writtenAt } };
    case "restore-declined":
      return { ...state, status: { kind: "idle" } };
  }
}

function answered(state: AutosaveState, answer: AutosaveAnswer, now: number): AutosaveState {
  switch (answerOutcome(answer)) {
    case "saved":
      return {
        ...state,
        version: Math.max(state.version, answer.version ?? 0),
        retries: 0,
        status: { kind: "saved", at: new Date(answer.savedAt ?? now) },
      };
    case "retry":
      return retryLater(state);
    case "refused":
      // A field over its limit waits for the next change; anything else stops autosave.
      return {
        ...state,
        blocked: state.blocked || !answer.fieldErrors,
        status: { kind: "failed", message: answer.message ?? "Please try again." },
      };
  }
}

/** The sent values are still to be saved: keep them dirty and count the failure. */
function retryLater(state: AutosaveState): AutosaveState {
  return { ...state, dirty: true, retries: state.retries + 1, status: { kind: "retry" } };
}

/** A copy of the values kept on this device, with the version they were edited on. */
export type DeviceCopy = { values: FormValues; baseVersion: number; writtenAt: number };

/**
 * What to do on opening with a copy on this device: nothing without one,
 * forget it when the server has the same, send it when it was made on the
 * version the server still has, ask when the server copy moved on since.
 */
export function restoreDecision(
  copy: DeviceCopy | null,
  state: Pick<AutosaveState, "values" | "version">,
): "none" | "forget" | "apply" | "ask" {
  if (!copy) return "none";
  const differs = Object.entries(copy.values).some(([key, value]) => (state.values[key] ?? "") !== value);
  if (!differs) return "forget";
  return copy.baseVersion === state.version ? "apply" : "ask";
}

/** The status line's sentences in the page's language; `{time}` and `{message}` are filled in. */
export type SaveStatusWords = { idle: string; saving: string; saved: string; retry: string; failed: string };

/** The status line under the form; times in `dateLocale` (English is British: 09:07). */
export function saveStatusText(status: SaveStatus, words: SaveStatusWords, dateLocale: string): string {
  switch (status.kind) {
    case "idle":
      return words.idle;
    case "saving":
      return words.saving;
    case "saved":
      return fill(words.saved, {
        time: status.at.toLocaleTimeString(dateLocale, { hour: "2-digit", minute: "2-digit" }),
      });
    case "retry":
      return words.retry;
    case "failed":
      return fill(words.failed, { message: status.message });
    case "restore":
      return "";
  }
}
