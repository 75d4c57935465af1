import "server-only";

import { recipientLocale, type Locale } from "@/i18n/locales";

// A person who gets mail, with the language it is written in: their profile's
// choice (User.locale), else English. Every query for recipients selects
// these columns, so no mail can be written without knowing its language.

export type Recipient = { id: number; email: string; locale: Locale };

/** The columns a recipient is read with. */
export const recipientSelect = { id: true, email: true, locale: true } as const;

/** A user row as a recipient: the stored language checked and resolved. */
export function toRecipient(user: { id: number; email: string; locale: string | null }): Recipient {
  return { id: user.id, email: user.email, locale: recipientLocale(user.locale) };
}

/** One recipient per address, the first one kept (a person reached through two roles gets one mail). */
export function uniqueRecipients(
  users: readonly { id: number; email: string; locale: string | null }[],
): Recipient[] {
  const byEmail = new Map<string, Recipient>();
  for (const user of users) if (!byEmail.has(user.email)) byEmail.set(user.email, toRecipient(user));
  return [...byEmail.values()];
}
