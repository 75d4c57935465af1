import "server-only";

import { CredentialsSignin } from "next-auth";

import type { SecondFactorFailure } from "./sign-in";

/**
 * Carries the reason out of Auth.js's authorize() to the sign-in command (as
 * the error's code). Named like Auth.js's own error so that the logger in
 * src/server/auth/config.ts treats it as the expected outcome it is.
 */
export class TwoFactorSignIn extends CredentialsSignin {
  constructor(reason: SecondFactorFailure["reason"]) {
    super();
    this.code = reason;
    this.name = "CredentialsSignin";
  }
}
