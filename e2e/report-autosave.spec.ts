import { expect as baseExpect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";

import { signedInPage } from "./auth-helpers";

// The report form's autosave where it is hard (src/hooks/use-autosave.ts): a
// lost connection, a tab closed before its change reached the server, a
// change made on another device meanwhile, and two tabs at once. On SOA-14's
// open year-1 report, edited by the administrator, so that the centre staff's
// journeys (NOR-18, SOA-13) are untouched; the report stays unsubmitted and
// overdue, as the dashboard journey expects.

const expect = baseExpect.configure({ timeout: 60_000 });
const status = (page: Page) => page.getByTestId("save-status");
const savedText = /^Saved at \d\d:\d\d$/;

/** The administrator's own browser (another device), on SOA-14's year-1 report. */
async function device(browser: Browser, url?: string): Promise<{ context: BrowserContext; page: Page }> {
  const page = await signedInPage(browser, "admin@registry.example");
  if (url) {
    await page.goto(url);
  } else {
    await page.goto("/dashboard");
    const row = page.getByTestId("overdue-reports").getByRole("row").filter({ hasText: "SOA-14" });
    await row.getByRole("link", { name: /Annual report, year 1/ }).click();
    await page.waitForURL(/\/reports\/\d+$/, { timeout: 120_000 });
  }
  await expect(
    page.getByRole("heading", { level: 1, name: /^SOA-14 · Annual report, year 1$/ }),
  ).toBeVisible();
  await expect(status(page)).toHaveText("Your draft is saved as you type.");
  return { context: page.context(), page };
}

/**
 * The device's browser closed and opened again: its cookies and local
 * storage kept, every page of it gone. Closing the context rather than a
 * tab makes sure no closed page lives on long enough to send its change
 * when the connection comes back (a closed tab's process can outlive its
 * close, and then the journey raced with it).
 */
async function reopenBrowser(browser: Browser, context: BrowserContext): Promise<BrowserContext> {
  const storageState = await context.storageState();
  await context.close();
  return browser.newContext({ storageState });
}

test("autosave keeps what was typed offline, sends it when the connection or the page is back, and asks before overwriting another device's change", async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const first = await device(browser);
  const url = first.page.url();
  const stamp = Date.now();

  // Offline: kept on this device, retried; back online: saved.
  await first.context.setOffline(true);
  await first.page.getByLabel("Suggestions for WHO").fill(`Typed offline ${stamp}`);
  await expect(status(first.page)).toHaveText(
    "Not saved — will retry. What you typed is kept on this device.",
  );
  await first.context.setOffline(false);
  await expect(status(first.page)).toHaveText(savedText);
  await first.page.reload();
  await expect(first.page.getByLabel("Suggestions for WHO")).toHaveValue(`Typed offline ${stamp}`);

  // A tab closed while offline: the change is sent when the report is opened again.
  await first.context.setOffline(true);
  await first.page.getByLabel("Difficulties").fill(`Closed before saving ${stamp}`);
  await expect(status(first.page)).toHaveText(/will retry/);
  let firstDevice = await reopenBrowser(browser, first.context);
  const reopened = await firstDevice.newPage();
  await reopened.goto(url);
  await expect(reopened.getByLabel("Difficulties")).toHaveValue(`Closed before saving ${stamp}`);
  await expect(status(reopened)).toHaveText(savedText);
  // The server has it: a device without the local copy shows it.
  const other = await device(browser, url);
  await expect(other.page.getByLabel("Difficulties")).toHaveValue(`Closed before saving ${stamp}`);
  await other.context.close();
  await reopened.reload();
  await expect(reopened.getByLabel("Difficulties")).toHaveValue(`Closed before saving ${stamp}`);

  // Two devices at the version: the second one's change wins the race, the first is told, and stops.
  const second = await device(browser, url);
  await second.page.getByLabel("Resources used").fill(`Second device ${stamp}`);
  await expect(status(second.page)).toHaveText(savedText);
  await reopened.getByLabel("Resources used").fill(`First device, too late ${stamp}`);
  await expect(status(reopened)).toHaveText(/^Not saved: Someone else changed this report in the meantime/);
  await reopened.getByLabel("Suggestions for WHO").fill(`Still not sent ${stamp}`);
  await reopened.waitForTimeout(3_000);
  await expect(status(reopened)).toHaveText(/^Not saved: Someone else changed this report/);

  // Opened again on the first device: its unsent change is offered, not silently applied.
  const again = await firstDevice.newPage();
  await reopened.close();
  await again.goto(url);
  await expect(again.getByText(/This device has changes you made on .* that were not saved/)).toBeVisible();
  await expect(again.getByLabel("Resources used")).toHaveValue(`Second device ${stamp}`);
  await again.getByRole("button", { name: "Restore my changes" }).click();
  await expect(again.getByLabel("Suggestions for WHO")).toHaveValue(`Still not sent ${stamp}`);
  await expect(status(again)).toHaveText(savedText);
  await again.reload();
  await expect(again.getByLabel("Suggestions for WHO")).toHaveValue(`Still not sent ${stamp}`);
  await expect(again.getByText(/This device has changes/)).toHaveCount(0);

  // Declined: the server's copy stays and the device forgets its own.
  await firstDevice.setOffline(true);
  await again.getByLabel("Collaboration with other centres and networks").fill(`Never sent ${stamp}`);
  await expect(status(again)).toHaveText(/will retry/);
  firstDevice = await reopenBrowser(browser, firstDevice);
  await second.page.reload();
  await second.page.getByLabel("Collaboration with other centres and networks").fill(`Kept ${stamp}`);
  await expect(status(second.page)).toHaveText(savedText);
  const last = await firstDevice.newPage();
  await last.goto(url);
  await last.getByRole("button", { name: "Discard them" }).click();
  await expect(last.getByText(/This device has changes/)).toHaveCount(0);
  await expect(status(last)).toHaveText("Your draft is saved as you type.");
  await last.reload();
  await expect(last.getByLabel("Collaboration with other centres and networks")).toHaveValue(`Kept ${stamp}`);
  await expect(last.getByText(/This device has changes/)).toHaveCount(0);
  await second.context.close();
  await firstDevice.close();
});
