// Taps during hydration (app/utils/hydration-guard.ts). React 18 hydrates Remix's page in slices; a tap between two
// slices made it hydrate the rest at once, which on a slow machine failed with React error #345 and left the page
// without its scripts for good. A CI run met it on the pay page. Here the CPU is slowed 20x and the page is tapped
// throughout its hydration, load after load: no error in the page (the fixture fails the test on any), and each load
// ends hydrated (the total follows the amount, which only the page's scripts do). Without the guard this failed
// within a few loads.
import type { Page } from "@playwright/test";
import { createCustomerWithInvoice, createEuroCustomerWithInvoice, portalLinkPath } from "./data";
import { expect, test } from "./fixtures";
import { signInAsOwner } from "./helpers";

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

/** Holds the app's scripts back until `release()`: the page is on screen, with the guard on, and not hydrated. A
 * later call's route is tried first, so it holds again. */
async function holdScripts(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/build/**/*.js", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("a tap on a control that needs the scripts, made before they ran, is done once the page hydrates", async ({ page }) => {
  // The owner: the language tabs of a reminder's text are buttons that only work with scripts.
  await signInAsOwner(page);
  let release = await holdScripts(page);
  await page.goto("/app/reminders", { waitUntil: "commit" });
  const tabs = page.getByRole("tablist", { name: "Gentle reminder: language of the text" });
  await tabs.getByRole("tab", { name: /Français/ }).click();
  await expect(tabs.getByRole("tab", { name: /Français/ })).toHaveAttribute("aria-selected", "false");
  release();
  await expect(tabs.getByRole("tab", { name: /Français/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("form", { name: "Gentle reminder, Français text" })).toBeVisible();

  // The customer: on a page with scripts the language switch submits from its onChange.
  const today = new Date().toISOString().slice(0, 10);
  const world = await createCustomerWithInvoice({ name: "Early Switcher", amountCents: 30_000, issueDate: today, dueDate: today });
  await page.goto(await portalLinkPath(world.customerId));
  release = await holdScripts(page);
  await page.goto(`/portal/plan?invoice=${world.invoiceId}`, { waitUntil: "commit" });
  await page.locator("#language-switch").selectOption("de");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  release();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Pay over time");
  await page.locator("#language-switch").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
