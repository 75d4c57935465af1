import { expect, test } from "@playwright/test";

import { pageAs } from "./auth-helpers";
import { expectNoSeriousA11yViolations } from "./axe";

// Renewal in a real browser on the demo seed: the responsible officer writes
// and completes the final evaluation of NOR-14 (its term ends in 100 days)
// and starts its redesignation, prefilled with the current ToR and work plan;
// the EURO focal point designates NET-86's redesignation (its evaluation is
// complete), and a public visitor sees version 2 beside version 1.

const CRITERIA = [
  "Work plan implemented",
  "Quality and use of outputs",
  "Relevance to WHO priorities",
  "Quality of collaboration and reporting",
  "WHO's own support for and use of the centre",
];

test("the officer evaluates NOR-14 and starts its redesignation", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const officer = await pageAs(browser, "officer@who.example");
  await officer.goto("/centres/NOR-14/evaluation");
  await expect(officer).toHaveURL(/\/evaluations\/\d+$/);
  await expect(officer.getByRole("heading", { level: 1 })).toContainText("Final evaluation: NOR-14");
  await expect(officer.getByTestId("evaluation-state")).toHaveText("Not started");
  await expectNoSeriousA11yViolations(officer);
  await officer.screenshot({ path: testInfo.outputPath("evaluation.png"), fullPage: true });

  // Completing an empty form names what is missing and stores nothing.
  await officer.getByRole("button", { name: "Complete the evaluation" }).click();
  const evaluationForm = officer.getByRole("form", { name: "Final evaluation" });
  await expect(evaluationForm.getByRole("alert")).toContainText("Check the highlighted fields.");
  await expect(
    evaluationForm.getByRole("link", { name: /Recommendation: Choose a recommendation\./ }),
  ).toBeVisible();
  await expect(officer.getByTestId("evaluation-state")).toHaveText("Not started");

  // Part of it, saved as a draft, survives a reload.
  const first = officer.getByRole("group", { name: `1. ${CRITERIA[0]}` });
  await first.getByRole("radio", { name: "5" }).check();
  await first.getByLabel("Comment").fill("All four activities were delivered.");
  await officer.getByRole("button", { name: "Save draft" }).click();
  await expect(evaluationForm.getByRole("status")).toHaveText("Draft saved.");
  await officer.reload();
  await expect(officer.getByTestId("evaluation-state")).toHaveText("Draft");
  const reloaded = officer.getByRole("group", { name: `1. ${CRITERIA[0]}` });
  await expect(reloaded.getByRole("radio", { name: "5" })).toBeChecked();
  await expect(reloaded.getByLabel("Comment")).toHaveValue("All four activities were delivered.");

  for (const [index, criterion] of CRITERIA.entries()) {
    if (index === 0) continue;
    const group = officer.getByRole("group", { name: `${index + 1}. ${criterion}` });
    await group.getByRole("radio", { name: "4" }).check();
    await group.getByLabel("Comment").fill(`Solid: ${criterion.toLowerCase()}.`);
  }
  await officer.getByRole("radio", { name: "Redesignate", exact: true }).check();
  await officer.getByLabel("Justification").fill("The centre delivered its plan and WHO uses its outputs.");
  await officer.getByRole("button", { name: "Complete the evaluation" }).click();
  await expect(officer.getByTestId("evaluation-state")).toHaveText("Completed");
  await expect(officer.getByTestId("evaluation-recommendation")).toHaveText("Redesignate");
  await expectNoSeriousA11yViolations(officer);

  // The redesignation starts as a copy of the current ToR and work plan.
  await officer.getByRole("button", { name: "Start redesignation" }).click();
  await expect(officer).toHaveURL(/\/designations\/\d+$/);
  await expect(officer.getByTestId("designation-state")).toHaveText("Draft proposal");
  await expect(officer.getByText("Redesignation", { exact: false }).first()).toBeVisible();
  await expect(officer.getByText(/To support WHO in research on/).first()).toBeVisible();

  // Back on the evaluation: the redesignation is under way, none can be started twice.
  await officer.goto("/centres/NOR-14/evaluation");
  await expect(officer.getByRole("link", { name: "Open the redesignation" })).toBeVisible();
  await expect(officer.getByRole("button", { name: "Start redesignation" })).toHaveCount(0);

  // Centre staff never see an evaluation.
  const staff = await pageAs(browser, "staff.nor18@centre.example");
  const response = await staff.goto(officer.url());
  expect(response?.status()).toBe(404);
});

