import { Writable } from "node:stream";

import { describe, expect, it } from "vitest";

import { createLogger } from "@/server/log/logger";
import { isRedactedKey, redactText, redactValue } from "@/server/log/redact";
import { withRequestContext } from "@/server/log/request-context";

// What the logs may not hold (decision 0027), and the shape of a log line.

function memoryLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level: "debug", destination });
  return { logger, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("redaction by key", () => {
  it("hides secrets, e-mail addresses and client addresses, whatever the spelling of the key", () => {
    for (const key of [
      "password",
      "newPassword",
      "current_password",
      "token",
      "resetToken",
      "AUTH_SECRET",
      "authorization",
      "Cookie",
      "set-cookie",
      "apiKey",
      "code",
      "recoveryCode",
      "email",
      "toEmail",
      "ip",
      "x-forwarded-for",
      "remoteAddress",
    ]) {
      expect(isRedactedKey(key), key).toBe(true);
    }
    for (const key of ["route", "status", "job", "command", "outcome", "ms", "requestId", "method"]) {
      expect(isRedactedKey(key), key).toBe(false);
    }
  });

  it("walks objects, arrays and errors, and leaves the rest alone", () => {
    const error = Object.assign(new Error("no user ada@example.org"), { code: "E_X" });
    const value = redactValue({
      route: "/sign-in",
      headers: { cookie: "session=abc", authorization: "Bearer abc", accept: "text/html" },
      form: { email: "ada@example.org", password: "hunter2", next: "/my-work" },
      list: [{ token: "t" }, "write to bob@example.com"],
      err: error,
      when: new Date("2026-01-02T03:04:05Z"),
    }) as Record<string, unknown>;
    expect(value).toMatchObject({
      route: "/sign-in",
      headers: { cookie: "[redacted]", authorization: "[redacted]", accept: "text/html" },
      form: { email: "[redacted]", password: "[redacted]", next: "/my-work" },
      list: [{ token: "[redacted]" }, "write to [e-mail]"],
      err: { type: "Error", message: "no user [e-mail]", code: "E_X" },
      when: "2026-01-02T03:04:05.000Z",
    });
    expect(JSON.stringify(value)).not.toMatch(/ada@|bob@|hunter2|session=abc/);
  });

  it("cuts deep and long structures instead of following them", () => {
    type Nested = { next?: Nested };
    const deep: Nested = {};
    let cursor = deep;
    for (let index = 0; index < 20; index += 1) cursor = cursor.next = {};
    expect(JSON.stringify(redactValue(deep))).toContain("[…]");
    const long = redactValue(Array.from({ length: 80 }, (_, index) => index)) as unknown[];
    expect(long).toHaveLength(51);
    expect(long.at(-1)).toBe("[30 more]");
  });
});

describe("redaction by pattern", () => {
  it("hides e-mail addresses, bearer and basic credentials and passwords in URLs", () => {
    expect(redactText("sign-in refused for Ada.Lovelace+x@sub.example.org, retry")).toBe(
      "sign-in refused for [e-mail], retry",
    );
    expect(redactText("Authorization: Bearer abc.DEF-123_x=")).toBe("Authorization: Bearer [redacted]");
    expect(redactText("basic dXNlcjpwYXNz")).toBe("basic [redacted]");
    expect(redactText("connect to postgresql://app:s3cr3t@db.internal:5432/registry failed")).toBe(
      "connect to postgresql://app:[redacted]@db.internal:5432/registry failed",
    );
    expect(redactText("smtp://mailer:pa55@smtp.example.org:587")).toBe(
      "smtp://mailer:[redacted]@smtp.example.org:587",
    );
    // What an operator needs stays: hosts, ports, codes.
    expect(redactText("connect ECONNREFUSED 127.0.0.1:5432")).toBe("connect ECONNREFUSED 127.0.0.1:5432");
  });
});

describe("the logger", () => {
  it("writes one JSON object per line with time, level, message, and the request id inside a request", () => {
    const { logger, parsed } = memoryLogger();
    logger.info({ route: "/centres" }, "outside");
    withRequestContext({ requestId: "req-0123456789" }, () => {
      logger.warn({ route: "/sign-in" }, "inside");
    });
    const [outside, inside] = parsed();
    expect(outside).toMatchObject({ level: "info", msg: "outside", route: "/centres" });
    expect(outside).not.toHaveProperty("requestId");
    expect(inside).toMatchObject({ level: "warn", msg: "inside", requestId: "req-0123456789" });
    expect(new Date(String(inside!.time)).toISOString()).toBe(inside!.time);
  });

  it("keeps the request id through awaits and timers of the request", async () => {
    const { logger, parsed } = memoryLogger();
    await withRequestContext({ requestId: "req-async-0001" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await Promise.resolve().then(() => logger.info("later"));
    });
    expect(parsed()[0]).toMatchObject({ msg: "later", requestId: "req-async-0001" });
  });

  it("never writes an e-mail address, a password or a cookie, in fields, messages or errors", () => {
    const { logger, lines, parsed } = memoryLogger();
    logger.info(
      { email: "ada@example.org", password: "hunter2", cookie: "s=1" },
      "sign-in by ada@example.org",
    );
    logger.error(Object.assign(new Error("duplicate key (email)=(ada@example.org)"), { code: "23505" }));
    logger.error({ err: new Error("token abc for bob@example.com") }, "failed");
    const text = lines.join("\n");
    expect(text).not.toMatch(/@example\.(org|com)|hunter2|s=1/);
    const [fields, error, nested] = parsed();
    expect(fields).toMatchObject({ email: "[redacted]", password: "[redacted]", msg: "sign-in by [e-mail]" });
    expect(error).toMatchObject({ level: "error", msg: "duplicate key (email)=([e-mail])" });
    // An error's own code stays (a SQLSTATE, an errno): only a field named "code" is a secret.
    expect(error!.err).toMatchObject({
      type: "Error",
      message: "duplicate key (email)=([e-mail])",
      code: "23505",
    });
    expect(nested!.err).toMatchObject({ message: "token abc for [e-mail]" });
  });
});
