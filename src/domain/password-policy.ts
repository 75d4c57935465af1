import commonPasswords from "./data/common-passwords.json";
import { problem } from "./problem";

// ASVS 5.0 (V6.2): at least 8 characters (15 recommended), at least 64
// allowed, no composition rules, never trimmed or truncated, and refused when
// it is one of the passwords attackers try first. Length counts Unicode code
// points, so "ü" or an emoji is one character as the person sees it.
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_RECOMMENDED_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

const common = new Set<string>(commonPasswords);

export type PasswordProblem = "too-short" | "too-long" | "common" | "contains-email";

export function passwordLength(password: string): number {
  return [...password].length;
}

export function checkPassword(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return "too-short";
  if (length > PASSWORD_MAX_LENGTH) return "too-long";
  if (common.has(password.toLowerCase())) return "common";
  if (context.email && password.toLowerCase() === context.email.toLowerCase()) return "contains-email";
  return null;
}

/** What is wrong with the password, as a problem (src/domain/problem.ts) said in the reader's language. */
export function passwordProblemMessage(found: PasswordProblem): string {
  switch (found) {
    case "too-short":
      return problem("passwordTooShort", {
        min: PASSWORD_MIN_LENGTH,
        recommended: PASSWORD_RECOMMENDED_LENGTH,
      });
    case "too-long":
      return problem("tooLong", { max: PASSWORD_MAX_LENGTH });
    case "common":
      return problem("passwordCommon");
    case "contains-email":
      return problem("passwordIsEmail");
  }
}
