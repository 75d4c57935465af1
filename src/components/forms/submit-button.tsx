"use client";

import { useFormStatus } from "react-dom";

const styles = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-400 bg-white text-ink hover:bg-slate-50",
  danger: "bg-red-700 text-white hover:bg-red-800",
} as const;

/** Disabled while its form is being sent, so a double click sends once; says `pendingLabel` (the page's language) meanwhile. */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  name,
  value,
}: {
  children: React.ReactNode;
  pendingLabel: string;
  variant?: keyof typeof styles;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-md px-4 py-2 font-medium disabled:opacity-70 ${styles[variant]}`}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
