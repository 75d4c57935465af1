import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { getLocaleHref } from "@/i18n/server";
import { getViewer } from "@/server/auth/viewer";
import { safeNext } from "@/server/commands/sign-in";

import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const first = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const next = first("next");
  if (await getViewer()) redirect(safeNext(next));
  const t = await getTranslations("SignIn");
  const tField = await getTranslations("WorkspaceForm");
  const href = await getLocaleHref();
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("title")}</h1>
      {first("password") === "set" && (
        <p role="status" className="rounded-md border-s-4 border-green-700 bg-green-50 p-4 text-green-900">
          {t("passwordSet")}
        </p>
      )}
      <p className="text-muted">{t("intro")}</p>
      <SignInForm
        next={next ? safeNext(next) : undefined}
        email={first("email")?.slice(0, 320)}
        words={{
          email: t("email"),
          password: t("password"),
          code: t("code"),
          codeHint: t("codeHint"),
          submit: t("submit"),
          submitting: t("submitting"),
          forgot: t("forgot"),
          forgotHref: href("/forgot-password"),
          errorLabel: tField("errorLabel"),
        }}
      />
    </div>
  );
}
