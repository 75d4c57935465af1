import { describe, expect, it } from "vitest";

import { chromiumExecutable, DEBIAN_CHROMIUM } from "../../scripts/lib/chromium-path";

describe("chromiumExecutable", () => {
  const installed = (file: string) => file === DEBIAN_CHROMIUM;
  const absent = () => false;

  it("uses Debian's Chromium where it is installed", () => {
    expect(chromiumExecutable({}, installed)).toBe(DEBIAN_CHROMIUM);
  });

  it("falls back to Playwright's own Chromium where Debian's is absent", () => {
    expect(chromiumExecutable({}, absent)).toBeUndefined();
  });

  it("lets CHROMIUM_PATH choose another browser either way", () => {
    expect(chromiumExecutable({ CHROMIUM_PATH: "/opt/chrome/chrome" }, installed)).toBe("/opt/chrome/chrome");
    expect(chromiumExecutable({ CHROMIUM_PATH: "/opt/chrome/chrome" }, absent)).toBe("/opt/chrome/chrome");
  });
});
