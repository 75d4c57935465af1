import { expect as baseExpect, test, type Page, type TestInfo } from "@playwright/test";

import { pageAs } from "./auth-helpers";
import { expectNoSeriousA11yViolations } from "./axe";

// Issue 6's journey in a real browser on the demo seed: staff of NOR-18 open
// their overdue year-2 report from My work, fill part of it, see it saved,
// reload and find everything, are told what is missing, complete and submit
// it; the officer returns it with a note; staff see the note, fix and
// resubmit; the officer accepts; the focal point no longer sees it overdue.

const TITLE = "WHO Collaborating Centre for Digital Health and Telemedicine";

// The machine runs several builds and journeys at once: sign-in (argon2id) and
// saves may take longer than the default five seconds.
const expect = baseExpect.configure({ timeout: 60_000 });

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** Opens NOR-18's year-2 report from the My work section whose test id starts with `section`. */
async function openReportFromMyWork(page: Page, section: string) {
  await page.goto("/my-work");
  const item = page
    .locator(`[data-testid^="${section}"] li`)
    .filter({ hasText: "NOR-18" })
    .filter({ hasText: "year 2" });
  await item.getByRole("link").click();
  await page.waitForURL(/\/reports\/\d+$/, { timeout: 120_000 });
  await expect(page.getByRole("heading", { level: 1, name: "NOR-18 · Annual report, year 2" })).toBeVisible();
}

const activity = (page: Page, n: number) => page.getByTestId(`activity-${n}`);
const saved = (page: Page) => expect(page.getByTestId("save-status")).toHaveText(/^Saved at \d\d:\d\d$/);

test("staff fill, reload, submit and resubmit NOR-18's annual report; the officer returns and accepts it", async ({
  browser,
}, testInfo) => {
  test.setTimeout(600_000);
  // Before: the focal point's dashboard lists the report as overdue.
  const focal = await pageAs(browser, "focal.euro@who.example");
  await focal.goto("/dashboard");
  await expect(
    focal.getByTestId("overdue-reports").getByRole("row").filter({ hasText: "NOR-18" }),
  ).toHaveCount(1);

  const staff = await pageAs(browser, "staff.nor18@centre.example");
  await openReportFromMyWork(staff, "staff-reports");
  const reportUrl = staff.url();
  await expect(staff.getByTestId("report-state")).toHaveText("Open");
  await expect(staff.getByText(TITLE).first()).toBeVisible();
  await expectNoSeriousA11yViolations(staff);

  // Part of it, saved as typed.
  await activity(staff, 1).getByLabel("Progress").selectOption("COMPLETED");
  await activity(staff, 1)
    .getByLabel("Narrative")
    .fill("The framework was drafted with the WHO unit and piloted in two countries.");
  await activity(staff, 1).getByLabel("Title of output 1").fill("Nursing workforce framework");
  await activity(staff, 1).getByLabel("Link of output 1 (optional)").fill("https://example.org/framework");
  await activity(staff, 1)
    .getByRole("button", { name: /Add an output/ })
    .click();
  await activity(staff, 1).getByLabel("Type of output 2").selectOption("EVENT");
  await activity(staff, 1).getByLabel("Title of output 2").fill("Regional launch webinar");
  await staff.getByLabel("Resources used").fill("Two researchers part-time; travel paid by the institution.");
  await saved(staff);
  // The first save made the open report a draft: the badge says so without a reload.
  await expect(staff.getByTestId("report-state")).toHaveText("Draft");
  await screenshot(staff, testInfo, "report-form-draft");

  // A reload finds everything, from the server.
  await staff.reload();
  await expect(staff.getByTestId("report-state")).toHaveText("Draft");
  await expect(activity(staff, 1).getByLabel("Progress")).toHaveValue("COMPLETED");
  await expect(activity(staff, 1).getByLabel("Narrative")).toHaveValue(/piloted in two countries/);
  await expect(activity(staff, 1).getByLabel("Title of output 1")).toHaveValue("Nursing workforce framework");
  await expect(activity(staff, 1).getByLabel("Link of output 1 (optional)")).toHaveValue(
    "https://example.org/framework",
  );
  await expect(activity(staff, 1).getByLabel("Type of output 2")).toHaveValue("EVENT");
  await expect(activity(staff, 1).getByLabel("Title of output 2")).toHaveValue("Regional launch webinar");
  await expect(staff.getByLabel("Resources used")).toHaveValue(/Two researchers/);

  // Submitting now says what is missing, next to each field; nothing typed is lost.
  await staff.getByRole("button", { name: "Submit report" }).click();
  const summary = staff.getByTestId("report-form").getByRole("alert");
  await expect(summary).toContainText("The report is not complete");
  await expect(summary.getByRole("link", { name: /Activity 2, progress/ })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Difficulties/ })).toBeVisible();
  await expect(activity(staff, 2).getByText("Error: Choose the progress of")).toBeVisible();
  await expect(activity(staff, 1).getByLabel("Narrative")).toHaveValue(/piloted in two countries/);
  await expectNoSeriousA11yViolations(staff);
  await screenshot(staff, testInfo, "report-form-missing");

  // Complete and submit.
  for (const n of [2, 3, 4]) {
    await activity(staff, n)
      .getByLabel("Progress")
      .selectOption(n === 4 ? "NOT_STARTED" : "ONGOING");
    await activity(staff, n).getByLabel("Narrative").fill(`Activity ${n}: work is under way as planned.`);
  }
  await staff.getByLabel("Collaboration with other centres and networks").fill("Joint webinar with SOA-13.");
  await staff.getByLabel("Difficulties").fill("None worth reporting.");
  await staff.getByLabel("Suggestions for WHO").fill("Earlier notice of technical meetings.");
  await staff
    .getByRole("textbox", { name: "Use of WHO's name" })
    .fill("Only on joint publications agreed with WHO.");
  await saved(staff);
  await staff.getByRole("button", { name: "Submit report" }).click();
  await expect(staff.getByTestId("report-state")).toHaveText("Submitted for review");
  await expect(staff.getByRole("button", { name: "Submit report" })).toHaveCount(0);
  await expect(staff.getByTestId("report-history")).toContainText("Submitted");

  // Staff of another centre get not-found for it, with none of its content.
  const otherCentre = await pageAs(browser, "staff.soa13@centre.example");
  const response = await otherCentre.goto(reportUrl);
  expect(response?.status()).toBe(404);
  await expect(otherCentre.getByText("Nursing workforce framework")).toHaveCount(0);

  // The officer returns it with a note.
  const officer = await pageAs(browser, "officer@who.example");
  await openReportFromMyWork(officer, "officer-reports");
  await expect(officer.getByText("Regional launch webinar")).toBeVisible();
  await expectNoSeriousA11yViolations(officer);
  await screenshot(officer, testInfo, "report-review");
  const note = "Please say which two pilot countries took part and what held up activity 4.";
  await officer.getByLabel("Note to the centre").fill(note);
  await officer.getByRole("button", { name: "Return with note" }).click();
  await expect(officer.getByTestId("report-state")).toHaveText("Returned for changes");

  // Staff see the note, fix, resubmit.
  await staff.goto(reportUrl);
  await expect(staff.getByTestId("return-note")).toContainText(note);
  await expect(staff.getByTestId("report-history")).toContainText(note);
  // Once at the top and once in the history, not a third time in a list of notes (issue #12 item 6).
  await expect(staff.getByText(note, { exact: true })).toHaveCount(2);
  await activity(staff, 1)
    .getByLabel("Narrative")
    .fill("The framework was drafted with the WHO unit and piloted in Norway and Kenya.");
  await staff.getByLabel("Difficulties").fill("Activity 4 waits for the WHO guideline due next year.");
  await saved(staff);
  await expect(staff.getByTestId("report-state")).toHaveText("Draft");
  await expect(staff.getByTestId("return-note")).toContainText(note);
  await screenshot(staff, testInfo, "report-returned");
  await staff.getByRole("button", { name: "Submit report" }).click();
  await expect(staff.getByTestId("report-state")).toHaveText("Submitted for review");

  // The officer accepts; last year's report opens beside it.
  await officer.goto(reportUrl);
  await expect(officer.getByText("piloted in Norway and Kenya")).toBeVisible();
  await officer.getByRole("link", { name: "Open last year's report side by side" }).click();
  await expect(officer.getByTestId("previous-report")).toContainText("Last year: year 1");
  await expectNoSeriousA11yViolations(officer);
  await screenshot(officer, testInfo, "report-compare");
  await officer.getByRole("button", { name: "Accept report" }).click();
  await expect(officer.getByTestId("report-state")).toHaveText("Accepted");
  const history = officer.getByTestId("report-history");
  await expect(history.getByText("Submitted", { exact: true })).toHaveCount(2);
  await expect(history.getByText("Returned for changes", { exact: true })).toHaveCount(1);
  await expect(history.getByText("Accepted", { exact: true })).toHaveCount(1);

  // The focal point's dashboard and My work no longer list it as overdue.
  await focal.goto("/dashboard");
  await expect(focal.getByTestId("overdue-reports")).toBeVisible();
  await expect(
    focal.getByTestId("overdue-reports").getByRole("row").filter({ hasText: "NOR-18" }),
  ).toHaveCount(0);
  await focal.goto("/my-work");
  const overdue = focal.locator('[data-testid^="focal-overdue"]');
  await expect(overdue).toBeVisible();
  await expect(overdue.getByText("NOR-18")).toHaveCount(0);
});

