// Two-factor sign-in rules (decision 0014): who must use it, what a typed
// code may look like, and the shape of recovery codes. The TOTP arithmetic
// itself is the otpauth library's (src/server/auth/two-factor/totp.ts).
import { permissions, type Action, type Role, type RoleGrant } from "./permissions";
import { problem } from "./problem";

/** The roles that must use two-factor sign-in when REQUIRE_TWO_FACTOR=true. */
export const TWO_FACTOR_ROLES: readonly Role[] = ["ADMIN", "OFFICER"];

/** RFC 6238 parameters every authenticator app understands. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** One step either side: a phone clock a little off still works. */
export const TOTP_WINDOW = 1;

export const RECOVERY_CODE_COUNT = 10;
/** No 0/o, 1/l/i: recovery codes are copied from paper by hand. */
export const RECOVERY_CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const RECOVERY_HALF = 5;

export function mustUseTwoFactor(roles: readonly Pick<RoleGrant, "role">[], required: boolean): boolean {
  return required && roles.some((grant) => TWO_FACTOR_ROLES.includes(grant.role));
}

/** A signed-in person who must enrol before anything else. */
export function mustEnrolNow(
  subject: { roles: readonly Pick<RoleGrant, "role">[]; twoFactorEnrolled?: boolean },
  required: boolean,
): boolean {
  return mustUseTwoFactor(subject.roles, required) && subject.twoFactorEnrolled !== true;
}

/**
 * What someone who must enrol may still do: set it up, and the actions of
 * being signed in at all (signing out, changing their password). Public
 * actions stay public.
 */
const ALLOWED_BEFORE_ENROLMENT: readonly Action[] = ["account.two-factor", "workspace.my-work"];

export function blockedUntilEnrolled(
  subject: Parameters<typeof mustEnrolNow>[0],
  action: Action,
  required: boolean,
): boolean {
  if ("public" in permissions[action] || ALLOWED_BEFORE_ENROLMENT.includes(action)) return false;
  return mustEnrolNow(subject, required);
}

/** "abcde-fghjk" from ten alphabet characters (drawn by the server's random source). */
export function formatRecoveryCode(characters: string): string {
  if (characters.length !== RECOVERY_HALF * 2 || !isRecoveryAlphabet(characters)) {
    throw new Error("a recovery code is ten characters of the recovery alphabet");
  }
  return `${characters.slice(0, RECOVERY_HALF)}-${characters.slice(RECOVERY_HALF)}`;
}

function isRecoveryAlphabet(text: string): boolean {
  return [...text].every((character) => RECOVERY_CODE_ALPHABET.includes(character));
}

export type SecondFactorInput =
  | { kind: "none" }
  | { kind: "totp"; code: string }
  | { kind: "recovery"; code: string }
  | { kind: "malformed" };

/**
 * What the person typed in the code field: nothing, six digits from their
 * app (spaces allowed, as apps show "123 456"), or a recovery code in any
 * letter case with or without its hyphen. Anything else is malformed and
 * never reaches the database.
 */
export function parseSecondFactor(raw: string | undefined): SecondFactorInput {
  const compact = (raw ?? "").replace(/\s+/g, "");
  if (compact === "") return { kind: "none" };
  if (new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(compact)) return { kind: "totp", code: compact };
  const letters = compact.toLowerCase().replace(/-/g, "");
  if (compact.replace(/[^-]/g, "").length <= 1 && letters.length === RECOVERY_HALF * 2) {
    if (isRecoveryAlphabet(letters)) return { kind: "recovery", code: formatRecoveryCode(letters) };
  }
  return { kind: "malformed" };
}

export const SECOND_FACTOR_FORMAT_MESSAGE = problem("codeFormat");

/** A TOTP step may be used once: only a step after the last accepted one counts. */
export function stepIsFresh(lastStep: number | null, step: number): boolean {
  return lastStep === null || step > lastStep;
}
