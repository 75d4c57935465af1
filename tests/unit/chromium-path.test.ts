import { describe, expect, it } from "vitest";

import { chromiumExecutable, DEBIAN_CHROMIUM, DEBIAN_HEADLESS_SHELL } from "../../scripts/lib/chromium-path";

describe("chromiumExecutable", () => {
  const installed =
    (...files: string[]) =>
    (file: string) =>
      files.includes(file);
  const absent = () => false;

  it("prefers Debian's headless shell where it is installed", () => {
    expect(chromiumExecutable({}, installed(DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM))).toBe(
      DEBIAN_HEADLESS_SHELL,
    );
    expect(chromiumExecutable({}, installed(DEBIAN_HEADLESS_SHELL))).toBe(DEBIAN_HEADLESS_SHELL);
  });

  it("uses Debian's Chromium where only it is installed", () => {
    expect(chromiumExecutable({}, installed(DEBIAN_CHROMIUM))).toBe(DEBIAN_CHROMIUM);
  });

  it("falls back to Playwright's own Chromium where Debian's are absent", () => {
    expect(chromiumExecutable({}, absent)).toBeUndefined();
  });

  it("lets CHROMIUM_PATH choose another browser either way", () => {
    const everything = installed(DEBIAN_HEADLESS_SHELL, DEBIAN_CHROMIUM);
    expect(chromiumExecutable({ CHROMIUM_PATH: "/opt/chrome/chrome" }, everything)).toBe(
      "/opt/chrome/chrome",
    );
    expect(chromiumExecutable({ CHROMIUM_PATH: "/opt/chrome/chrome" }, absent)).toBe("/opt/chrome/chrome");
  });
});