test("the focal point designates NET-86's redesignation and its public page shows what changed", async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const focal = await pageAs(browser, "focal.euro@who.example");
  await focal.goto("/centres/NET-86/evaluation");
  await expect(focal.getByTestId("evaluation-state")).toHaveText("Completed");
  await focal.getByRole("link", { name: "Open the redesignation" }).click();
  await expect(focal.getByTestId("designation-state")).toHaveText("Regional review");
  // The redesignation points back to the evaluation its review depends on.
  await expect(focal.getByRole("link", { name: "Final evaluation of the current term" })).toHaveAttribute(
    "href",
    "/centres/NET-86/evaluation",
  );
  await focal.getByRole("button", { name: "Eligible and complete: consult the government" }).click();
  await expect(focal.getByTestId("designation-state")).toHaveText("Government consultation");
  const consultation = focal.getByRole("form", { name: "Record the government's answer" });
  await consultation.getByLabel("Government's answer").selectOption("NOT_REQUIRED");
  await consultation.getByRole("button", { name: "Record the government's answer" }).click();
  await expect(focal.getByTestId("designation-state")).toHaveText("Awaiting decision");
  const decision = focal.getByRole("form", { name: "Record the decision and designate" });
  await decision.getByLabel("Approved by").fill("Regional Director");
  await decision.getByRole("button", { name: "Record the decision and designate" }).click();
  await expect(focal.getByTestId("designation-state")).toHaveText("Designated");

  await page.goto("/centres/NET-86");
  await expect(page.getByText("Active", { exact: true }).first()).toBeVisible();
  const diff = page.getByTestId("version-diff");
  await expect(
    page.getByRole("heading", { name: "What changed: version 2 against version 1" }),
  ).toBeVisible();
  await expect(diff.getByTestId("diff-change")).toHaveText(["Changed", "Changed", "Added"]);
  await expect(diff).toContainText("training and mentoring health workers");
  await expect(diff).toContainText("Activity added: Evidence reviews for WHO guidelines");
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath("diff.png"), fullPage: true });
});

test("the EURO focal point terminates SWE-37 early and the directory shows it only among former centres", async ({
  browser,
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  // Seen by a visitor first, so the page cache holds this search (decision 0010):
  // the termination below must show at once all the same.
  await page.goto("/centres?country=SWE");
  expect((await page.goto("/centres?country=SWE"))?.headers()["x-page-cache"]).toBe("hit");
  await expect(
    page.getByRole("link", { name: /Education, Training and Research in Oral health/ }),
  ).toBeVisible();
  const focal = await pageAs(browser, "focal.euro@who.example");
  await focal.goto("/centres/SWE-37/terminate");
  await expect(focal.getByRole("heading", { level: 1 })).toContainText("Terminate SWE-37");
  await expectNoSeriousA11yViolations(focal);
  await focal.screenshot({ path: testInfo.outputPath("terminate.png"), fullPage: true });

  // Too short a reason: the message is at the field and the text stays.
  const reason = focal.getByLabel("Reason for terminating");
  await reason.fill("Closed");
  await focal.getByRole("button", { name: "Terminate the designation" }).click();
  await expect(focal.getByText("Give the reason in at least 10 characters.").first()).toBeVisible();
  await expect(reason).toHaveValue("Closed");
  await reason.fill("The faculty stopped its oral health programme in 2026.");
  await focal.getByRole("button", { name: "Terminate the designation" }).click();
  await expect(focal.getByRole("status").first()).toContainText("SWE-37 is terminated");

  // The responsible officer cannot terminate, not even their own centre: no form, not-found.
  const officer = await pageAs(browser, "officer@who.example");
  expect((await officer.goto("/centres/NOR-18/terminate"))?.status()).toBe(404);

  await page.goto("/centres?country=SWE");
  await expect(
    page.getByRole("link", { name: /Education, Training and Research in Oral health/ }),
  ).toHaveCount(0);
  await page.goto("/centres?country=SWE&former=1");
  await expect(
    page.getByRole("link", { name: /Education, Training and Research in Oral health/ }).first(),
  ).toBeVisible();
  await page.goto("/centres/SWE-37");
  await expect(page.getByText("Terminated", { exact: true }).first()).toBeVisible();
  await expect(
    page.getByText("The faculty stopped its oral health programme in 2026.").first(),
  ).toBeVisible();
});
