import { describe, expect, it } from "vitest";

import {
  answerOutcome,
  autosaveReducer,
  initialAutosaveState,
  restoreDecision,
  retryDelayMs,
  saveDecision,
  saveStatusText,
  type AutosaveAnswer,
  type AutosaveEvent,
  type AutosaveState,
} from "@/hooks/autosave";
import { fill } from "@/i18n/fill";

import en from "../../messages/en.json";
import fr from "../../messages/fr.json";

// The autosave rules the report form runs (src/hooks/use-autosave.ts): one
// save at a time carrying the newest version, retries with back-off, a stop
// after a refusal that would repeat, and the restore of a copy on the device.

const now = Date.UTC(2026, 11, 5, 9, 30);
const start = () => initialAutosaveState(3, { narrative: "" });
const run = (state: AutosaveState, ...events: AutosaveEvent[]) => events.reduce(autosaveReducer, state);
const edited = (narrative: string): AutosaveEvent => ({ type: "edited", values: { narrative } });
const saved = (version: number, savedAt?: string): AutosaveEvent => ({
  type: "answered",
  answer: { status: "success", version, savedAt },
  now,
});

describe("autosave state", () => {
  it("starts clean, idle, at the page's version", () => {
    expect(start()).toEqual({
      version: 3,
      values: { narrative: "" },
      dirty: false,
      blocked: false,
      retries: 0,
      status: { kind: "idle" },
    });
    expect(saveDecision(start())).toBe("up-to-date");
  });

  it("an edit keeps the values and waits to be sent; sending marks them as on their way", () => {
    const state = run(start(), edited("a"));
    expect(state).toMatchObject({ values: { narrative: "a" }, dirty: true, status: { kind: "idle" } });
    expect(saveDecision(state)).toBe("send");
    const sending = run(state, { type: "sending" });
    expect(sending).toMatchObject({ dirty: false, status: { kind: "saving" } });
    expect(saveDecision(sending)).toBe("up-to-date");
  });

  it("a save answers the new version, resets the back-off and says when", () => {
    const state = run(
      start(),
      edited("a"),
      { type: "sending" },
      { type: "unreachable" },
      { type: "sending" },
    );
    expect(state.retries).toBe(1);
    const after = run(state, saved(4, "2026-12-05T09:31:00.000Z"));
    expect(after).toMatchObject({ version: 4, retries: 0, dirty: false });
    expect(after.status).toEqual({ kind: "saved", at: new Date("2026-12-05T09:31:00.000Z") });
    expect(run(state, saved(4)).status).toEqual({ kind: "saved", at: new Date(now) });
  });

  it("an edit made while a save was in flight is still to be sent after it succeeds", () => {
    const state = run(start(), edited("a"), { type: "sending" }, edited("ab"), saved(4));
    expect(state).toMatchObject({ version: 4, dirty: true, values: { narrative: "ab" } });
    expect(saveDecision(state)).toBe("send");
  });

  it("versions only grow: an older page version or answer never lowers it", () => {
    const state = run(start(), { type: "page-version", version: 7 });
    expect(state.version).toBe(7);
    expect(run(state, { type: "page-version", version: 5 }).version).toBe(7);
    expect(run(state, { type: "page-version", version: 7 })).toBe(state);
    expect(run(state, edited("a"), { type: "sending" }, saved(6)).version).toBe(7);
  });

  it.each([
    ["a lost connection", { type: "unreachable" } as AutosaveEvent],
    [
      "a failure on the server's side",
      { type: "answered", answer: { status: "error", retry: true, message: "Busy" }, now } as AutosaveEvent,
    ],
  ])("after %s the values stay to be sent and the failures are counted", (_what, failure) => {
    const once = run(start(), edited("a"), { type: "sending" }, failure);
    expect(once).toMatchObject({ dirty: true, blocked: false, retries: 1, status: { kind: "retry" } });
    expect(saveDecision(once)).toBe("send");
    expect(run(once, { type: "sending" }, failure).retries).toBe(2);
  });

  it("a field over its limit is shown and waits for the next change, without stopping autosave", () => {
    const answer = {
      status: "error" as const,
      message: "Check the fields",
      fieldErrors: { narrative: ["Too long"] },
    };
    const state = run(start(), edited("a"), { type: "sending" }, { type: "answered", answer, now });
    expect(state).toMatchObject({
      dirty: false,
      blocked: false,
      status: { kind: "failed", message: "Check the fields" },
    });
    expect(saveDecision(state)).toBe("up-to-date");
    expect(saveDecision(run(state, edited("b")))).toBe("send");
  });

  it("a refusal that would repeat (someone else's change, the lock) stops autosave for good", () => {
    const answer = { status: "error" as const, message: "Someone else changed this report." };
    const state = run(start(), edited("a"), { type: "sending" }, { type: "answered", answer, now });
    expect(state).toMatchObject({ blocked: true, status: { kind: "failed", message: answer.message } });
    const later = run(state, edited("b"));
    expect(saveDecision(later)).toBe("blocked");
    // Even a later field-level refusal does not lift it.
    const fieldAnswer = { status: "error" as const, fieldErrors: { narrative: ["Too long"] } };
    expect(run(later, { type: "answered", answer: fieldAnswer, now }).blocked).toBe(true);
  });

  it("a refusal without a message asks to try again", () => {
    const state = run(
      start(),
      edited("a"),
      { type: "sending" },
      { type: "answered", answer: { status: "error" }, now },
    );
    expect(state.status).toEqual({ kind: "failed", message: "Please try again." });
  });

  it("offers a copy from the device and forgets the offer when it is declined", () => {
    const offered = run(start(), { type: "restore-offered", writtenAt: now });
    expect(offered.status).toEqual({ kind: "restore", writtenAt: now });
    expect(run(offered, { type: "restore-declined" }).status).toEqual({ kind: "idle" });
  });
});

