import type { getTranslations } from "next-intl/server";

import type { ReferenceLabels } from "@/i18n/reference-labels";
import type { InviteOptions, RoleAssignment } from "@/server/queries/users";

type UsersTranslator = Awaited<ReturnType<typeof getTranslations<"AdminUsers">>>;

/** A role in the page's language, with the region, unit or centre it covers. */
export function roleText(t: UsersTranslator, assignment: RoleAssignment): string {
  const key = `role.${assignment.role}` as "role.ADMIN";
  const role = t.has(key) ? t(key) : assignment.role;
  return assignment.scope ? t("roleWithScope", { role, scope: assignment.scope }) : role;
}

/**
 * The roles and regions one may grant, in the page's language, by code (the
 * invitation form and a person's page): a region the catalogue does not
 * know keeps its name from the database.
 */
export function roleAndRegionOptions(
  t: UsersTranslator,
  labels: ReferenceLabels,
  options: Pick<InviteOptions, "roles" | "regions">,
): Pick<InviteOptions, "roles" | "regions"> {
  return {
    roles: options.roles.map((option) => ({
      value: option.value,
      label: roleText(t, { role: option.value, scope: null }),
    })),
    regions: options.regions.map((option) => {
      const name = labels.region(option.value, "");
      return name ? { value: option.value, label: `${option.value} · ${name}` } : option;
    }),
  };
}

/** The words of the fields that grant a role and its scope (the invitation form and a person's page). */
export type RoleFieldWords = {
  role: string;
  region: string;
  unit: string;
  centre: string;
  chooseRole: string;
  regionHint: string;
  unitHint: string;
  centreHint: string;
};

type RoleFieldsTranslator = Awaited<ReturnType<typeof getTranslations<"RoleFields">>>;

export function roleFieldWords(t: RoleFieldsTranslator): RoleFieldWords {
  return {
    role: t("role"),
    region: t("region"),
    unit: t("unit"),
    centre: t("centre"),
    chooseRole: t("chooseRole"),
    regionHint: t("regionHint"),
    unitHint: t("unitHint"),
    centreHint: t("centreHint"),
  };
}
