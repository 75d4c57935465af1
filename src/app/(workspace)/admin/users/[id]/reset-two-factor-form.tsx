"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import { resetTwoFactorAction } from "@/server/commands/two-factor/actions";

import type { UserAdminWords } from "./user-admin-forms";

/** For a person who lost both their phone and their recovery codes. */
// Rendered whether or not the person is enrolled, so that the success message
// survives the page's refresh, which shows them as off.
export function ResetTwoFactorForm({
  userId,
  version,
  enrolled,
  words,
}: {
  userId: number;
  version: number;
  enrolled: boolean;
  words: Pick<UserAdminWords, "resetIntro" | "resetting" | "reset">;
}) {
  const [state, action] = useActionState(resetTwoFactorAction, initialFormState);
  if (!enrolled) return <FormMessage state={state} />;
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <p className="text-muted">{words.resetIntro}</p>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pendingLabel={words.resetting} variant="danger">
        {words.reset}
      </SubmitButton>
    </form>
  );
}
