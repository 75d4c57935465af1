"use client";

// Shown for unexpected errors; never the error's message or stack, which the
// server has logged already (the digest lets support find the log line).
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="max-w-2xl space-y-4" role="alert">
      <h1 className="text-2xl font-semibold text-brand-800">Something went wrong</h1>
      <p className="text-muted">The page could not be shown. Please try again in a moment.</p>
      {error.digest && <p className="text-sm text-muted">Reference: {error.digest}</p>}
      <button
        type="button"
        onClick={reset}
        className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
      >
        Try again
      </button>
    </div>
  );
}