test("without JavaScript the report form saves a draft and shows what is missing", async ({
  browser,
}, testInfo) => {
  test.setTimeout(600_000);
  const signedIn = await pageAs(browser, "staff.soa13@centre.example");
  await signedIn.goto("/my-work");
  await signedIn
    .locator('[data-testid^="staff-reports"] li')
    .filter({ hasText: "SOA-13" })
    .getByRole("link")
    .click();
  await signedIn.waitForURL(/\/reports\/\d+$/, { timeout: 120_000 });
  const url = signedIn.url();
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await signedIn.context().storageState(),
  });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId("report-state")).toHaveText("Draft");
  // No autosave, no JavaScript-only buttons: a plain form.
  await expect(page.getByRole("button", { name: /Add an output/ })).toHaveCount(0);
  const suggestion = `Plain form save ${Date.now()}`;
  await page.getByLabel("Suggestions for WHO").fill(suggestion);
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.waitForLoadState("load");
  await page.goto(url);
  await expect(page.getByLabel("Suggestions for WHO")).toHaveValue(suggestion);

  // Submitting the incomplete draft: what is missing at each field, what was typed kept.
  await page.getByLabel("Difficulties").fill("Typed without JavaScript");
  await page.getByRole("button", { name: "Submit report" }).click();
  await expect(page.getByTestId("report-form").getByRole("alert")).toContainText(
    "The report is not complete",
  );
  await expect(page.getByLabel("Difficulties")).toHaveValue("Typed without JavaScript");
  await expect(page.getByTestId("report-state")).toHaveText("Draft");
  await screenshot(page, testInfo, "report-form-no-js");
  await context.close();
});
