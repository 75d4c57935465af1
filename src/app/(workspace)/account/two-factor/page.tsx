import type { Metadata } from "next";

import { requirePage } from "@/server/policy/page-guard";
import { twoFactorPage } from "@/server/queries/two-factor";

import { TwoFactorForms } from "./two-factor-forms";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Two-factor sign-in" };

export default async function TwoFactorPage() {
  const viewer = await requirePage("account.two-factor", null, "/account/two-factor");
  const page = await twoFactorPage(viewer);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">Two-factor sign-in</h1>
      {page.required && page.status !== "on" && (
        <p role="alert" className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-4 text-amber-900">
          Your role requires two-factor sign-in. Set it up to continue using the registry.
        </p>
      )}
      <p className="text-muted">
        With two-factor sign-in, signing in needs your password and a 6-digit code from an authenticator app
        on your phone (for example Microsoft Authenticator, Google Authenticator or FreeOTP).
      </p>
      <TwoFactorForms page={page} />
    </div>
  );
}
