import type { Metadata } from "next";

import { requirePage } from "@/server/policy/page-guard";

import { ChangePasswordForm } from "./change-password-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Change your password" };

export default async function ChangePasswordPage() {
  await requirePage("workspace.my-work", null, "/account/password");
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">Change your password</h1>
      <p className="text-muted">
        Changing it signs you out everywhere, here too: sign in again with the new one.
      </p>
      <ChangePasswordForm />
    </div>
  );
}
