import { expect, test, type Page } from "@playwright/test";

import { actAs, signIn } from "./auth-helpers";
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

// Issue #13, the public pages: the directory, a centre, the export, the feed
// and the sitemap in the visitor's language.

test("a visitor switches to French on /centres, searches, opens a centre and exports CSV, staying in French", async ({
  browser,
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto("/centres");
  await switcher(page).getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(/\/fr\/centres$/);
  await expect(page.getByRole("heading", { level: 1, name: "Trouver un centre" })).toBeVisible();
  // The form keeps the language without JavaScript: its action is the French address.
  await expect(page.locator("form:has(#q)")).toHaveAttribute("action", "/fr/centres");

  await page.getByRole("searchbox", { name: "Mots-clés" }).fill("telemedicine");
  await page.getByRole("button", { name: "Rechercher", exact: true }).click();
  await expect(page).toHaveURL(/\/fr\/centres\?q=telemedicine$/);
  await expect(
    page.getByRole("heading", { level: 2, name: /^\d+ centres? pour «\stelemedicine\s»$/ }),
  ).toBeVisible();
  // Facets named in French, chosen by code: the URL is the same search in every language.
  await page
    .getByRole("group", { name: "Région" })
    .getByRole("checkbox", { name: /Région européenne/ })
    .check();
  await page.getByRole("button", { name: "Appliquer les filtres" }).click();
  await expect(page).toHaveURL(/\/fr\/centres\?q=telemedicine&region=EURO$/);
  const results = page.getByRole("list", { name: "Centres trouvés" });
  await expect(results.getByText("Norvège").first()).toBeVisible();
  await expect(results).toContainText("Informatique et télémédecine");

  const csvLink = page.getByRole("link", { name: "CSV", exact: true });
  await expect(csvLink).toHaveAttribute("href", "/api/v1/centres.csv?q=telemedicine&region=EURO&lang=fr");
  const downloadPromise = page.waitForEvent("download");
  await csvLink.click();
  const csv = Buffer.concat(await (await (await downloadPromise).createReadStream()).toArray()).toString(
    "utf8",
  );
  const [header, ...rows] = csv.trimEnd().split("\r\n");
  expect(header).toBe(
    "Référence,Titre,Statut,Région,Pays,Ville,Institution,À l’initiative de,Thèmes,Types d’activité,Première désignation,Début de la période,Fin de la période,Site web,Page du registre",
  );
  expect(rows.some((row) => row.startsWith("NOR-18,"))).toBe(true);

  await results
    .getByRole("link", { name: "WHO Collaborating Centre for Digital Health and Telemedicine" })
    .click();
  await expect(page).toHaveURL(/\/fr\/centres\/NOR-18$/);
  await expect(html(page)).toHaveAttribute("lang", "fr");
  const fact = (label: string) => page.locator(`dt:text-is("${label}") + dd`);
  await expect(fact("Pays")).toHaveText("Norvège");
  await expect(fact("Région")).toHaveText("Région européenne (EURO)");
  await expect(fact("Première désignation")).toHaveText("5 juillet 2002");
  await expect(page.getByRole("heading", { name: "Mandat et plan de travail" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Historique des désignations" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: "Norvège" }),
  ).toHaveAttribute("href", "/fr/centres?country=NOR");

  // Without JavaScript the search form submits to the French address, and the
  // page's redirect to the canonical search keeps it.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  try {
    await plain.goto("/fr/centres");
    await plain.getByRole("searchbox", { name: "Mots-clés" }).fill("nursing");
    await plain.getByRole("button", { name: "Rechercher", exact: true }).click();
    await expect(plain).toHaveURL(/\/fr\/centres\?q=nursing$/);
    await expect(plain.locator("html")).toHaveAttribute("lang", "fr");
  } finally {
    await noScript.close();
  }
});

test("the directory and a centre page in Arabic read right to left, pass axe and mirror the layout", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/ar/centres?q=telemedicine");
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "البحث عن مركز" })).toBeVisible();
  const results = page.getByRole("list", { name: "المراكز التي عُثر عليها" });
  // The centres' own titles keep their direction inside the Arabic page, isolated in <bdi>.
  await expect(results.locator("h3 bdi").first()).toHaveText(/^WHO /);
  await expect(page.getByRole("group", { name: "الإقليم" })).toContainText("الإقليم الأوروبي");
  // The filters sit at the start of the line, which is now the left.
  const list = (await results.boundingBox())!;
  const filters = (await page.getByRole("complementary", { name: "عوامل التصفية" }).boundingBox())!;
  expect(filters.x + filters.width).toBeLessThanOrEqual(list.x);
  for (const summary of await page.locator("details > summary:visible").all()) await summary.click();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath("ar-centres.png"), fullPage: true });

  await page.goto("/ar/centres/NOR-18");
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 }).locator("bdi")).toHaveText(
    "WHO Collaborating Centre for Digital Health and Telemedicine",
  );
  await expect(page.locator('dt:text-is("البلد") + dd')).toHaveText("النرويج");
  await expect(page.getByRole("heading", { name: "الاختصاصات وخطة العمل" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: testInfo.outputPath("ar-centre.png"), fullPage: true });
});

