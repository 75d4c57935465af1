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

// One component for every stage, so that the recovery codes answered by the
// confirmation stay on screen when the page re-renders as "on".
export function TwoFactorForms({ page }: { page: TwoFactorPage }) {
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
            Your recovery codes
          </h2>
          <p>
            Save them now (print them or keep them in a password manager): they are shown only this once. If
            you lose your phone, each one signs you in once instead of a code from the app.
          </p>
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
          <p data-testid="two-factor-status">Two-factor sign-in is off.</p>
          <SubmitButton pendingLabel="Starting…">Set up two-factor sign-in</SubmitButton>
        </form>
      )}

      {page.status === "pending" && (
        <>
          <ol className="list-decimal space-y-4 pl-5">
            <li className="space-y-2">
              <p>Scan this QR code with your authenticator app:</p>
              {/* A data: URL drawn on the server; next/image adds nothing for it. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img
                src={page.qrCode}
                alt="QR code for your authenticator app"
                width={220}
                height={220}
                className="border border-slate-300 bg-white"
              />
            </li>
            <li className="space-y-1">
              <p>Or, if you cannot scan it, type this secret into the app (time-based, 6 digits):</p>
              <p>
                <code data-testid="two-factor-secret" className="font-mono text-lg">
                  {page.secret}
                </code>
              </p>
            </li>
            <li>Type the 6-digit code the app now shows, to check that it works.</li>
          </ol>
          <form action={confirm} className="space-y-4">
            <FormMessage state={confirmed} labels={{ code: "Code from your app" }} />
            <TextField
              name="code"
              label="Code from your app"
              autoComplete="one-time-code"
              errors={confirmed.fieldErrors?.code}
              required
            />
            <SubmitButton pendingLabel="Checking…">Turn on two-factor sign-in</SubmitButton>
          </form>
          <form action={start} className="space-y-2">
            <FormMessage state={started} />
            <SubmitButton pendingLabel="Starting…" variant="secondary">
              Start again with a new secret
            </SubmitButton>
          </form>
        </>
      )}

      {page.status === "on" && (
        <>
          <p data-testid="two-factor-status">
            Two-factor sign-in is on since {page.since}. {page.recoveryCodesLeft} of 10 recovery codes are
            unused.
          </p>
          <form action={disable} className="space-y-4 border-t border-slate-200 pt-6">
            <h2 className="text-xl font-semibold">Turn it off</h2>
            <FormMessage state={disabled} labels={{ code: "Code" }} />
            {page.required && (
              <p className="text-muted">
                Your role requires it: once it is off you will be asked to set it up again.
              </p>
            )}
            <TextField
              name="code"
              label="Code from your app, or a recovery code"
              autoComplete="one-time-code"
              errors={disabled.fieldErrors?.code}
              required
            />
            <SubmitButton pendingLabel="Turning off…" variant="danger">
              Turn off two-factor sign-in
            </SubmitButton>
          </form>
        </>
      )}
    </div>
  );
}
