// The portal in each customer's language: a first visit follows the browser's languages, the switch remembers the
// choice (on the customer's record too), money and dates follow the language, and axe passes in every language.
import { ar as arabic } from "../../app/modules/i18n/messages/ar";
import { de as german } from "../../app/modules/i18n/messages/de";
import { en } from "../../app/modules/i18n/messages/en";
import { fr as french } from "../../app/modules/i18n/messages/fr";
import { LOCALES, LOCALE_NAMES } from "../../app/modules/i18n/locales";
import { seriousViolations } from "./accessibility";
import { createCustomerWithInvoice, customerLanguage, portalLinkPath } from "./data";
import { expect, test } from "./fixtures";
import type { Catalog } from "../../app/modules/i18n/messages/en";

// Complete catalogs (catalogs.test.ts checks that every language has every key).
const ar = arabic as Catalog;
const de = german as Catalog;
const fr = french as Catalog;

const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
const heading = (catalog: Catalog) => catalog["home.heading"];

test("a first visit follows the browser's languages: German amounts and dates, <html lang>", async ({ browser }) => {
  const c = await createCustomerWithInvoice({ name: "Kunde Berlin", amountCents: 123_450, issueDate: day(-5), dueDate: day(25) });
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await page.goto(await portalLinkPath(c.customerId));
  await expect(page.getByRole("heading", { name: heading(de) })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByText(new Intl.NumberFormat("de", { style: "currency", currency: "USD" }).format(1234.5)).first()).toBeVisible();
  // Nothing was chosen: the record keeps no language (emails go in the business's language).
  expect(await customerLanguage(c.customerId)).toBeNull();
  await context.close();
});

test("the language switch remembers the choice in the browser and on the customer's record", async ({ browser }) => {
  const c = await createCustomerWithInvoice({ name: "Client Lyon", amountCents: 50_000, issueDate: day(-5), dueDate: day(25) });
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(await portalLinkPath(c.customerId));
  await expect(page.getByRole("heading", { name: heading(en) })).toBeVisible();
  await page.getByLabel(en["common.language"]).selectOption({ label: LOCALE_NAMES.fr });
  await expect(page.getByRole("heading", { name: heading(fr) })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  // The invoice page and the pay page are in French too.
  await page.getByRole("link", { name: c.number }).click();
  await expect(page.getByRole("heading", { name: fr["invoice.heading"].replace("{number}", c.number) })).toBeVisible();
  expect(await customerLanguage(c.customerId)).toBe("fr");
  await context.close();

  // Another browser that asks for English: the customer's own choice wins.
  const other = await browser.newContext({ locale: "en-US" });
  const again = await other.newPage();
  await again.goto(await portalLinkPath(c.customerId));
  await expect(again.getByRole("heading", { name: heading(fr) })).toBeVisible();
  await other.close();
});

test("the expired-link page follows the browser and has its own switch", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ar-EG" });
  const page = await context.newPage();
  await page.goto("/portal/expired?reason=expired");
  await expect(page.getByRole("heading", { name: ar["access.expired"] })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByLabel(ar["common.language"]).selectOption({ label: LOCALE_NAMES.en });
  await expect(page.getByRole("heading", { name: en["access.expired"] })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await context.close();
});

test("axe finds no serious violation on the portal's pages in any language", async ({ browser }) => {
  test.setTimeout(240_000);
  const c = await createCustomerWithInvoice({ name: "Polyglot Partners", amountCents: 90_000, issueDate: day(-40), dueDate: day(-10) });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(await portalLinkPath(c.customerId));
  const report: string[] = [];
  for (const locale of LOCALES) {
    // The switch's label is in the page's current language: found by its place, then checked for a name.
    const select = page.locator("#language-switch");
    await expect(select).toHaveAccessibleName(/\S/);
    await select.selectOption(locale);
    await expect(page.locator("html")).toHaveAttribute("lang", locale === "zh" ? "zh-CN" : locale);
    for (const path of ["/portal", `/portal/invoices/${c.invoiceId}`, `/portal/pay?invoice=${c.invoiceId}`, `/portal/plan?invoice=${c.invoiceId}`]) {
      await page.goto(path);
      report.push(...(await seriousViolations(page, `${locale} ${path}`)));
    }
    await page.goto("/portal");
  }
  expect(report, "serious accessibility violations").toEqual([]);
  await context.close();
});
