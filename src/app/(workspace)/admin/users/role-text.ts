import type { getTranslations } from "next-intl/server";

import type { RoleAssignment } from "@/server/queries/users";

type UsersTranslator = Awaited<ReturnType<typeof getTranslations<"AdminUsers">>>;

/** A role in the page's language, with the region, unit or centre it covers. */
export function roleText(t: UsersTranslator, assignment: RoleAssignment): string {
  const key = `role.${assignment.role}` as "role.ADMIN";
  const role = t.has(key) ? t(key) : assignment.role;
  return assignment.scope ? t("roleWithScope", { role, scope: assignment.scope }) : role;
}
