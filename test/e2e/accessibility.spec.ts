import { emailViolations, expectPagesAccessible, OWNER_PAGES, ownerDetailPages } from "./accessibility";
import { expect, test } from "./fixtures";
import { signInAsOwner } from "./helpers";
import { demoState } from "./state";

test.describe("accessibility on a laptop (axe: no serious violations)", () => {
  test("the sign-in page and the expired-link page", async ({ page }) => {
    await expectPagesAccessible(page, ["/login", "/portal/expired"]);
  });

  test("every page of the owner's workspace", async ({ page }) => {
    test.setTimeout(300_000);
    await signInAsOwner(page);
    await expectPagesAccessible(page, [...OWNER_PAGES, ...(await ownerDetailPages(page))]);
  });

  test("the emails customers receive", async ({ page }) => {
    test.setTimeout(300_000);
    await signInAsOwner(page);
    expect(await emailViolations(page), "serious accessibility violations in emails").toEqual([]);
  });

  test("the customer's portal: invoices, an invoice, paying, a plan", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(demoState().portalLink);
    const invoice = await page.locator('a[href^="/portal/invoices/"]').first().getAttribute("href");
    const id = invoice!.split("/").pop()!;
    await expectPagesAccessible(page, ["/portal", invoice!, `/portal/pay?invoice=${id}`, `/portal/plan?invoice=${id}`]);
  });
});
