import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { languageNames, locales } from "@/i18n/locales";
import { requirePage } from "@/server/policy/page-guard";
import { languagePreference } from "@/server/queries/language-preference";

import { LanguageForm } from "./language-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("LanguagePreference");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The person's language (decision 0026): the pages after they sign in, their e-mails and calendar. */
export default async function LanguagePage({ searchParams }: Props) {
  const viewer = await requirePage("account.language", null, "/account/language");
  const t = await getTranslations("LanguagePreference");
  const tField = await getTranslations("WorkspaceForm");
  const chosen = await languagePreference(viewer);
  const saved = (await searchParams).saved === "1";
  return (
    <div className="max-w-xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">{t("title")}</h1>
      <p className="text-muted">{t("intro")}</p>
      {saved && (
        <div role="status" className="rounded-md border-s-4 border-green-700 bg-green-50 p-4 text-green-900">
          {t("saved")}
        </div>
      )}
      <p data-testid="language-chosen">
        {chosen ? t("current", { language: languageNames[chosen] }) : t("notChosen")}
      </p>
      <LanguageForm
        options={locales.map((code) => ({ value: code, label: languageNames[code] }))}
        selected={chosen ?? (await getLocale())}
        labels={{
          language: t("label"),
          save: t("save"),
          saving: t("saving"),
          errorLabel: tField("errorLabel"),
        }}
      />
    </div>
  );
}
