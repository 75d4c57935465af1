"use client";

import { useEffect } from "react";

import { clearLocalDraft } from "./local-draft";

/** Once a report is locked, the browser's safety copy of its draft has served its purpose. */
export function ClearLocalDraft({ reportId }: { reportId: number }) {
  useEffect(() => clearLocalDraft(reportId), [reportId]);
  return null;
}
