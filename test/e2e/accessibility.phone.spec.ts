import { expectPagesAccessible, OWNER_PHONE_PAGES, ownerDetailPages } from "./accessibility";
import { test } from "./fixtures";
import { signInAsOwner } from "./helpers";
import { demoState } from "./state";

test.describe("accessibility on a phone (axe: no serious violations)", () => {
  test("the owner's pages used most on a phone", async ({ page }) => {
    test.setTimeout(300_000);
    await signInAsOwner(page);
    await expectPagesAccessible(page, [...OWNER_PHONE_PAGES, ...(await ownerDetailPages(page))]);
  });

  test("the customer's portal", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(demoState().portalLink);
    const invoice = await page.locator('a[href^="/portal/invoices/"]').first().getAttribute("href");
    const id = invoice!.split("/").pop()!;
    await expectPagesAccessible(page, ["/portal", invoice!, `/portal/pay?invoice=${id}`, `/portal/plan?invoice=${id}`]);
  });
});
