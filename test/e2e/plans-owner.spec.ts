import { expect, test } from "./fixtures";
import { signInAsOwner } from "./helpers";

test("the owner sets the payment plan rules: a clear error keeps what they typed, then the fix saves", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto("/app/settings");
  const form = page.getByRole("form", { name: "Payment plans" });
  await expect(form.getByLabel("Minimum balance ($)")).toHaveValue("100.00");
  await expect(form.getByLabel("Every two weeks")).toBeChecked();

  await form.getByLabel("Minimum balance ($)").fill("150.00");
  await form.getByLabel("Fewest instalments").fill("5");
  await form.getByLabel("Most instalments").fill("3");
  await form.getByLabel("Notice (days before a charge)").fill("2");
  await form.getByLabel("Every week").uncheck();
  await form.getByRole("button", { name: "Save plan rules" }).click();

  await expect(form.getByText("Most instalments must be at least the fewest.")).toBeVisible();
  await expect(form.getByLabel("Most instalments")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("alert")).toHaveText("Check the fields marked above: nothing was saved.");
  await expect(form.getByLabel("Minimum balance ($)")).toHaveValue("150.00");
  await expect(form.getByLabel("Fewest instalments")).toHaveValue("5");
  await expect(form.getByLabel("Notice (days before a charge)")).toHaveValue("2");
  await expect(form.getByLabel("Every week")).not.toBeChecked();
  await expect(form.getByLabel("Every month")).toBeChecked();

  // A reload shows the saved rules: nothing was saved by the bad attempt.
  await page.reload();
  await expect(form.getByLabel("Fewest instalments")).toHaveValue("2");

  // Back to the demo's rules, which the portal specs rely on.
  await form.getByLabel("Fewest instalments").fill("5");
  await form.getByLabel("Most instalments").fill("3");
  await form.getByRole("button", { name: "Save plan rules" }).click();
  await expect(form.getByText("Most instalments must be at least the fewest.")).toBeVisible();
  await form.getByLabel("Fewest instalments").fill("2");
  await form.getByLabel("Most instalments").fill("6");
  await form.getByRole("button", { name: "Save plan rules" }).click();
  await expect(form.getByRole("status")).toHaveText("Payment plan rules saved.");
  await expect(form.getByText("Most instalments must be at least the fewest.")).toHaveCount(0);

  await page.reload();
  await expect(form.getByLabel("Fewest instalments")).toHaveValue("2");
  await expect(form.getByLabel("Most instalments")).toHaveValue("6");
  await expect(form.getByLabel("Every week")).toBeChecked();
});

test("the owner opens the payment plans page from the nav and runs the due plan charges", async ({ page }) => {
  await signInAsOwner(page);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Plans" }).click();
  await expect(page).toHaveURL(/\/app\/plans$/);
  await expect(page.getByRole("heading", { name: "Payment plans" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Plan status" });
  await expect(tabs.getByRole("link", { name: /Active/ })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No plans here").or(page.getByRole("link", { name: /Plan details for/ }).first())).toBeVisible();

  await tabs.getByRole("link", { name: /All/ }).click();
  await expect(page).toHaveURL(/\/app\/plans\?status=all$/);
  await expect(tabs.getByRole("link", { name: /All/ })).toHaveAttribute("aria-current", "page");

  await page.getByRole("button", { name: "Run due plan charges now" }).click();
  await expect(page.getByRole("status")).toHaveText(/^Charged \d+ instalments?, sent \d+ notices?/);
});

test("a plan id that is not the owner's says it could not be found", async ({ page }) => {
  await signInAsOwner(page);
  const response = await page.goto("/app/plans/not-a-plan");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});
