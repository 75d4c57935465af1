"use client";

import { useActionState } from "react";

import { FormMessage } from "@/components/forms/error-summary";
import { TextField } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { initialFormState } from "@/domain/form-state";
import {
  confirmTwoFactorAction,
  disableTwoFactorAction,
  startTwoFactorAction,
} from "@/server/commands/two-factor/actions";
import type { TwoFactorPage } from "@/server/queries/two-factor";

/** The forms' words in the page's language, from the server page (`statusOn` already filled in). */
export type TwoFactorWords = {
  recoveryTitle: string;
  recoveryText: string;
  statusOff: string;
  statusOn: string;
  start: string;
  starting: string;
  scan: string;
  qrAlt: string;
  typeSecret: string;
  typeCode: string;
  appCode: string;
  turnOn: string;
  checking: string;
  restart: string;
  turnOffHeading: string;
  requiredOff: string;
  codeShort: string;
  disableCode: string;
  turnOff: string;
  turningOff: string;
  errorLabel: string;
};

// One component for every stage, so that the recovery codes answered by the
// confirmation stay on screen when the page re-renders as "on".
export function TwoFactorForms({ page, words }: { page: TwoFactorPage; words: TwoFactorWords }) {
  const [started, start] = useActionState(startTwoFactorAction, initialFormState);
  const [confirmed, confirm] = useActionState(confirmTwoFactorAction, initialFormState);
  const [disabled, disable] = useActionState(disableTwoFactorAction, initialFormState);
  const recoveryCodes = confirmed.data?.recoveryCodes?.split("\n");
  return (
    <div className="space-y-8">
      {page.status === "on" && recoveryCodes && (
        <section className="space-y-3" aria-labelledby="recovery-codes-title">
          <FormMessage state={confirmed} />
          <h2 id="recovery-codes-title" className="text-xl font-semibold">
            {words.recoveryTitle}
          </h2>
          <p>{words.recoveryText}</p>
          <ul data-testid="recovery-codes" className="grid max-w-sm grid-cols-2 gap-2 font-mono text-lg">
            {recoveryCodes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ul>
        </section>
      )}

      {page.status === "off" && (
        <form action={start} className="space-y-4">
          <FormMessage state={started} />
          {disabled.status === "success" && <FormMessage state={disabled} />}
          <p data-testid="two-factor-status">{words.statusOff}</p>
          <SubmitButton pendingLabel={words.starting}>{words.start}</SubmitButton>
        </form>
      )}

      {page.status === "pending" && (
        <>
          <ol className="list-decimal space-y-4 ps-5">
            <li className="space-y-2">
              <p>{words.scan}</p>
              {/* A data: URL drawn on the server; next/image adds nothing for it. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={page.qrCode}
                alt={words.qrAlt}
                width={220}
                height={220}
                className="border border-slate-300 bg-white"
              />
            </li>
            <li className="space-y-1">
              <p>{words.typeSecret}</p>
              <p>
                <code data-testid="two-factor-secret" dir="ltr" className="font-mono text-lg">
                  {page.secret}
                </code>
              </p>
            </li>
            <li>{words.typeCode}</li>
          </ol>
          <form action={confirm} className="space-y-4">
            <FormMessage state={confirmed} labels={{ code: words.appCode }} />
            <TextField
              name="code"
              label={words.appCode}
              autoComplete="one-time-code"
              errors={confirmed.fieldErrors?.code}
              errorLabel={words.errorLabel}
              required
            />
            <SubmitButton pendingLabel={words.checking}>{words.turnOn}</SubmitButton>
          </form>
          <form action={start} className="space-y-2">
            <FormMessage state={started} />
            <SubmitButton pendingLabel={words.starting} variant="secondary">
              {words.restart}
            </SubmitButton>
          </form>
        </>
      )}

      {page.status === "on" && (
        <>
          <p data-testid="two-factor-status">{words.statusOn}</p>
          <form action={disable} className="space-y-4 border-t border-slate-200 pt-6">
            <h2 className="text-xl font-semibold">{words.turnOffHeading}</h2>
            <FormMessage state={disabled} labels={{ code: words.codeShort }} />
            {page.required && <p className="text-muted">{words.requiredOff}</p>}
            <TextField
              name="code"
              label={words.disableCode}
              autoComplete="one-time-code"
              errors={disabled.fieldErrors?.code}
              errorLabel={words.errorLabel}
              required
            />
            <SubmitButton pendingLabel={words.turningOff} variant="danger">
              {words.turnOff}
            </SubmitButton>
          </form>
        </>
      )}
    </div>
  );
}
