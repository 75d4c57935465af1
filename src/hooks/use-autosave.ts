"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import {
  AUTOSAVE_DELAY_MS,
  autosaveReducer,
  initialAutosaveState,
  restoreDecision,
  retryDelayMs,
  saveDecision,
  type AutosaveAnswer,
  type AutosaveEvent,
  type AutosaveState,
  type DeviceCopy,
  type FormValues,
} from "./autosave";

export type AutosaveOptions = {
  /** The record's version as the page last rendered it. */
  version: number;
  /** The form's values as the page rendered them. */
  initialValues: FormValues;
  /** Sends one save; a rejected promise is a lost connection. */
  send: (values: FormValues, version: number) => Promise<AutosaveAnswer>;
  /** The browser's safety copy of the values (what survives a closed tab or a lost connection). */
  deviceCopy: { read(): DeviceCopy | null; write(copy: DeviceCopy): void; clear(): void };
  /** The form takes these values as its own (a copy restored from this device). */
  onRestore: (values: FormValues) => void;
  onSaved?: (answer: AutosaveAnswer) => void;
  onRefused?: (answer: AutosaveAnswer) => void;
};

/**
 * Every change is kept on this device at once and saved to the server
 * shortly after: one save at a time, each carrying the version the previous
 * one returned (the tab never conflicts with itself); a failed save is
 * retried with back-off and sent again when the connection is back or the
 * page reopens. The rules are autosaveReducer's; this hook runs the timers.
 */
export function useAutosave(options: AutosaveOptions) {
  const [state, setState] = useState(() => initialAutosaveState(options.version, options.initialValues));
  // The async save loop reads the state as it is now, not as of its render.
  const current = useRef<AutosaveState>(state);
  const latestOptions = useRef(options);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  // The timers call the save through this, so that a retry can schedule the next one.
  const saveRef = useRef<() => Promise<boolean>>(async () => true);

  const dispatch = useCallback((event: AutosaveEvent) => {
    current.current = autosaveReducer(current.current, event);
    setState(current.current);
    return current.current;
  }, []);

  const keepOnDevice = useCallback(() => {
    const { values, version } = current.current;
    latestOptions.current.deviceCopy.write({ values, baseVersion: version, writtenAt: Date.now() });
  }, []);

  const schedule = useCallback((delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), delay);
  }, []);

  /** Sends the values if they changed; resolves true when the server has everything. */
  const save = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    while (inFlight.current) await inFlight.current;
    const decision = saveDecision(current.current);
    if (decision !== "send") return decision === "up-to-date";
    const { values, version } = dispatch({ type: "sending" });
    const { send, deviceCopy, onSaved, onRefused } = latestOptions.current;
    const attempt = send(values, version).then(
      (answer) => {
        const next = dispatch({ type: "answered", answer, now: Date.now() });
        if (next.status.kind === "saved") {
          onSaved?.(answer);
          if (next.dirty) keepOnDevice();
          else deviceCopy.clear();
          return true;
        }
        if (next.status.kind === "retry") schedule(retryDelayMs(next.retries));
        else onRefused?.(answer);
        return false;
      },
      () => {
        schedule(retryDelayMs(dispatch({ type: "unreachable" }).retries));
        return false;
      },
    );
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
  }, [dispatch, keepOnDevice, schedule]);

  const changed = useCallback(
    (values: FormValues) => {
      dispatch({ type: "edited", values });
      keepOnDevice();
      schedule(AUTOSAVE_DELAY_MS);
    },
    [dispatch, keepOnDevice, schedule],
  );

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  useEffect(() => {
    latestOptions.current = options;
  });

  useEffect(() => {
    dispatch({ type: "page-version", version: options.version });
  }, [dispatch, options.version]);

  // On opening: a copy on this device that never reached the server is restored and sent.
  useEffect(() => {
    const handle = setTimeout(() => {
      const { deviceCopy, onRestore } = latestOptions.current;
      const copy = deviceCopy.read();
      const decision = restoreDecision(copy, current.current);
      if (decision === "forget") deviceCopy.clear();
      else if (decision === "apply" && copy) onRestore(copy.values);
      // The server copy moved on since (another device): ask before replacing it.
      else if (decision === "ask" && copy) dispatch({ type: "restore-offered", writtenAt: copy.writtenAt });
    }, 0);
    return () => clearTimeout(handle);
  }, [dispatch]);

  useEffect(() => {
    const online = () => {
      if (current.current.dirty) void save();
    };
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [save]);

  return {
    status: state.status,
    /** The values changed: keep them on this device now, save them shortly. */
    changed,
    /** Saves now (waiting for a save in flight); true when the server has everything. */
    save,
    /** The values and version to submit with, after `save`. */
    latest: useCallback(() => ({ values: current.current.values, version: current.current.version }), []),
    /** Takes the copy on this device over the server's. */
    restore: useCallback(() => {
      const copy = latestOptions.current.deviceCopy.read();
      if (copy) latestOptions.current.onRestore(copy.values);
    }, []),
    /** Forgets the copy on this device. */
    discard: useCallback(() => {
      latestOptions.current.deviceCopy.clear();
      dispatch({ type: "restore-declined" });
    }, [dispatch]),
  };
}
