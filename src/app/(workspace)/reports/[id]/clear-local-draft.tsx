"use client";

import { useEffect } from "react";

import { localDraftKey } from "./local-draft";

/** Once a report is locked, the browser's safety copy of its draft has served its purpose. */
export function ClearLocalDraft({ reportId }: { reportId: number }) {
  useEffect(() => {
    try {
      window.localStorage.removeItem(localDraftKey(reportId));
    } catch {
      // Storage may be disabled; there is then nothing to clear.
    }
  }, [reportId]);
  return null;
}
