import { expect, test, type Page } from "@playwright/test";

import { signIn } from "./auth-helpers";
import { expectNoSeriousA11yViolations } from "./axe";

// Issue #13's foundation (decision 0026): one address per language, the
// switcher, the first visit following Accept-Language, Arabic right to left,
// and the page cache keeping languages apart; and the language remembered in
// a person's profile, which the interface follows when they sign in.

const html = (page: Page) => page.locator("html");
const switcher = (page: Page, label = "Language") => page.getByRole("navigation", { name: label });

test("the French home page is French, from the chrome to the figures", async ({ page }) => {
  await page.goto("/fr/");
  await expect(html(page)).toHaveAttribute("lang", "fr");
  await expect(html(page)).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1, name: "Centres collaborateurs" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Principale" });
  await expect(nav.getByRole("link", { name: "Accueil" })).toHaveAttribute("href", "/fr");
  await expect(nav.getByRole("link", { name: "Centres" })).toHaveAttribute("href", "/fr/centres");
  await expect(page.getByRole("link", { name: "Se connecter" })).toHaveAttribute("href", "/fr/sign-in");
  await expect(page.getByRole("link", { name: "Aller au contenu principal" })).toBeAttached();
  await expect(page.getByTestId("headline-figure")).toContainText("centres actuels");
  await expect(page.getByText(/^Données de l’annuaire/)).toBeVisible();
  const europe = page.getByRole("listitem").filter({ hasText: "Région européenne" });
  await expect(europe).toContainText("Bureau régional\u202f: Copenhague");
  await expect(europe.getByRole("link", { name: /Région européenne/ })).toHaveAttribute(
    "href",
    "/fr/centres?region=EURO",
  );

  // The search stays in French.
  await page.getByRole("searchbox", { name: "Rechercher parmi les centres" }).fill("telemedicine");
  await page.getByRole("button", { name: "Rechercher", exact: true }).click();
  await expect(page).toHaveURL(/\/fr\/centres\?q=telemedicine$/);
  await expect(html(page)).toHaveAttribute("lang", "fr");
});

test("the Arabic home page reads right to left and passes axe", async ({ page }) => {
  await page.goto("/ar/");
  await expect(html(page)).toHaveAttribute("lang", "ar");
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "المراكز المتعاونة" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the switcher keeps the page and its query, and the choice is remembered", async ({ page }) => {
  await page.goto("/centres?q=health");
  const links = switcher(page).getByRole("link");
  await expect(links).toHaveText(["العربية", "中文", "English", "Français", "Русский", "Español"]);
  for (const [name, code] of [
    ["العربية", "ar"],
    ["Français", "fr"],
  ]) {
    const link = switcher(page).getByRole("link", { name });
    await expect(link).toHaveAttribute("lang", code!);
    await expect(link).toHaveAttribute("hreflang", code!);
  }
  // Every language's address of this page is in the head, for search engines.
  await expect(page.locator('head link[rel="alternate"][hreflang="fr"]')).toHaveAttribute(
    "href",
    /\/fr\/centres\?q=health$/,
  );

  await switcher(page).getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(/\/fr\/centres\?q=health$/);
  await expect(html(page)).toHaveAttribute("lang", "fr");
  await expect(page.locator("#q")).toHaveValue("health");

  // Remembered: the English address now leads to the French page.
  await page.goto("/map");
  await expect(page).toHaveURL(/\/fr\/map$/);

  await switcher(page, "Langue").getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/map$/);
  await expect(page).not.toHaveURL(/\/fr\//);
  await expect(html(page)).toHaveAttribute("lang", "en");
});

test("a first visit follows the browser's language, also where English pages are cached", async ({
  browser,
  page,
}) => {
  // An English visitor fills the page cache with the English search.
  for (let visit = 0; visit < 2; visit += 1) await page.goto("/centres?q=nursing");
  const cached = await page.goto("/centres?q=nursing");
  expect(cached?.headers()["x-page-cache"]).toBe("hit");

  const spanish = await browser.newContext({ locale: "es-ES" });
  const visitor = await spanish.newPage();
  try {
    await visitor.goto("/");
    await expect(visitor).toHaveURL(/\/es$/);
    await expect(visitor.locator("html")).toHaveAttribute("lang", "es");
    await expect(visitor.getByRole("heading", { level: 1, name: "Centros colaboradores" })).toBeVisible();

    await visitor.goto("/centres?q=nursing");
    await expect(visitor).toHaveURL(/\/es\/centres\?q=nursing$/);
    await expect(visitor.locator("html")).toHaveAttribute("lang", "es");
    await expect(visitor.getByRole("navigation", { name: "Principal" })).toBeVisible();
  } finally {
    await spanish.close();
  }
});

test("a person sets their language on their account page, and the interface follows it after signing in again", async ({
  browser,
  page,
}) => {
  // Sign-ins and a second browser on a busy 2-core machine.
  test.setTimeout(120_000);
  // No other journey after this file signs in as this person; the profile is set back to English at the end.
  const email = "focal.afro@who.example";
  await signIn(page, email);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Language" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your language" })).toBeVisible();
  await expect(page.getByTestId("language-chosen")).toHaveText(/You have not chosen a language yet/);
  const choice = page.getByRole("combobox", { name: "Language" });
  await expect(choice.getByRole("option")).toHaveText([
    "العربية",
    "中文",
    "English",
    "Français",
    "Русский",
    "Español",
  ]);
  await choice.selectOption("fr");
  await page.getByRole("button", { name: "Save language" }).click();

  // The whole page, header included, comes back in French at the French address.
  await expect(page).toHaveURL(/\/fr\/account\/language\?saved=1$/);
  await expect(html(page)).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1, name: "Votre langue" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Votre langue est enregistrée");
  await expect(page.getByTestId("language-chosen")).toHaveText("Votre langue\u202f: Français.");
  await expect(
    page.getByRole("navigation", { name: "Compte" }).getByRole("button", { name: "Se déconnecter" }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Signing in again in a browser that has never seen the registry and prefers English: French all the same.
  const elsewhere = await browser.newContext({ locale: "en-GB" });
  try {
    const other = await elsewhere.newPage();
    await signIn(other, email);
    await expect(other).toHaveURL(/\/fr\/my-work$/);
    await expect(html(other)).toHaveAttribute("lang", "fr");
    await expect(
      other.getByRole("navigation", { name: "Compte" }).getByRole("link", { name: "Mon travail" }),
    ).toBeVisible();

    // Switching back from the header while signed in changes the profile too.
    await switcher(other, "Langue").getByRole("link", { name: "English" }).click();
    await expect(other).toHaveURL(/\/my-work$/);
    await expect(other).not.toHaveURL(/\/fr\//);
    await expect(html(other)).toHaveAttribute("lang", "en");
    await other
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "Language" })
      .click();
    await expect(other.getByTestId("language-chosen")).toHaveText("Your language: English.");
  } finally {
    await elsewhere.close();
  }
});
