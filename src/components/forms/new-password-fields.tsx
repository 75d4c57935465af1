import { TextField } from "./field";

/**
 * The two fields' words in the page's language (PasswordPages: newPassword,
 * confirm, policy with the password policy's lengths), from the server page.
 */
export type NewPasswordWords = { password: string; confirm: string; policy: string; errorLabel: string };

/** The two fields' labels, for the error summary of a form that has them. */
export function newPasswordLabels(words: NewPasswordWords): { password: string; confirm: string } {
  return { password: words.password, confirm: words.confirm };
}

/** A new password, typed twice, with the password policy as its hint (setting and changing one). */
export function NewPasswordFields({
  errors,
  words,
}: {
  errors: Record<string, string[] | undefined>;
  words: NewPasswordWords;
}) {
  return (
    <>
      <TextField
        name="password"
        label={words.password}
        hint={words.policy}
        type="password"
        autoComplete="new-password"
        errors={errors.password}
        errorLabel={words.errorLabel}
        required
      />
      <TextField
        name="confirm"
        label={words.confirm}
        type="password"
        autoComplete="new-password"
        errors={errors.confirm}
        errorLabel={words.errorLabel}
        required
      />
    </>
  );
}
