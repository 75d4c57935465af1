import { expect, test, type Page } from "@playwright/test";

import { pageAs, signIn } from "./auth-helpers";
import { expectNoSeriousA11yViolations } from "./axe";

// The designation journey in a real browser on the demo seed: an officer
// proposes a centre in Norway (warned of a similar one) and sends it to the
// institution, whose newly invited staff complete and submit the form; the
// officer endorses, the unit head clears, the focal point consults the
// government and designates, the centre opens its letter (HTML and PDF), and
// a public visitor finds the centre Active. Along the way the officer edits
// the draft proposal, and the staff comment on a ToR item and an activity.

const TITLE = "WHO Collaborating Centre for Health Data Governance and Stewardship";
const CRITERIA = [
  "High scientific and technical standing",
  "Prominent place in the country's health, scientific or educational structures",
  "High-quality leadership and enough qualified staff",
  "Stability of personnel, activity and funding",
  "Working relations with other institutions",
  "Ability and readiness to contribute to WHO programmes",
  "Technical and geographical relevance to WHO priorities",
  "At least two years of joint work with WHO",
];
const today = new Date().toISOString().slice(0, 10);
const WEBSITE = "https://healthdata.example.no";
const SUBJECT = "Informatics and Telemedicine";
const RETURNED = "Returned: what to change";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A full-page picture for a person to look at, when E2E_SCREENSHOT_DIR names a folder. */
async function screenshot(page: Page, name: string) {
  const folder = process.env.E2E_SCREENSHOT_DIR;
  if (folder) await page.screenshot({ path: `${folder}/${name}.png`, fullPage: true });
}

/** Opens the designation from the My work section whose test id starts with `section`. */
async function openFromMyWork(page: Page, section: string) {
  await page.goto("/my-work");
  await page
    .locator(`[data-testid^="${section}"]`)
    .getByRole("link", { name: new RegExp(`· ${TITLE}$`) })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(TITLE) })).toBeVisible();
}

async function act(page: Page, button: string, expectedState: string) {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByTestId("designation-state")).toHaveText(expectedState);
}

