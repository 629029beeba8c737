// Arabic on a phone: the portal lays out from the right and nothing overflows the screen sideways.
import { ar as arabic } from "../../app/modules/i18n/messages/ar";
import { createCustomerWithInvoice, portalLinkPath } from "./data";
import { expect, test } from "./fixtures";
import type { Catalog } from "../../app/modules/i18n/messages/en";

// Complete catalogs (catalogs.test.ts checks that every language has every key).
const ar = arabic as Catalog;

const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

test("the portal in Arabic is right to left and fits a phone", async ({ page }) => {
  const c = await createCustomerWithInvoice({ name: "شركة النخيل", amountCents: 245_075, issueDate: day(-40), dueDate: day(-10), language: "ar" });
  await page.goto(await portalLinkPath(c.customerId));
  await expect(page.getByRole("heading", { name: ar["home.heading"] })).toBeVisible();
  const html = page.locator("html");
  await expect(html).toHaveAttribute("lang", "ar");
  await expect(html).toHaveAttribute("dir", "rtl");
  for (const path of ["/portal", `/portal/invoices/${c.invoiceId}`, `/portal/pay?invoice=${c.invoiceId}`, `/portal/plan?invoice=${c.invoiceId}`]) {
    await page.goto(path);
    await expect(html).toHaveAttribute("dir", "rtl");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} is wider than the phone`).toBeLessThanOrEqual(0);
    // The page's start is on the right: the main heading's right edge is near the screen's right edge.
    const box = await page.locator("main h1").first().boundingBox();
    const width = page.viewportSize()!.width;
    expect(width - (box!.x + box!.width), `${path}: the heading starts at the right`).toBeLessThan(40);
  }
  await page.goto(`/portal/invoices/${c.invoiceId}`);
  await page.screenshot({ path: "test-results/portal-ar-phone.png", fullPage: true });
});
