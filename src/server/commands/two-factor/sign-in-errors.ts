import "server-only";

import { z } from "zod";

import { parseSecondFactor, SECOND_FACTOR_FORMAT_MESSAGE } from "@/domain/two-factor";

import { CommandError } from "../command";

// What the sign-in form says for each two-factor outcome (the codes set by
// TwoFactorSignIn in src/server/auth/two-factor/sign-in.ts). Passwords are
// never echoed back, so each message asks for it again.
const again = "Type your password again with";
const messages: Record<string, [string, string]> = {
  "two-factor-required": [
    "This account uses two-factor sign-in.",
    `${again} the 6-digit code from your authenticator app, or a recovery code.`,
  ],
  "two-factor-malformed": ["Check the code.", SECOND_FACTOR_FORMAT_MESSAGE],
  "two-factor-invalid": [
    "That code is not right.",
    `${again} the code your app shows now (check the phone's clock), or a recovery code.`,
  ],
  "two-factor-reused": [
    "That code has already been used.",
    `Wait for your app to show the next code, then ${again.toLowerCase()} it.`,
  ],
  "two-factor-recovery-used": [
    "That recovery code has already been used.",
    `Each recovery code works once. ${again} the code from your app or another recovery code.`,
  ],
  "two-factor-throttled": [
    "Too many wrong codes for this account from your network.",
    "Wait 15 minutes, then try again.",
  ],
};

/** The form's answer for a two-factor failure code, or null for any other sign-in failure. */
export function secondFactorSignInError(code: string | undefined): CommandError | null {
  const message = code ? messages[code] : undefined;
  return message ? new CommandError(message[0], { code: [message[1]] }) : null;
}

/** The code field of a form: empty, an app code or a recovery code; anything else never reaches the database. */
export const secondFactorField = z
  .string()
  .max(64, SECOND_FACTOR_FORMAT_MESSAGE)
  .refine((value) => parseSecondFactor(value).kind !== "malformed", SECOND_FACTOR_FORMAT_MESSAGE)
  .optional();
