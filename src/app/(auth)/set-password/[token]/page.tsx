import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { PASSWORD_MIN_LENGTH, PASSWORD_RECOMMENDED_LENGTH } from "@/domain/password-policy";
import { getLocaleHref } from "@/i18n/server";
import { setPasswordLinkStatus } from "@/server/queries/set-password-link";

import { SetPasswordForm } from "./set-password-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PasswordPages");
  return { title: t("setTitle"), referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }> };

export default async function SetPasswordPage({ params }: Props) {
  const { token } = await params;
  const link = await setPasswordLinkStatus(token);
  const t = await getTranslations("PasswordPages");
  const href = await getLocaleHref();
  if (link.status !== "valid") {
    return (
      <div className="max-w-xl space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight text-brand-800">
          {link.status === "expired"
            ? t("linkExpired")
            : link.status === "used"
              ? t("linkUsed")
              : t("linkInvalid")}
        </h1>
        <p className="text-muted">{link.status === "used" ? t("linkUsedText") : t("linkInvalidText")}</p>
        <p className="flex flex-wrap gap-6">
          <Link href={href("/forgot-password")} className="font-medium">
            {t("newLink")}
          </Link>
          <Link href={href("/sign-in")}>{t("signIn")}</Link>
        </p>
      </div>
    );
  }
  const tField = await getTranslations("WorkspaceForm");
  const account = (chunks: React.ReactNode) => (
    <strong className="text-ink">
      <bdi>{chunks}</bdi>
    </strong>
  );
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">
        {link.purpose === "INVITATION" ? t("welcome", { name: link.name }) : t("resetHeading")}
      </h1>
      <p className="text-muted">
        {t.rich(link.purpose === "INVITATION" ? "chooseInvitation" : "chooseReset", {
          email: link.email,
          account,
        })}
      </p>
      <SetPasswordForm
        token={token}
        email={link.email}
        words={{
          password: t("newPassword"),
          confirm: t("confirm"),
          policy: t("policy", { min: PASSWORD_MIN_LENGTH, recommended: PASSWORD_RECOMMENDED_LENGTH }),
          errorLabel: tField("errorLabel"),
          submit: t("setSubmit"),
          saving: t("saving"),
        }}
      />
    </div>
  );
}
