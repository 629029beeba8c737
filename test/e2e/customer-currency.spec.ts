import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { portalLinkIn, readLatestEmail, signInAsOwner } from "./helpers";

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

// Decision 033: a US-dollar business bills one customer in yen, in German; the yen never get decimals.
test("the owner bills a customer in yen in German: ¥120,000 without decimals in the owner's list and the portal", async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const name = `Kenji Brandt ${stamp}`;
  const email = `kenji-${stamp}@example.test`;
  await signInAsOwner(page);

  await page.goto("/app/customers/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Billed in").selectOption("JPY");
  await page.getByLabel("Language").selectOption({ label: "Deutsch" });
  await shot(page, "customer-currency-form");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByRole("link", { name: "Edit details" }).click();
  await expect(page.getByLabel("Billed in")).toHaveValue("JPY");
  await expect(page.getByLabel("Language")).toHaveValue("de");

  await page.goto("/app/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: `${name} · ${email}` });
  await expect(page.getByTestId("editor-currency")).toContainText("JPY");
  await page.getByLabel("Line 1 description").fill("Translation, 40 pages");
  await page.getByLabel("Line 1 unit price").fill("5.5");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/Line 1: .*5\.5/)).toBeVisible();
  await page.getByLabel("Line 1 unit price").fill("120000");
  await expect(page.getByTestId("editor-total")).toHaveText("¥120,000");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("button", { name: "Send invoice" }).click();
  await expect(page.getByRole("row", { name: /Balance due/ })).toContainText("¥120,000");
  await expect(page.getByRole("row", { name: /Balance due/ })).not.toContainText("¥120,000.");

  await page.goto("/app/invoices");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("¥120,000");
  await expect(row).not.toContainText("¥120,000.");

  await page.goto("/app");
  await expect(page.getByTestId("totals-JPY")).toContainText("¥120,000");
  await expect(page.getByTestId("totals-USD")).toContainText("$");
  await shot(page, "dashboard-two-currencies");

  const link = portalLinkIn(await readLatestEmail(page, email, /Northwind Studio/));
  await page.context().clearCookies();
  await page.goto(link);
  // German once its catalog is complete (OFFERED_LOCALES); yen without decimals in either language.
  await expect(page.getByText(/^(¥120,000|120\.000\s¥)$/).first()).toBeVisible();
  await expect(page.getByText(/120[.,]000[.,]00/)).toHaveCount(0);
  await shot(page, "portal-yen-german");
});
