import { expect, test } from "@playwright/test";

import { devAuthSecret } from "../scripts/lib/dev-auth-secret";

import { pageAs, signIn } from "./auth-helpers";
import { query, startSecondServer, type SecondServer } from "./second-server";

// Several app instances behind one reverse proxy share one database
// (README "Several instances"): a second production server on the same build
// and database as the suite's, with the same AUTH_SECRET and its jobs on,
// behaves as one app with the first. A session started on one instance holds
// on the other and ends on both; a change made through one shows at once in
// the other's page cache; both instances' start-up job runs together send
// and change nothing twice.

test.describe.configure({ mode: "serial" });

let second: SecondServer;
let startedAt: Date;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  startedAt = new Date();
  // The suite's server signs sessions with the demo secret kept beside its
  // embedded data folder (scripts/start.ts); a real deployment sets one
  // AUTH_SECRET for all instances.
  const secret = devAuthSecret(process.env.E2E_EMBEDDED_DB_DIR ?? "data/e2e-pglite");
  second = await startSecondServer(() => ({ AUTH_SECRET: secret, JOBS: "on", DEMO_MODE: "true" }));
});

test.afterAll(async () => {
  await second?.stop();
});

test("a session started on one instance holds on the other, and signing out on the other ends it on both", async ({
  page,
  browser,
}) => {
  await signIn(page, "focal.afro@who.example");
  // Another port of the same host: the browser sends the same cookie.
  await page.goto(`${second.base}/my-work`);
  await expect(page).toHaveURL(`${second.base}/my-work`);
  await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();

  // The session's cookie as it was, in a browser of its own: signing out
  // clears it in this one, so only a copy shows whether the first instance
  // still takes it after the second ended the session.
  const replay = await browser.newContext();
  await replay.addCookies(await page.context().cookies());
  expect((await replay.request.get("/my-work", { maxRedirects: 0 })).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/(sign-in)?(\?.*)?$/);
  const onFirst = await replay.request.get("/my-work", { maxRedirects: 0 });
  expect(onFirst.headers()["location"] ?? "").toContain("/sign-in");
  await replay.close();
});

test("a centre terminated through one instance leaves the other's cached search at once", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const [centre] = await query<{ reference: string; title: string; code: string }>(
    `SELECT c.reference, c.title, k."whoCode" AS code FROM "Centre" c
       JOIN "Country" k ON k.id = c."countryId" JOIN "Region" r ON r.id = c."regionId"
      WHERE r.code = 'EURO' AND c.status IN ('ACTIVE', 'PENDING')
        AND c.reference NOT IN ('NOR-18', 'NOR-14', 'DEN-64', 'FIN-35', 'NET-86', 'ITA-113', 'SWE-37')
      ORDER BY c.reference DESC LIMIT 1`,
  );
  expect(centre, "a current EURO centre to terminate").toBeTruthy();
  const search = `${second.base}/centres?country=${centre!.code}`;
  const listed = page.getByRole("link", { name: centre!.title }).first();
  // Kept once the data holds still (the new instance's start-up jobs may still be writing).
  await expect
    .poll(async () => (await page.goto(search))?.headers()["x-page-cache"], { timeout: 60_000 })
    .toBe("hit");
  await expect(listed).toBeVisible();

  const focalPage = await pageAs(browser, "focal.euro@who.example");
  await focalPage.goto(`/centres/${centre!.reference}/terminate`);
  await focalPage
    .getByLabel("Reason for terminating")
    .fill("The institute merged into another one (two-instance journey).");
  await focalPage.getByRole("button", { name: "Terminate the designation" }).click();
  await expect(focalPage.getByRole("status").first()).toContainText(`${centre!.reference} is terminated`);
  await focalPage.context().close();

  const after = await page.goto(search);
  expect(after?.headers()["x-page-cache"]).toBe("miss");
  await expect(page.getByRole("link", { name: centre!.title })).toHaveCount(0);
});

test("both instances' start-up job runs change and send nothing twice", async () => {
  test.setTimeout(150_000);
  // The second instance queued its catch-up of every daily job at start; wait
  // until one of the two instances has run the reminders and the expiry again.
  await expect(async () => {
    const rows = await query<{ name: string }>(
      `SELECT DISTINCT name FROM pgboss.job
        WHERE name IN ('reminders', 'centre-expiry') AND state = 'completed' AND created_on >= $1`,
      [startedAt],
    );
    expect(rows.map((row) => row.name).sort()).toEqual(["centre-expiry", "reminders"]);
  }).toPass({ timeout: 120_000, intervals: [2_000] });

  const reminders = await query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "OutboxMessage"
      WHERE "toEmail" = 'staff.nor18@centre.example' AND subject LIKE 'NOR-18: annual report overdue since%'`,
  );
  expect(reminders[0]?.count).toBe(1);
  const expiries = await query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "AuditEvent"
      WHERE action = 'centre.status' AND "entityType" = 'Centre'
        AND "entityId" = (SELECT id::text FROM "Centre" WHERE reference = 'ARG-29')`,
  );
  expect(expiries[0]?.count).toBe(1);
});
