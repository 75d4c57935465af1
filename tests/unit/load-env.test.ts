import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { loadEnvFiles } from "../../scripts/lib/load-env";

describe("loadEnvFiles", () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
    delete process.env.REGISTRY_TEST_FROM_FILE;
    delete process.env.REGISTRY_TEST_BOTH;
  });

  it("reads .env so `npm start` and `npm run serve` check what the app will use; the environment wins", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "registry-env-"));
    folders.push(folder);
    writeFileSync(path.join(folder, ".env"), "REGISTRY_TEST_FROM_FILE=file\nREGISTRY_TEST_BOTH=file\n");
    process.env.REGISTRY_TEST_BOTH = "environment";
    loadEnvFiles(folder);
    expect(process.env.REGISTRY_TEST_FROM_FILE).toBe("file");
    expect(process.env.REGISTRY_TEST_BOTH).toBe("environment");
  });
});
