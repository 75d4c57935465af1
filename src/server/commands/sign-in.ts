import "server-only";

import { CredentialsSignin } from "next-auth";
import { z } from "zod";

import { problem } from "@/domain/problem";
import { throttledMessage } from "@/domain/sign-in-throttle";
import { isLocale, splitLocalePrefix } from "@/i18n/locales";
import { normaliseEmail } from "@/server/auth/credentials";
import { signIn, throttledWait } from "@/server/auth/next-auth";
import { prisma } from "@/server/db/client";
import { redirectInLanguage } from "@/server/http/locale-cookie";

import { CommandError, type PublicCommand } from "./command";
import { secondFactorField, secondFactorSignInError } from "./two-factor/sign-in-errors";

/** Only our own paths: an open redirect would make phishing links look like ours. */
export function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) ? next : "/my-work";
}

const schema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, problem("signInEmailMissing"))
      .max(320, problem("tooLong", { max: 320 })),
    // Never trimmed: spaces are part of a password.
    password: z
      .string()
      .min(1, problem("signInPasswordMissing"))
      .max(1024, problem("tooLong", { max: 1024 })),
    next: z.string().max(500).optional(),
    code: secondFactorField,
  })
  .strict();

export const signInCommand: PublicCommand<z.infer<typeof schema>> = {
  public: true,
  name: "sign-in",
  permission: "account.sign-in",
  schema,
  secretFields: ["password", "code"],
  async handle({ input }) {
    try {
      await signIn("credentials", {
        email: input.email,
        password: input.password,
        code: input.code ?? "",
        redirect: false,
      });
    } catch (error) {
      if (error instanceof CredentialsSignin) {
        const secondFactor = secondFactorSignInError(error.code);
        if (secondFactor) throw secondFactor;
        const throttled = throttledWait(error.code);
        throw throttled
          ? new CommandError(throttledMessage(throttled))
          : new CommandError(problem("signInRefused"), { password: [problem("signInCheck")] });
      }
      throw error;
    }
    // The interface follows the language in the person's profile (decision 0026): the
    // cookie the proxy reads is set to it, and the next page is that language's address.
    const locale = (
      await prisma.user.findUnique({
        where: { email: normaliseEmail(input.email) },
        select: { locale: true },
      })
    )?.locale;
    const next = safeNext(input.next);
    await redirectInLanguage(locale, isLocale(locale) ? splitLocalePrefix(next).rest : next);
  },
};
