"use client";

import { useErrorTexts } from "@/components/error-texts";
import { fill } from "@/i18n/fill";

// Shown for unexpected errors; never the error's message or stack, which the
// server has logged already (the digest lets support find the log line).
// Its words come from the root layout, in the page's language (ErrorTextsProvider).
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const texts = useErrorTexts();
  return (
    <div className="max-w-2xl space-y-4" role="alert">
      <h1 className="text-2xl font-semibold text-brand-800">{texts.heading}</h1>
      <p className="text-muted">{texts.text}</p>
      {error.digest && (
        <p className="text-sm text-muted">{fill(texts.reference, { digest: error.digest })}</p>
      )}
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
      >
        {texts.retry}
      </button>
    </div>
  );
}
