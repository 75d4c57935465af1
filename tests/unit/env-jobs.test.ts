import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "@/server/config/env";

describe("JOBS", () => {
  it("is on unless turned off", () => {
    expect(parseEnv({}).JOBS).toBe("on");
    expect(parseEnv({ JOBS: "" }).JOBS).toBe("on");
    expect(parseEnv({ JOBS: "off" }).JOBS).toBe("off");
  });

  it("refuses anything else, naming the variable", () => {
    expect(() => parseEnv({ JOBS: "false" })).toThrow(EnvError);
    expect(() => parseEnv({ JOBS: "false" })).toThrow(/JOBS: must be "on" or "off"/);
  });
});
