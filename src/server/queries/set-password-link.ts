import "server-only";

import { tokenStatus, type TokenPurpose, type TokenStatus } from "@/domain/auth-tokens";
import { hashToken } from "@/server/auth/tokens";
import { prisma } from "@/server/db/client";

export type SetPasswordLink =
  | { status: Exclude<TokenStatus, "valid"> }
  | { status: "valid"; purpose: TokenPurpose; email: string; name: string };

/** What a set-password link leads to; public (the token is the credential), so it returns only the invitee's own name and address. */
export async function setPasswordLinkStatus(token: string): Promise<SetPasswordLink> {
  if (token.length < 20 || token.length > 200) return { status: "unknown" };
  const row = await prisma.authToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      purpose: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { email: true, name: true, disabledAt: true } },
    },
  });
  const status = row?.user.disabledAt ? "unknown" : tokenStatus(row, new Date());
  if (status !== "valid" || !row) return { status: status === "valid" ? "unknown" : status };
  return { status: "valid", purpose: row.purpose, email: row.user.email, name: row.user.name };
}
