import { describe, expect, it } from "vitest";

import { metricsAccess } from "@/server/metrics/metrics-token";

// Who may read /metrics (decision 0027).

const token = "0123456789abcdef0123456789abcdef";

describe("metrics access", () => {
  it("is disabled without a configured token, whatever is sent", () => {
    expect(metricsAccess(undefined, `Bearer ${token}`)).toBe("disabled");
    expect(metricsAccess("", null)).toBe("disabled");
  });

  it("is allowed only with the token as a bearer token", () => {
    expect(metricsAccess(token, `Bearer ${token}`)).toBe("allowed");
    expect(metricsAccess(token, `bearer ${token}`)).toBe("allowed");
  });

  it("is refused with no token, another token, a prefix of it, or another scheme", () => {
    for (const authorization of [
      null,
      "",
      "Bearer",
      "Bearer ",
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -1)}`,
      `Basic ${Buffer.from(`x:${token}`).toString("base64")}`,
      token,
      `Bearer ${token} extra`,
    ]) {
      expect(metricsAccess(token, authorization), String(authorization)).toBe("unauthorized");
    }
  });
});
