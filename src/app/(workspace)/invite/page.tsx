import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { can, holdsGrantFor } from "@/domain/permissions";
import { languageNames, locales } from "@/i18n/locales";
import { requirePage } from "@/server/policy/page-guard";
import { inviteOptions } from "@/server/queries/users";

import { InviteForm } from "./invite-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invite someone" };

export default async function InvitePage() {
  const viewer = await requirePage("workspace.my-work", null, "/invite");
  const isAdmin = can(viewer, "user.list");
  if (!holdsGrantFor(viewer, "user.invite")) {
    // The same audited not-found as any page outside the viewer's rights.
    await requirePage("user.invite", null, "/invite");
  }
  const options = await inviteOptions(viewer);
  const tLanguage = await getTranslations("LanguagePreference");
  const language = {
    label: tLanguage("mailLanguage"),
    hint: tLanguage("mailLanguageHint"),
    options: locales.map((code) => ({ value: code, label: languageNames[code] })),
    selected: await getLocale(),
  };
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">
        {isAdmin ? "Invite someone" : "Invite centre staff"}
      </h1>
      <p className="text-muted">
        They receive an e-mail with a link to set their password. The link works once, for 72 hours.
      </p>
      <InviteForm {...options} language={language} />
    </div>
  );
}
