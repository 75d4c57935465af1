import { test } from "@playwright/test";

import { expectNoSeriousA11yViolations } from "./axe";

const pages = [
  ["home", "/"],
  ["search with results", "/centres?q=telemedicine&region=EURO"],
  ["search without results", "/centres?q=zzzzqqq"],
  ["search with every country listed", "/centres?expand=country&former=1"],
  ["search with bad input", "/centres?page=-1"],
  ["centre page", "/centres/NOR-18"],
  ["map", "/map"],
  ["statistics", "/stats"],
  ["404", "/centres/XYZ-999"],
] as const;

for (const [name, path] of pages) {
  test(`axe finds no serious or critical violation: ${name}`, async ({ page }) => {
    await page.goto(path);
    // Open every "show as a table" and "more" fold so that their content is checked too
    // (the search filters' summary is hidden on wide screens, where they always show).
    for (const summary of await page.locator("details > summary:visible").all()) await summary.click();
    await expectNoSeriousA11yViolations(page);
  });
}