test("signing in in Arabic reads right to left, and the form's refusals come in the page's language", async ({
  page,
}) => {
  await page.goto("/ar/sign-in");
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  await expect(page).toHaveTitle(/^تسجيل الدخول/);
  await expect(page.getByRole("heading", { level: 1, name: "تسجيل الدخول" })).toBeVisible();
  await expect(page.getByLabel("عنوان البريد الإلكتروني")).toBeVisible();
  await expect(page.getByLabel("كلمة المرور", { exact: true })).toBeVisible();
  await expect(page.getByLabel("رمز التحقق بخطوتين")).toBeVisible();
  await expect(page.getByRole("link", { name: "هل نسيت كلمة المرور؟" })).toHaveAttribute(
    "href",
    "/ar/forgot-password",
  );
  await expectNoSeriousA11yViolations(page);

  // A wrong password (an address with no account: no demo account's throttle moves), refused in French.
  await page.goto("/fr/sign-in");
  await page.getByLabel("Adresse électronique").fill(`personne-${Date.now()}@example.org`);
  await page.getByLabel("Mot de passe", { exact: true }).fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Se connecter" }).click();
  const alert = page.locator("form [role=alert]");
  await expect(alert).toContainText("L’adresse électronique ou le mot de passe est incorrect.");
  await expect(alert.getByRole("link", { name: /^Mot de passe/ })).toContainText(
    "Vérifiez l’adresse électronique et le mot de passe, puis réessayez.",
  );
  // The screen reader's prefix before the field's error is French too.
  await expect(page.locator("#field-password-error")).toHaveText(
    "Erreur\u202f: Vérifiez l’adresse électronique et le mot de passe, puis réessayez.",
  );
  await expect(html(page)).toHaveAttribute("lang", "fr");

  // A zod error (an empty field) in Spanish, on the page to ask for a new password.
  await page.goto("/es/forgot-password");
  await expect(page.getByRole("heading", { level: 1, name: "Definir una nueva contraseña" })).toBeVisible();
  await page.getByRole("button", { name: "Enviarme un enlace" }).click();
  await expect(page.locator("#field-email-error")).toHaveText(
    "Error: Escriba una dirección de correo electrónico.",
  );
});

test("the account pages and the invitation form speak the page's language, refusals included", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await actAs(page, "officer@who.example");
  await page.goto("/zh/account/two-factor");
  await expect(page.getByRole("heading", { level: 1, name: "两步验证登录" })).toBeVisible();
  await expect(page.getByTestId("two-factor-status")).toHaveText(/两步验证登录/);
  await page.goto("/ru/account/password");
  await expect(page.getByRole("heading", { level: 1, name: "Смена пароля" })).toBeVisible();
  await expect(page.getByLabel("Новый пароль")).toBeVisible();
  await expect(page.getByText("Не менее 8 символов; лучше 15 или больше.", { exact: false })).toBeVisible();
  await page.goto("/es/account/calendar");
  await expect(page.getByRole("heading", { level: 1, name: "Suscripción de calendario" })).toBeVisible();

  await page.goto("/ar/invite");
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "دعوة موظفي المركز" })).toBeVisible();
  await page.getByRole("button", { name: "إرسال الدعوة" }).click();
  await expect(page.locator("#field-name-error")).toHaveText("خطأ: أدخل اسم الشخص.");
  await expect(page.locator("#field-email-error")).toHaveText("خطأ: أدخل عنوان بريد إلكتروني.");
  await expectNoSeriousA11yViolations(page);
});

