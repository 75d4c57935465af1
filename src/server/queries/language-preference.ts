import "server-only";

import { isLocale, type Locale } from "@/i18n/locales";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { authorize } from "@/server/policy/authorize";

/** The language the person chose (null: not yet), for their account's language page. */
export async function languagePreference(viewer: Viewer): Promise<Locale | null> {
  await authorize(viewer, "account.language");
  const user = await prisma.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { locale: true } });
  return isLocale(user.locale) ? user.locale : null;
}
