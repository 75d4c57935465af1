import "server-only";

import { z } from "zod";

import { localeField } from "@/i18n/locale-field";
import { isLocale } from "@/i18n/locales";
import { translatorFor } from "@/i18n/catalogues";
import { recordAudit } from "@/server/audit/record-audit";
import { prisma } from "@/server/db/client";

import type { Command } from "./command";

const schema = z.object({ locale: localeField }).strict();

/**
 * A person chooses their language (User.locale, decision 0026): the pages
 * after they sign in, their e-mails and their calendar. From the account's
 * language page and from the language switcher of someone signed in. A
 * preference, not a record others edit: no compare-and-set on the person's
 * version (the last choice wins, as with the cookie), and the version is
 * left alone so an administrator's open page of the person stays valid.
 * Choosing the language one already has changes and records nothing.
 * Setting the cookie and going to the page in the new language is the
 * caller's part (it needs the request; this runs in tests without one).
 */
export const setLanguageCommand: Command<z.infer<typeof schema>> = {
  name: "account.language",
  permission: "account.language",
  schema,
  async handle({ viewer, input, meta, role }) {
    await prisma.$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { locale: true } });
      if (before.locale === input.locale) return;
      await tx.user.update({ where: { id: viewer.id }, data: { locale: input.locale } });
      await recordAudit(tx, {
        actor: { id: viewer.id, role },
        action: "account.language-changed",
        entity: { type: "User", id: viewer.id },
        meta,
        details: { from: isLocale(before.locale) ? before.locale : null, to: input.locale },
      });
    });
    // Said in the language just chosen: the next page is in it too.
    return { message: translatorFor(input.locale, "LanguagePreference")("saved") };
  },
};
