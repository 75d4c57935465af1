import { PASSWORD_MIN_LENGTH, PASSWORD_RECOMMENDED_LENGTH } from "@/domain/password-policy";

import { TextField } from "./field";

/** The two fields' labels, for the error summary of a form that has them. */
export const newPasswordLabels = { password: "New password", confirm: "Type it again" } as const;

/** A new password, typed twice, with the password policy as its hint (setting and changing one). */
export function NewPasswordFields({ errors }: { errors: Record<string, string[] | undefined> }) {
  return (
    <>
      <TextField
        name="password"
        label={newPasswordLabels.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters; ${PASSWORD_RECOMMENDED_LENGTH} or more is better. A few unrelated words are easy to remember and hard to guess. Spaces count.`}
        type="password"
        autoComplete="new-password"
        errors={errors.password}
        required
      />
      <TextField
        name="confirm"
        label={newPasswordLabels.confirm}
        type="password"
        autoComplete="new-password"
        errors={errors.confirm}
        required
      />
    </>
  );
}
