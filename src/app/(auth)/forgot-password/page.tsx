import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ForgotPasswordForm } from "./forgot-password-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PasswordPages");
  return { title: t("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("PasswordPages");
  const tField = await getTranslations("WorkspaceForm");
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("forgotHeading")}</h1>
      <p className="text-muted">{t("forgotIntro")}</p>
      <ForgotPasswordForm
        words={{
          email: t("email"),
          emailHint: t("emailHint"),
          send: t("send"),
          sending: t("sending"),
          errorLabel: tField("errorLabel"),
        }}
      />
    </div>
  );
}
