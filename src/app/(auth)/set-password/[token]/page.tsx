import type { Metadata } from "next";
import Link from "next/link";

import { setPasswordLinkStatus } from "@/server/queries/set-password-link";

import { SetPasswordForm } from "./set-password-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

export default async function SetPasswordPage({ params }: Props) {
  const { token } = await params;
  const link = await setPasswordLinkStatus(token);
  if (link.status !== "valid") {
    return (
      <div className="max-w-xl space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">
          {link.status === "expired"
            ? "This link has expired"
            : link.status === "used"
              ? "This link has been used"
              : "This link does not work"}
        </h1>
        <p className="text-muted">
          {link.status === "used"
            ? "Each link works only once. If you set your password already, sign in with it."
            : "Links to set a password work once and for a limited time (invitations 72 hours, resets 60 minutes)."}
        </p>
        <p className="flex flex-wrap gap-6">
          <Link href="/forgot-password" className="font-medium">
            Get a new link
          </Link>
          <Link href="/sign-in">Sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">
        {link.purpose === "INVITATION" ? `Welcome, ${link.name}` : "Set a new password"}
      </h1>
      <p className="text-muted">
        {link.purpose === "INVITATION" ? "Choose a password for your account " : "Choose a new password for "}
        <strong className="text-ink">{link.email}</strong>.
      </p>
      <SetPasswordForm token={token} email={link.email} />
    </div>
  );
}
