"use client";

import { createContext, useContext } from "react";

/** The error page's words in the page's language, with `{digest}` where the error's reference goes. */
export type ErrorTexts = { heading: string; text: string; reference: string; retry: string };

const ErrorTextsContext = createContext<ErrorTexts | null>(null);

/**
 * The error page (app/error.tsx) is a client component that Next renders
 * with only the error: it gets its words from the root layout through this
 * context, as plain strings (no catalogue, no ICU runtime in the browser;
 * decision 0026). The layout puts it around the page, inside which Next
 * places the error boundary.
 */
export function ErrorTextsProvider({ texts, children }: { texts: ErrorTexts; children: React.ReactNode }) {
  return <ErrorTextsContext value={texts}>{children}</ErrorTextsContext>;
}

export function useErrorTexts(): ErrorTexts {
  const texts = useContext(ErrorTextsContext);
  // The root layout always provides them; an error in the layout itself is Next's global error page's.
  if (!texts) throw new Error("The error page's words are missing: ErrorTextsProvider must wrap the page.");
  return texts;
}
