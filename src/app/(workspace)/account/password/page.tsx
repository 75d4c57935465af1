import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { PASSWORD_MIN_LENGTH, PASSWORD_RECOMMENDED_LENGTH } from "@/domain/password-policy";
import { requirePage } from "@/server/policy/page-guard";

import { ChangePasswordForm } from "./change-password-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PasswordPages");
  return { title: t("changeTitle") };
}

export default async function ChangePasswordPage() {
  await requirePage("workspace.my-work", null, "/account/password");
  const t = await getTranslations("PasswordPages");
  const tField = await getTranslations("WorkspaceForm");
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("changeTitle")}</h1>
      <p className="text-muted">{t("changeIntro")}</p>
      <ChangePasswordForm
        words={{
          current: t("current"),
          password: t("newPassword"),
          confirm: t("confirm"),
          policy: t("policy", { min: PASSWORD_MIN_LENGTH, recommended: PASSWORD_RECOMMENDED_LENGTH }),
          errorLabel: tField("errorLabel"),
          submit: t("changeSubmit"),
          saving: t("saving"),
        }}
      />
    </div>
  );
}