test("an invitation in Arabic: the mail reads right to left on the mail page, the invitee sets a password in Arabic", async ({
  browser,
  page,
}) => {
  test.setTimeout(150_000);
  const email = `arabic.${Date.now()}@who.example`;
  await actAs(page, "admin@registry.example");
  await page.goto("/invite");
  await page.getByLabel("Name").fill("Layla Haddad");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Role").selectOption("FOCAL_POINT");
  await page.getByLabel("Region").selectOption("EMRO");
  await page.getByLabel("Language for e-mails").selectOption("ar");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Layla Haddad" })).toBeVisible();

  await page.goto("/admin/mail");
  const message = page.getByTestId("mail-message").filter({ hasText: email });
  await expect(message.getByRole("heading")).toHaveText("دعوة إلى سجل المراكز المتعاونة");
  // The page is English; the Arabic mail keeps its own direction.
  for (const part of [message.getByRole("heading"), message.locator("p[dir]")])
    expect(await part.evaluate((element) => element.matches(":dir(rtl)"))).toBe(true);
  const link = await message.getByRole("link").getAttribute("href");
  expect(link).toMatch(/\/ar\/set-password\/[\w-]{43}$/);

  const context = await browser.newContext();
  try {
    const invitee = await context.newPage();
    await invitee.goto(link!);
    await expect(html(invitee)).toHaveAttribute("dir", "rtl");
    await expect(invitee.getByRole("heading", { level: 1, name: "مرحبًا بك، Layla Haddad" })).toBeVisible();
    await invitee.getByLabel("كلمة المرور الجديدة").fill("short");
    await invitee.getByLabel("اكتبها مرة أخرى").fill("short");
    await invitee.getByRole("button", { name: "تعيين كلمة المرور" }).click();
    await expect(invitee.locator("#field-password-error")).toHaveText(
      "خطأ: استخدم 8 أحرف على الأقل (ومن الأفضل 15 حرفًا أو أكثر).",
    );
    const password = "saffron kettle over the dunes";
    await invitee.getByLabel("كلمة المرور الجديدة").fill(password);
    await invitee.getByLabel("اكتبها مرة أخرى").fill(password);
    await invitee.getByRole("button", { name: "تعيين كلمة المرور" }).click();
    // Back on the sign-in page in the invitee's language.
    await expect(invitee).toHaveURL(/\/ar\/sign-in\?password=set/);
    await expect(invitee.getByRole("status")).toHaveText("تم تعيين كلمة المرور. سجّل الدخول بها الآن.");
  } finally {
    await context.close();
  }
});

test("the feed, the sitemap and the CSV speak the language they are asked for", async ({ request }) => {
  const feed = await (await request.get("/feeds/designations.atom?lang=es")).text();
  expect(feed).toContain('xml:lang="es"');
  expect(feed).toContain("<title>Centros colaboradores: designaciones y cambios de estado</title>");
  expect(feed).toMatch(/<link href="http:\/\/[^"]+\/es\/centres\/[A-Z]{3}-\d+"\/>/);
  expect((await request.get("/feeds/designations.atom?lang=xx")).status()).toBe(400);

  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toMatch(/<loc>http:\/\/[^<]+\/ar\/centres\/NOR-18<\/loc>/);
  expect(sitemap).toMatch(
    /<xhtml:link rel="alternate" hreflang="fr" href="http:\/\/[^"]+\/fr\/centres\/NOR-18" \/>/,
  );
  expect(sitemap).toMatch(
    /<xhtml:link rel="alternate" hreflang="x-default" href="http:\/\/[^"]+\/centres\/NOR-18" \/>/,
  );

  const machine = await (await request.get("/api/v1/centres.csv?region=EURO&lang=ar&header=machine")).text();
  expect(machine.split("\r\n")[0]).toBe(
    "reference,title,status,region,country,city,institution,initiator,subjects,activity_types,first_designated_on,term_start,term_end,website,url",
  );
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
