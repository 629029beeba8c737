// Taps during hydration (app/utils/hydration-guard.ts). React 18 hydrates Remix's page in slices; a tap between two
// slices made it hydrate the rest at once, which on a slow machine failed with React error #345 and left the page
// without its scripts for good. A CI run met it on the pay page. Here the CPU is slowed 20x and the page is tapped
// throughout its hydration, load after load: no error in the page (the fixture fails the test on any), and each load
// ends hydrated (the total follows the amount, which only the page's scripts do). Without the guard this failed
// within a few loads.
import { createEuroCustomerWithInvoice } from "./data";
import { expect, test } from "./fixtures";

test("taps while the pay page hydrates on a slow phone: no error, and the page ends hydrated", async ({ page }) => {
  test.setTimeout(150_000);
  const today = new Date().toISOString().slice(0, 10);
  const world = await createEuroCustomerWithInvoice({ name: "Tapping Early", amountCents: 48_000, issueDate: today, dueDate: today });
  await page.goto(world.portalPath);
  const pay = `/portal/pay?invoice=${world.invoiceId}`;
  await page.goto(pay);
  const card = (await page.locator('input[name="method"][value="CARD"]').boundingBox())!;
  const sepa = (await page.locator('input[name="method"][value="SEPA_DEBIT"]').boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 20 });

  for (let load = 1; load <= 8; load++) {
    await page.goto(pay, { waitUntil: "commit" });
    let taps = 0;
    for (const end = Date.now() + 3_000; Date.now() < end; taps++) {
      const target = taps % 2 ? sepa : card;
      await page.mouse.click(target.x + target.width / 2, target.y + target.height / 2);
    }
    await page.locator("#otherAmount").fill("100");
    await expect(page.getByTestId("total-SEPA_DEBIT"), `load ${load}: the page hydrated`).toHaveText("€100.00", { timeout: 20_000 });
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
});