test("an officer's proposal is completed by the centre, reviewed, designated and found in the directory", async ({
  browser,
}) => {
  test.setTimeout(300_000);

  // The officer proposes the centre (too short a joint work first), then finds the draft in My work.
  const officer = await pageAs(browser, "officer@who.example");
  await officer
    .getByRole("navigation", { name: "Workspace" })
    .getByRole("link", { name: "Propose a centre" })
    .click();
  await officer.getByLabel("Institution", { exact: true }).fill("Norwegian Institute of Public Health");
  // Sharing a record is offered only once the record has been shown (asked about below).
  await expect(officer.getByLabel("Institution record", { exact: true })).toHaveCount(0);
  await officer.getByLabel("Title of the centre").fill(TITLE);
  await officer.getByLabel("Country", { exact: true }).selectOption({ label: "Norway" });
  await officer
    .getByLabel("Technical unit", { exact: true })
    .selectOption({ label: "Digital Health and Innovation" });
  await officer.getByLabel("Initiated by", { exact: true }).selectOption("EURO");
  await officer.getByLabel("Joint work with WHO since").fill("2024-01-01");
  await officer.getByLabel("Joint work with WHO until").fill("2025-01-01");
  for (const criterion of CRITERIA) {
    await officer.getByLabel(criterion, { exact: true }).selectOption("yes");
    await officer.getByLabel(`Justification: ${criterion}`).fill("Documented in the proposal file.");
  }
  await expectNoSeriousA11yViolations(officer);
  await officer.getByRole("button", { name: "Create the proposal" }).click();
  await expect(officer.getByText("The joint work must cover at least two years.")).toBeVisible();
  await expect(officer.getByLabel("Title of the centre")).toHaveValue(TITLE);
  await officer.getByLabel("Joint work with WHO since").fill("2022-01-01");
  await officer.getByRole("button", { name: "Create the proposal" }).click();
  // Norway already has this institution (another demo proposal's): sharing its record is asked, never silent.
  await expect(
    officer.getByText(
      /The country already has “Norwegian Institute of Public Health” \(Division of Health Data/,
    ),
  ).toBeVisible();
  await expect(officer.getByLabel("Title of the centre")).toHaveValue(TITLE);
  await officer.getByLabel("Institution record", { exact: true }).selectOption("existing");
  await officer.getByRole("button", { name: "Create the proposal" }).click();
  await expect(officer.getByTestId("designation-state")).toHaveText("Draft proposal");
  await expect(officer.getByTestId("similar-centres")).toContainText("Health Data Governance");
  await openFromMyWork(officer, "officer-designations");
  await expectNoSeriousA11yViolations(officer);
  const heading = await officer.getByRole("heading", { level: 1 }).textContent();
  const reference = heading?.split(" · ")[0]?.trim() ?? "";
  expect(reference).toMatch(/^NOR-\d+$/);
  const designationUrl = officer.url();

  // The officer corrects the draft proposal: the country is fixed, what was typed survives an error.
  // (The institution is shared with another demo proposal: change only this proposal's own facts.)
  await officer.getByRole("link", { name: "Edit the proposal" }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(`Edit the proposal ${reference}`);
  await expect(officer.getByText("The country cannot be changed")).toBeVisible();
  await expect(officer.getByLabel("Country", { exact: true })).toHaveCount(0);
  await expect(officer.getByLabel("Title of the centre")).toHaveValue(TITLE);
  await officer.getByLabel("Joint work with WHO since").fill("2021-06-01");
  await officer.getByLabel("Institution", { exact: true }).fill("");
  await officer.getByRole("button", { name: "Save the proposal" }).click();
  await expect(officer.getByText("Enter the institution's name.")).toBeVisible();
  await expect(officer.getByLabel("Joint work with WHO since")).toHaveValue("2021-06-01");
  await officer.getByLabel("Institution", { exact: true }).fill("Norwegian Institute of Public Health");
  await officer.getByRole("button", { name: "Save the proposal" }).click();
  await expect(officer.getByRole("form", { name: "Save the proposal" }).getByRole("status")).toHaveText(
    "Proposal saved.",
  );
  await expectNoSeriousA11yViolations(officer);
  await screenshot(officer, "designation-edit-proposal");
  await officer.getByRole("link", { name: "Back to the designation" }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(`${reference} · ${TITLE}`);
  await expect(officer.getByText("Joint work with WHO from 2021-06-01")).toBeVisible();
  await act(officer, "Send to the institution", "With the institution");

  // The officer is told that nobody at the new centre can act yet, and invites its staff in place (issue #12 item 5).
  const institutionStaff = officer.getByRole("region", { name: "Who at the institution can act" });
  await expect(institutionStaff).toContainText(
    "No one at the institution has an account for this centre yet",
  );
  await screenshot(officer, "designation-sent");
  const staffEmail = `staff.${Date.now()}@centre.example`;
  await institutionStaff.getByLabel("Name").fill("Kari Nordmann");
  await institutionStaff.getByLabel("E-mail address").fill(staffEmail);
  await institutionStaff.getByRole("button", { name: `Invite staff of ${reference}` }).click();
  await expect(officer).toHaveURL(new RegExp(`${designationUrl}\\?invited=1#institution-staff$`));
  await expect(institutionStaff.getByRole("status")).toContainText("Invitation sent");
  await expect(institutionStaff.getByRole("listitem").filter({ hasText: staffEmail })).toContainText(
    "invited, has not set a password yet",
  );
  await expectNoSeriousA11yViolations(officer);

  const admin = await pageAs(browser, "admin@registry.example");
  await admin.goto("/admin/mail");
  const link = await admin
    .getByTestId("mail-message")
    .filter({ hasText: staffEmail })
    .getByRole("link")
    .first()
    .getAttribute("href");
  const password = "fjord lantern under winter stars";
  const staff = await (await browser.newContext()).newPage();
  await staff.goto(link!);
  await staff.getByLabel("New password").fill(password);
  await staff.getByLabel("Type it again").fill(password);
  await staff.getByRole("button", { name: "Set password" }).click();
  await expect(staff).toHaveURL(/\/sign-in\?password=set/);
  await signIn(staff, staffEmail, password);

  // The centre's staff complete the form: submitting too early is refused with a reason.
  await openFromMyWork(staff, "staff-designation-");
  await staff.getByRole("button", { name: "Submit the designation form", exact: true }).click();
  await expect(staff.getByRole("region", { name: "What you can do now" }).getByRole("alert")).toContainText(
    "head of centre",
  );
  await expect(staff.getByTestId("designation-state")).toHaveText("With the institution");

  const details = staff.getByRole("form", { name: "Save draft" });
  await details.getByLabel("Head of centre", { exact: true }).fill("Prof. Kari Nordmann");
  await details.getByLabel("Head of centre's e-mail").fill("not-an-address");
  await details.getByRole("button", { name: "Save draft" }).click();
  await expect(details.getByText("Enter an e-mail address like name@example.org.")).toBeVisible();
  await expect(details.getByLabel("Head of centre", { exact: true })).toHaveValue("Prof. Kari Nordmann");
  await details.getByLabel("Head of centre's e-mail").fill("kari@fhi.example");
  await details.getByLabel("City", { exact: true }).fill("Oslo");
  await details.getByLabel("Website", { exact: true }).fill(WEBSITE);
  await details.getByRole("button", { name: "Save draft" }).click();
  await expect(details.getByRole("status")).toHaveText("Draft saved.");

  // The centre's subjects: none is refused, then a main and a third subject (issue #12 item 2).
  const subjects = staff.getByRole("form", { name: "Save subjects" });
  await subjects.getByRole("button", { name: "Save subjects" }).click();
  await expect(
    subjects.getByText("Choose the centre's main subject: at least one subject from the list."),
  ).toBeVisible();
  await subjects.getByLabel("Main subject").selectOption({ label: SUBJECT });
  await subjects.getByLabel("Third subject (optional)").selectOption({ label: "Ethics" });
  await subjects.getByRole("button", { name: "Save subjects" }).click();
  await expect(subjects.getByRole("status")).toHaveText("Subjects saved.");

  const newTor = staff.getByRole("form", { name: "Add term of reference" });
  await newTor
    .getByLabel("New term of reference")
    .fill("To support WHO in developing guidance on health data governance.");
  await newTor.getByRole("button", { name: "Add term of reference" }).click();
  await expect(staff.getByRole("heading", { name: /ToR 1\./ })).toBeVisible();

  // A question next to the ToR item it is about.
  await staff.locator("summary", { hasText: "Comment on ToR 1" }).click();
  const torComment = staff.getByRole("form", { name: "Comment on ToR 1" });
  await torComment.getByLabel("Your comment").fill("Should this mention data protection law?");
  await torComment.getByRole("button", { name: "Add comment" }).click();
  await expect(staff.getByRole("list", { name: "Comments on ToR 1" })).toContainText("data protection law");

  const activity = staff.getByRole("form", { name: "New work-plan activity" });
  await activity.getByLabel("Description").fill("A comparative review of national laws.");
  await activity.getByRole("button", { name: "Add activity" }).click();
  await expect(activity.getByText("Enter a short title.")).toBeVisible();
  await expect(activity.getByLabel("Description")).toHaveValue("A comparative review of national laws.");
  await activity.getByLabel("Term of reference").selectOption({ index: 1 });
  await activity.getByLabel("Title").fill("Review of data governance laws");
  await activity.getByLabel("Type of activity").selectOption({ index: 1 });
  const activityType = (
    await activity.getByLabel("Type of activity").locator("option:checked").innerText()
  ).trim();
  await activity.getByLabel("Deliverables").fill("A report published by WHO.");
  await activity.getByLabel("Timeframe").fill("Year 1");
  await activity.getByLabel("Responsible person").fill("Prof. Kari Nordmann");
  await activity.getByRole("button", { name: "Add activity" }).click();
  await expect(staff.getByText("Review of data governance laws", { exact: true })).toBeVisible();

  // A question next to the activity it is about.
  const aboutActivity = "activity “Review of data governance laws”";
  await staff.locator("summary", { hasText: `Comment on ${aboutActivity}` }).click();
  const activityComment = staff.getByRole("form", { name: `Comment on ${aboutActivity}` });
  await activityComment.getByLabel("Your comment").fill("Which countries' laws will be compared?");
  await activityComment.getByRole("button", { name: "Add comment" }).click();
  await expect(staff.getByRole("list", { name: `Comments on ${aboutActivity}` })).toContainText(
    "Which countries' laws",
  );
  await expectNoSeriousA11yViolations(staff);
  await screenshot(staff, "designation-activity-comment");
  await act(staff, "Submit the designation form", "Submitted for review");

  // The officer returns it once; the staff see "Returned" and WHO's reason first (issue #12 item 6).
  const reason = "Say which countries' laws the review compares.";
  await officer.goto(designationUrl);
  await officer.getByLabel("What should the institution change?").fill(reason);
  await act(officer, "Return to the institution", RETURNED);
  await staff.goto(designationUrl);
  await expect(staff.getByTestId("designation-state")).toHaveText(RETURNED);
  const returnNote = staff.getByTestId("return-note");
  await expect(returnNote).toContainText(reason);
  // Before anything else on the page: above the next steps and the long form.
  const noteTop = (await returnNote.boundingBox())!.y;
  const nextStepsTop = (await staff.getByRole("region", { name: "What you can do now" }).boundingBox())!.y;
  expect(noteTop).toBeLessThan(nextStepsTop);
  await expectNoSeriousA11yViolations(staff);
  await screenshot(staff, "designation-returned");
  await act(staff, "Submit the designation form", "Submitted for review");

  // The officer endorses; the unit head (not the proposer) clears.
  await officer.goto(designationUrl);
  await act(officer, "Endorse", "Technical clearance");
  const unitHead = await pageAs(browser, "unit.head@who.example");
  await openFromMyWork(unitHead, "unit-clearance-");
  await act(unitHead, "Give technical clearance", "Regional review");

  // The focal point reviews, records the consultation and the decision (a 5-year term is refused first).
  const focal = await pageAs(browser, "focal.euro@who.example");
  await focal.goto(designationUrl);
  await act(focal, "Eligible and complete: consult the government", "Government consultation");
  const consultation = focal.getByRole("form", { name: "Record the government's answer" });
  await consultation.getByLabel("Government's answer").selectOption("NO_OBJECTION");
  // Each date hint is an example the form accepts: fill in exactly the examples (issue #12 item 7).
  for (const label of ["Consultation requested on", "Government replied on"]) {
    const field = consultation.getByLabel(label);
    const hint = await consultation.locator(`#${await field.getAttribute("aria-describedby")}`).innerText();
    const example = /For example (\d{4}-\d{2}-\d{2})\./.exec(hint)?.[1];
    expect(example, hint).toBeDefined();
    expect(example! <= today, hint).toBe(true);
    await field.fill(example!);
  }
  await act(focal, "Record the government's answer", "Awaiting decision");
  const decision = focal.getByRole("form", { name: "Record the decision and designate" });
  await decision.getByLabel("Term in years").fill("5");
  await decision.getByLabel("Approved by").fill("Regional Director");
  await decision.getByRole("button", { name: "Record the decision and designate" }).click();
  await expect(decision.getByText("A term is at most 4 years.")).toBeVisible();
  await expect(decision.getByLabel("Approved by")).toHaveValue("Regional Director");
  await decision.getByLabel("Term in years").fill("4");
  await act(focal, "Record the decision and designate", "Designated");
  await expect(focal.getByText("approved by Regional Director")).toBeVisible();
  await expect(focal.getByRole("heading", { name: "Timeline" })).toBeVisible();
  await expectNoSeriousA11yViolations(focal);

  // The centre's staff open their designation letter.
  await staff.goto(designationUrl);
  await expect(staff.getByTestId("designation-state")).toHaveText("Designated");
  // The letter's language is chosen beside it, the interface's by default (decision 0031).
  await expect(staff.getByLabel("Language of the letter")).toHaveValue("en");
  await staff.getByRole("button", { name: "Open the designation letter" }).click();
  await expect(staff).toHaveURL(/\/letter\?lang=en$/);
  await expect(staff.getByRole("heading", { level: 1 })).toContainText(`Designation as a ${TITLE}`);
  await expect(staff.getByText("for a term of 4 years")).toBeVisible();
  await expect(staff.locator("article")).toHaveAttribute("dir", "ltr");
  await expectNoSeriousA11yViolations(staff);
  await screenshot(staff, "designation-letter");

  // In Arabic: the whole letter right to left, its words Arabic, the centre's title as written.
  await staff.goto(designationUrl);
  await staff.getByLabel("Language of the letter").selectOption("ar");
  await staff.getByRole("button", { name: "Open the designation letter" }).click();
  await expect(staff).toHaveURL(/\/letter\?lang=ar$/);
  const arabic = staff.locator("article");
  await expect(arabic).toHaveAttribute("lang", "ar");
  await expect(arabic).toHaveAttribute("dir", "rtl");
  await expect(arabic.getByRole("heading", { level: 1 })).toContainText(
    "التعيين بصفة مركز متعاون مع منظمة الصحة العالمية",
  );
  await expect(arabic.getByRole("heading", { level: 1 }).locator("bdi")).toHaveText(TITLE);
  await expect(arabic.getByText("مرجعنا:")).toBeVisible();
  await expectNoSeriousA11yViolations(staff);
  await screenshot(staff, "designation-letter-ar");

  // A language that is not one of the six is a 400 that says so, for the page and the PDF.
  for (const path of ["letter", "letter.pdf"]) {
    const refused = await staff.request.get(`${designationUrl}/${path}?lang=de`);
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.message).toBe(
      "The letter's language (lang) must be one of ar, zh, en, fr, ru, es.",
    );
  }

  // The same letter as a PDF, for the centre's staff and for WHO; another centre's staff get not-found.
  const pdfUrl = `${designationUrl}/letter.pdf`;
  await expect(staff.getByRole("link", { name: "Download the letter as PDF" })).toHaveAttribute(
    "href",
    `${new URL(pdfUrl).pathname}?lang=ar`,
  );
  const chinese = await staff.request.get(`${pdfUrl}?lang=zh`);
  expect(chinese.status()).toBe(200);
  expect(chinese.headers()["content-language"]).toBe("zh");
  expect(chinese.headers()["content-disposition"]).toMatch(
    /^inline; filename="designation-letter-NOR-\d+-\d{4}-1-zh\.pdf"$/,
  );
  expect((await chinese.body()).length).toBeLessThan(300_000);
  for (const reader of [staff, focal]) {
    const response = await reader.request.get(pdfUrl);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["content-disposition"]).toMatch(
      /^inline; filename="designation-letter-NOR-\d+-\d{4}-1\.pdf"$/,
    );
    expect((await response.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }
  const otherStaff = await pageAs(browser, "staff.nor18@centre.example");
  expect((await otherStaff.request.get(pdfUrl)).status()).toBe(404);
  expect((await otherStaff.request.get(`${designationUrl}/letter`)).status()).toBe(404);
  const anonymous = await (await browser.newContext()).newPage();
  const signedOut = await anonymous.request.get(pdfUrl, { maxRedirects: 0 });
  expect(signedOut.status()).toBeGreaterThanOrEqual(300);
  expect(signedOut.status()).toBeLessThan(400);
  expect(signedOut.headers()["location"]).toMatch(/\/sign-in\?next=/);

  // A public visitor finds the new Active centre under its subject and its type of activity (issue #12 item 2).
  const visitor = await (await browser.newContext()).newPage();
  const found = visitor.getByRole("link", { name: TITLE });
  await visitor.goto("/centres");
  // Keywords first: the facets then list the values of the matches (a long facet shows only its top values).
  await visitor.getByRole("searchbox", { name: "Keywords" }).fill("data governance stewardship");
  await visitor.getByRole("button", { name: "Search", exact: true }).click();
  await visitor
    .getByRole("group", { name: "Subject" })
    .getByLabel(new RegExp(`^${SUBJECT}`))
    .check();
  await visitor.getByRole("button", { name: "Search", exact: true }).click();
  await expect(visitor).toHaveURL(/subject=/);
  await expect(found).toBeVisible();
  await visitor
    .getByRole("group", { name: "Subject" })
    .getByLabel(new RegExp(`^${SUBJECT}`))
    .uncheck();
  await visitor
    .getByRole("group", { name: "Type of activity" })
    .getByLabel(new RegExp(`^${escapeRegExp(activityType)}`))
    .check();
  await visitor.getByRole("button", { name: "Search", exact: true }).click();
  await expect(visitor).toHaveURL(/activity=/);
  await expect(visitor).not.toHaveURL(/subject=/);
  await expect(found).toBeVisible();
  await found.click();
  await expect(visitor.getByRole("heading", { level: 1 })).toContainText("Health Data Governance");
  await expect(visitor.getByText("Active").first()).toBeVisible();
  await expect(visitor.getByRole("link", { name: WEBSITE })).toHaveAttribute("href", WEBSITE);
  await expect(visitor.getByText("Oslo", { exact: true })).toBeVisible();
  await expect(visitor.getByText("Norwegian Institute of Public Health").first()).toBeVisible();
  await expect(visitor.getByRole("link", { name: SUBJECT, exact: true })).toBeVisible();
  await expect(visitor.getByRole("link", { name: activityType, exact: true })).toBeVisible();
  await expect(visitor.getByText("None recorded.")).toHaveCount(0);
  await expectNoSeriousA11yViolations(visitor);
  await screenshot(visitor, "designation-new-centre-public");
});
