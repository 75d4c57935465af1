import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { can, holdsGrantFor } from "@/domain/permissions";
import { languageNames, locales } from "@/i18n/locales";
import { getReferenceLabels } from "@/i18n/server";
import { requirePage } from "@/server/policy/page-guard";
import { inviteOptions } from "@/server/queries/users";

import { roleAndRegionOptions, roleFieldWords } from "../admin/users/role-text";
import { InviteForm } from "./invite-form";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Invite");
  return { title: t("titleAdmin") };
}

export default async function InvitePage() {
  const viewer = await requirePage("workspace.my-work", null, "/invite");
  const isAdmin = can(viewer, "user.list");
  if (!holdsGrantFor(viewer, "user.invite")) {
    // The same audited not-found as any page outside the viewer's rights.
    await requirePage("user.invite", null, "/invite");
  }
  const options = await inviteOptions(viewer);
  const [t, tUsers, tRoleFields, tField, tLanguage, labels] = await Promise.all([
    getTranslations("Invite"),
    getTranslations("AdminUsers"),
    getTranslations("RoleFields"),
    getTranslations("WorkspaceForm"),
    getTranslations("LanguagePreference"),
    getReferenceLabels(),
  ]);
  const language = {
    label: tLanguage("mailLanguage"),
    hint: tLanguage("mailLanguageHint"),
    options: locales.map((code) => ({ value: code, label: languageNames[code] })),
    selected: await getLocale(),
  };
  const { roles, regions } = roleAndRegionOptions(tUsers, labels, options);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight text-brand-800">
        {isAdmin ? t("titleAdmin") : t("titleOfficer")}
      </h1>
      <p className="text-muted">{t("intro")}</p>
      <InviteForm
        {...options}
        roles={roles}
        regions={regions}
        language={language}
        words={{
          ...roleFieldWords(tRoleFields),
          email: t("email"),
          name: t("name"),
          chooseCentre: t("chooseCentre"),
          send: t("send"),
          sending: t("sending"),
          errorLabel: tField("errorLabel"),
        }}
      />
    </div>
  );
}
