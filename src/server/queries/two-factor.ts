import "server-only";

import { toIsoDate } from "@/domain/dates";
import { mustUseTwoFactor } from "@/domain/two-factor";
import { twoFactorRequired } from "@/server/auth/two-factor/settings";
import { otpauthUri, qrCodeSvg } from "@/server/auth/two-factor/totp";
import { twoFactorState } from "@/server/auth/two-factor/two-factor";
import type { Viewer } from "@/server/auth/viewer";
import { prisma } from "@/server/db/client";
import { authorize } from "@/server/policy/authorize";

export type TwoFactorPage =
  | { status: "off"; required: boolean }
  | { status: "pending"; required: boolean; secret: string; qrCode: string }
  /** `since`: the calendar day it was turned on, "YYYY-MM-DD" (the page shows it in its language). */
  | { status: "on"; required: boolean; since: string; recoveryCodesLeft: number };

/**
 * The viewer's two-factor set-up for their account page. While setting up,
 * the secret (in groups of four, to type) and its QR code as an SVG data URL
 * (drawn here: the CSP allows data: images, and no outside service sees it).
 */
export async function twoFactorPage(viewer: Viewer): Promise<TwoFactorPage> {
  await authorize(viewer, "account.two-factor");
  const required = mustUseTwoFactor(viewer.roles, twoFactorRequired());
  const state = await twoFactorState(prisma, viewer.id);
  if (state.status === "off") return { status: "off", required };
  if (state.status === "on") {
    return {
      status: "on",
      required,
      since: toIsoDate(state.confirmedAt),
      recoveryCodesLeft: state.recoveryCodesLeft,
    };
  }
  const svg = await qrCodeSvg(otpauthUri(state.secret, viewer.email));
  return {
    status: "pending",
    required,
    secret: state.secret.replace(/(.{4})(?=.)/g, "$1 "),
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

/** Whether a person (on the administrator's user page) has two-factor sign-in on. */
export async function hasTwoFactor(viewer: Viewer, userId: number): Promise<boolean> {
  await authorize(viewer, "user.read");
  const record = await prisma.twoFactor.findUnique({ where: { userId }, select: { confirmedAt: true } });
  return record?.confirmedAt != null;
}
