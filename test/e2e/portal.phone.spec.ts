import { expect, test } from "./fixtures";
import { demoState } from "./state";

test("the portal fits a phone screen", async ({ page }) => {
  await page.goto(demoState().portalLink);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screens/portal-phone.png", fullPage: true });
});

test("pay over time fits a phone screen, with the whole schedule readable", async ({ page }) => {
  await page.goto(demoState().portalLink);
  await page.getByRole("button", { name: "Pay over time" }).first().click();
  await expect(page.getByRole("heading", { name: "Pay over time" })).toBeVisible();
  await expect(page.getByTestId("plan-schedule").getByRole("row")).toHaveCount(5);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screens/plan-builder-phone.png", fullPage: true });
});
