import { expect, test } from "./fixtures";
import { OWNER } from "./state";

test("the owner signs in, sees the demo invoices, sends a test email and reads it in the dev mailbox", async ({ page }) => {
  await page.goto("/app");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fapp$/);

  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That email and password do not match an account.");
  await expect(page.getByLabel("Email")).toHaveValue(OWNER.email);

  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/app$/);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  const invoices = page.getByRole("table");
  for (const number of ["INV-0950", "INV-0975", "INV-0990", "INV-0995", "INV-0998", "INV-1001", "INV-0996", "INV-0992"]) {
    await expect(invoices.getByRole("cell", { name: number })).toBeVisible();
  }
  await expect(invoices.getByRole("row", { name: /INV-0950/ })).toContainText("Overdue · 95 days");
  await expect(invoices.getByRole("row", { name: /INV-0996/ })).toContainText("Partly paid");
  await expect(invoices.getByRole("row", { name: /INV-0992/ })).toContainText("Paid");
  await expect(page.getByText("Barbara Liskov").first()).toBeVisible();
  await page.screenshot({ path: "test-results/screens/owner-overview.png", fullPage: true });

  await page.getByRole("button", { name: "Send me a test email" }).click();
  await expect(page.getByRole("status")).toContainText(`Test email queued to ${OWNER.email}`);

  await page.getByRole("link", { name: "Mailbox", exact: true }).click();
  await expect(page).toHaveURL(/\/dev\/mailbox$/);
  await expect(page.getByRole("heading", { name: "Development mailbox" })).toBeVisible();
  const message = page.getByRole("link", { name: /Test email from Northwind Studio/ });
  await expect(async () => {
    await page.reload();
    await expect(message).toContainText("SENT", { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.getByRole("link", { name: /New sign-in to Northwind Studio/ }).first()).toBeVisible();
  await message.click();
  await expect(page.frameLocator("iframe[title='Email HTML']").getByText("This is a test email you asked for")).toBeVisible();
  await page.getByRole("link", { name: "Plain text" }).click();
  await expect(page.getByTestId("email-text")).toContainText("Hi Olivia Northwind");
  await page.screenshot({ path: "test-results/screens/dev-mailbox.png" });

  await page.goto("/app");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/app");
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
});

test("health check reports the database", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, database: "up" });
});

test("the owner's money page shows the aging of the demo book and what led to payments", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/app$/);
  await page.getByRole("link", { name: "Money" }).click();
  await expect(page.getByRole("heading", { name: "Money" })).toBeVisible();
  // The demo book is in dollars (other specs may add a customer billed in another currency: a section of its own).
  const aging = page.getByTestId("money-USD").getByTestId("aging");
  // INV-0950 (Barbara Liskov, 95 days late, $1,700.00) and INV-0975 (Edsger Dijkstra, 45 days, $3,900.00).
  await expect(aging.locator("div").filter({ hasText: "Over 90 days" })).toContainText("$1,700.00");
  await expect(aging.locator("div").filter({ hasText: "31–60 days" })).toContainText("$3,900.00");
  await expect(page.getByTestId("money-USD").getByText("Realization rate")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/owner-money.png", fullPage: true });
});

test("the tier board groups overdue invoices by tier, and a bulk pause and resume work", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/app$/);
  await page.getByRole("link", { name: "Board" }).click();
  await expect(page.getByRole("heading", { name: "Tier board" })).toBeVisible();
  // INV-0990 is 20 days late (the firm tier), INV-0950 95 days (collections).
  const firm = page.getByTestId("tier-FIRM");
  const card = firm.getByTestId("board-card").filter({ hasText: "INV-0990" });
  await expect(card).toContainText("Katherine Johnson");
  await expect(card).toContainText("20 days overdue");
  await expect(page.getByTestId("tier-COLLECTIONS").getByTestId("board-card").filter({ hasText: "INV-0950" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/owner-board.png", fullPage: true });

  await card.getByRole("checkbox", { name: "Select INV-0990" }).check();
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("status")).toHaveText("Paused reminders for 1 invoice.");
  await expect(card).toContainText("Paused");
  await expect(card).toContainText("Held: reminders paused");
  await card.getByRole("checkbox", { name: "Select INV-0990" }).check();
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByRole("status")).toHaveText("Resumed reminders for 1 invoice.");
  await expect(card).not.toContainText("Paused");

  // An action with nothing selected says what to do.
  await page.getByRole("button", { name: "Send next reminder now" }).click();
  await expect(page.getByRole("alert")).toHaveText("Select at least one invoice first.");
});

test("business settings refuse a bad colour and a too-long link lifetime, keep what was typed, and save nothing", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/app$/);
  await page.goto("/app/settings");
  const form = page.getByRole("form", { name: "Business settings" });
  await form.getByLabel("Business name").fill("Northwind Studio & Co");
  await form.getByLabel("Brand colour").fill("teal");
  await form.getByLabel("Portal links last (days)").fill("365");
  await form.getByRole("button", { name: "Save business settings" }).click();
  await expect(form.getByText("Enter the brand colour as # and six hex digits, like #0f766e.")).toBeVisible();
  await expect(form.getByText("Portal links can last at most 90 days.")).toBeVisible();
  await expect(form.getByText("Check the fields marked above: nothing was saved.")).toBeVisible();
  await expect(form.getByLabel("Business name")).toHaveValue("Northwind Studio & Co");
  await page.goto("/app/settings");
  await expect(page.getByRole("form", { name: "Business settings" }).getByLabel("Business name")).toHaveValue("Northwind Studio");
  await page.screenshot({ path: "test-results/screens/owner-settings.png", fullPage: true });
});
