// The browser's safety copy of a report draft (localStorage): what was typed
// survives a lost connection or a closed tab, and is sent again when the
// page is back. Only the form's own fields are kept, never anything secret.

export type LocalDraft = {
  /** The form's fields, as posted. */
  values: Record<string, string>;
  /** The report version the edits were made on. */
  baseVersion: number;
  /** When the copy was written (ms since the epoch). */
  writtenAt: number;
};

export function localDraftKey(reportId: number): string {
  return `annual-report-draft:${reportId}`;
}

export function readLocalDraft(reportId: number): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(localDraftKey(reportId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<LocalDraft>;
    if (typeof parsed.baseVersion !== "number" || typeof parsed.values !== "object" || !parsed.values)
      return null;
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(parsed.values))
      if (typeof value === "string") values[key] = value;
    return { values, baseVersion: parsed.baseVersion, writtenAt: Number(parsed.writtenAt) || 0 };
  } catch {
    return null;
  }
}

export function writeLocalDraft(reportId: number, draft: LocalDraft): void {
  try {
    window.localStorage.setItem(localDraftKey(reportId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the server copy still is saved as the person types.
  }
}

export function clearLocalDraft(reportId: number): void {
  try {
    window.localStorage.removeItem(localDraftKey(reportId));
  } catch {
    // Nothing to clear.
  }
}
