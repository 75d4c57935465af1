import commonPasswords from "./data/common-passwords.json";

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

export function passwordProblemMessage(problem: PasswordProblem): string {
  switch (problem) {
    case "too-short":
      return `Use at least ${PASSWORD_MIN_LENGTH} characters (${PASSWORD_RECOMMENDED_LENGTH} or more is better).`;
    case "too-long":
      return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
    case "common":
      return "This password is too common and easy to guess. Choose another one, for example a few unrelated words.";
    case "contains-email":
      return "Do not use your e-mail address as your password.";
  }
}