describe("answerOutcome", () => {
  it.each<[AutosaveAnswer, string]>([
    [{ status: "success", version: 4 }, "saved"],
    [{ status: "success" }, "refused"],
    [{ status: "error", retry: true }, "retry"],
    [{ status: "success", retry: true }, "retry"],
    [{ status: "error", fieldErrors: { a: ["x"] } }, "refused"],
    [{ status: "idle" }, "refused"],
  ])("%j is %s", (answer, outcome) => {
    expect(answerOutcome(answer)).toBe(outcome);
  });
});

describe("retryDelayMs", () => {
  it("backs off 2, 5, 10 then 30 seconds", () => {
    expect([1, 2, 3, 4, 5, 50].map(retryDelayMs)).toEqual([2_000, 5_000, 10_000, 30_000, 30_000, 30_000]);
  });
  it("treats no failure yet as the first", () => {
    expect(retryDelayMs(0)).toBe(2_000);
  });
});

describe("restoreDecision", () => {
  const state = { version: 3, values: { narrative: "saved", title: "" } };
  const copy = (values: Record<string, string>, baseVersion = 3) => ({ values, baseVersion, writtenAt: now });

  it("does nothing without a copy", () => {
    expect(restoreDecision(null, state)).toBe("none");
  });
  it("forgets a copy the server already has (a field missing on the page counts as empty)", () => {
    expect(restoreDecision(copy({ narrative: "saved" }), state)).toBe("forget");
    expect(restoreDecision(copy({ narrative: "saved", other: "" }), state)).toBe("forget");
    expect(restoreDecision(copy({ narrative: "saved" }, 9), state)).toBe("forget");
  });
  it("sends a different copy made on the version the server still has", () => {
    expect(restoreDecision(copy({ narrative: "typed offline" }), state)).toBe("apply");
    expect(restoreDecision(copy({ other: "x" }), state)).toBe("apply");
  });
  it("asks before replacing a server copy that moved on since", () => {
    expect(restoreDecision(copy({ narrative: "typed offline" }, 2), state)).toBe("ask");
    expect(restoreDecision(copy({ narrative: "typed offline" }, 4), state)).toBe("ask");
  });
});

describe("saveStatusText", () => {
  // The catalogue's sentences, as the report page passes them (placeholders left in).
  const words = (messages: typeof en) => ({
    idle: messages.ReportForm.statusIdle,
    saving: messages.ReportForm.statusSaving,
    saved: messages.ReportForm.statusSaved,
    retry: messages.ReportForm.statusRetry,
    failed: messages.ReportForm.statusFailed,
  });

  it("says what happened to the draft", () => {
    const at = new Date(2026, 11, 5, 9, 7);
    const say = (status: Parameters<typeof saveStatusText>[0]) => saveStatusText(status, words(en), "en-GB");
    expect(say({ kind: "idle" })).toBe("Your draft is saved as you type.");
    expect(say({ kind: "saving" })).toBe("Saving…");
    expect(say({ kind: "saved", at })).toBe("Saved at 09:07");
    expect(say({ kind: "retry" })).toBe("Not saved — will retry. What you typed is kept on this device.");
    expect(say({ kind: "failed", message: "Locked." })).toBe("Not saved: Locked.");
    expect(say({ kind: "restore", writtenAt: now })).toBe("");
  });

  it("says it in the page's language", () => {
    const at = new Date(2026, 11, 5, 9, 7);
    expect(saveStatusText({ kind: "saved", at }, words(fr), "fr")).toBe("Enregistré à 09:07");
    expect(saveStatusText({ kind: "failed", message: "Verrouillé." }, words(fr), "fr")).toBe(
      "Non enregistré\u202f: Verrouillé.",
    );
  });
});

describe("fill", () => {
  it("fills placeholders, leaves unknown ones and does not scan values again", () => {
    expect(fill("Saved at {time} ({other})", { time: "10:05" })).toBe("Saved at 10:05 ({other})");
    expect(fill("Activity {number}. {title}", { number: 2, title: "{number}" })).toBe("Activity 2. {number}");
  });
});
