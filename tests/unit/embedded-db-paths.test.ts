import { describe, expect, it } from "vitest";

import { embeddedDbPaths } from "@/server/db/embedded";

const env = (values: Record<string, string>) => values as NodeJS.ProcessEnv;

describe("embedded database paths", () => {
  it("keeps each data folder's server state apart, beside the folder", () => {
    const app = embeddedDbPaths("/srv/registry", env({}));
    const tests = embeddedDbPaths(
      "/srv/registry",
      env({ EMBEDDED_DB_DIR: "data/e2e-pglite", EMBEDDED_DB_PORT: "54339" }),
    );
    expect(app).toMatchObject({
      dataDir: "/srv/registry/data/pglite",
      stateFile: "/srv/registry/data/pglite.server.json",
      lockFile: "/srv/registry/data/pglite.server.lock",
    });
    expect(tests.stateFile).toBe("/srv/registry/data/e2e-pglite.server.json");
    expect(tests.lockFile).not.toBe(app.lockFile);
    expect(tests.port).toBe(54339);
  });

  it("refuses a port that is not a port", () => {
    expect(() => embeddedDbPaths("/srv/registry", env({ EMBEDDED_DB_PORT: "70000" }))).toThrow(
      /EMBEDDED_DB_PORT/,
    );
  });
});
