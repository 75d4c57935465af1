import type { Metadata } from "next";

import { ForgotPasswordForm } from "./forgot-password-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">Set a new password</h1>
      <p className="text-muted">
        We will send a link to set a new password. It works once, for 60 minutes. This also gives you a new
        link when an invitation has expired.
      </p>
      <ForgotPasswordForm />
    </div>
  );
}
