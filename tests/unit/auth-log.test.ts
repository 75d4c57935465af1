// next-auth re-exports it; its own entry needs a bundler to resolve "next/server".
import { CredentialsSignin } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";

import { baseAuthConfig } from "@/server/auth/config";
import { logger } from "@/server/log/logger";

// A wrong password or a throttled sign-in is an audit event, not an error in
// the log; the production build minifies class names, so the check must not
// rest on them.

afterEach(() => vi.restoreAllMocks());

const authLoggerError = (error: Error) => baseAuthConfig().logger!.error!(error);

describe("Auth.js errors in the log", () => {
  it("leaves out refused sign-ins, whatever the error's class is called after minification", () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    class j extends CredentialsSignin {
      override code = "throttled:address:60";
    }
    authLoggerError(new CredentialsSignin());
    authLoggerError(new j());
    expect(logged).not.toHaveBeenCalled();
  });

  it("logs every other error", () => {
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    authLoggerError(new Error("the session secret is missing"));
    expect(logged).toHaveBeenCalledTimes(1);
  });
});
