import "server-only";

import { z } from "zod";

import { problem } from "@/domain/problem";
import { parseSecondFactor, SECOND_FACTOR_FORMAT_MESSAGE } from "@/domain/two-factor";

import { CommandError } from "../command";

// What the sign-in form says for each two-factor outcome (the codes set by
// TwoFactorSignIn in src/server/auth/two-factor/sign-in.ts). Passwords are
// never echoed back, so each message asks for it again. Problems
// (src/domain/problem.ts): said in the reader's language.
const messages: Record<string, [string, string]> = {
  "two-factor-required": [problem("twoFactorAccount"), problem("twoFactorAccountHint")],
  "two-factor-malformed": [problem("codeCheck"), SECOND_FACTOR_FORMAT_MESSAGE],
  "two-factor-invalid": [problem("codeWrong"), problem("signInCodeWrongHint")],
  "two-factor-reused": [problem("codeReused"), problem("signInCodeReusedHint")],
  "two-factor-recovery-used": [problem("recoveryCodeUsed"), problem("signInRecoveryUsedHint")],
  "two-factor-throttled": [problem("signInCodeThrottled"), problem("waitFifteenMinutes")],
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
