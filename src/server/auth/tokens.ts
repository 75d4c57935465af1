import "server-only";

import { createHash, randomBytes } from "node:crypto";

import { tokenTtl, type TokenPurpose } from "@/domain/auth-tokens";
import { configuredAppUrl } from "@/domain/site-address";
import type { Prisma } from "@/generated/prisma/client";
import { defaultLocale, localePath, type Locale } from "@/i18n/locales";

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * A single-use link token: 32 random bytes for the link, only its SHA-256
 * stored, so a copy of the database cannot be used to take over accounts.
 * Earlier unused tokens of the same purpose are retired: only the newest link works.
 */
export async function issueToken(
  tx: Prisma.TransactionClient,
  input: { userId: number; purpose: TokenPurpose; issuedById: number | null; now: Date },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.authToken.updateMany({
    where: { userId: input.userId, purpose: input.purpose, usedAt: null },
    data: { usedAt: input.now },
  });
  await tx.authToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(input.now.getTime() + tokenTtl(input.purpose)),
      issuedById: input.issuedById,
    },
  });
  return token;
}

/** APP_URL, the one address of the registry (src/domain/site-address.ts). */
export function appUrl(): string {
  return configuredAppUrl(process.env);
}

/**
 * An absolute link on APP_URL (never the request's Host) to a page in the
 * reader's language: `/fr/reports/12` for a French reader, unprefixed in
 * English. Every link in a mail, and the first administrator's, is one.
 */
export function appLink(locale: Locale, path: string): string {
  return `${appUrl()}${localePath(locale, path)}`;
}

/** The set-password page of a token, in the language of the person it is for. */
export function setPasswordLink(token: string, locale: Locale = defaultLocale): string {
  return appLink(locale, `/set-password/${token}`);
}
