import { expect, test } from "./fixtures";
import { createCustomerWithInvoice, portalLinkPath } from "./data";
import { demoState } from "./state";

test("the demo customer opens the portal link and sees only their invoices", async ({ page }) => {
  await page.goto(demoState().portalLink);
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByText("Hello Ada Lovelace")).toBeVisible();
  await expect(page.getByText("$2,505.00", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Pay $2,505.00 now" })).toBeVisible();
  for (const number of ["INV-1001", "INV-0994", "INV-0971"]) await expect(page.getByRole("link", { name: number, exact: true })).toBeVisible();
  await expect(page.getByText("INV-0950")).toHaveCount(0);
  await expect(page.getByText("Overdue · 20 days")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/portal.png", fullPage: true });
});

test("the portal home and an invoice are sent without the app's JavaScript and work as plain pages; the pay page keeps its script", async ({ page, context }) => {
  await page.goto(demoState().portalLink);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  // No module of the app (Remix's <Scripts/> preloads each), and one inline script: the language switch's one line
  // (docs/decisions/034-first-load.md).
  await expect(page.locator('link[rel="modulepreload"]')).toHaveCount(0);
  await expect(page.locator("script")).toHaveCount(1);
  // A modified click is the browser's own (a new tab); a plain click loads the invoice's page.
  const popup = context.waitForEvent("page");
  await page.getByRole("link", { name: "INV-1001", exact: true }).click({ modifiers: ["ControlOrMeta"] });
  await (await popup).close();
  await expect(page).toHaveURL(/\/portal$/);
  await page.getByRole("link", { name: "INV-1001", exact: true }).click();
  await expect(page).toHaveURL(/\/portal\/invoices\//);
  await expect(page.getByRole("heading", { name: /INV-1001/ })).toBeVisible();
  await expect(page.locator('link[rel="modulepreload"]')).toHaveCount(0);
  await expect(page.locator("script")).toHaveCount(1);
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  // The pay page updates its fees as the amount is typed: it hydrates.
  await page.getByRole("button", { name: "Pay $2,505.00 now" }).click();
  await expect(page).toHaveURL(/\/portal\/pay\?/);
  await expect(page.locator('link[rel="modulepreload"]').first()).toBeAttached();
  await page.waitForFunction(() => Object.keys(document.querySelector("form") ?? {}).some((key) => key.startsWith("__reactProps")));
});

test("an unknown link leads to asking for a fresh one, which arrives by email and works", async ({ page }) => {
  await page.goto(`/portal/access/${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "We could not recognise this link." })).toBeVisible();
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a new link" }).click();
  await expect(page.getByText("Enter the email address your invoices are sent to.")).toBeVisible();
  await page.getByLabel("Email address").fill("ada@analytical.test");
  await page.getByRole("button", { name: "Email me a new link" }).click();
  await expect(page.getByRole("status")).toContainText("If ada@analytical.test is an address we send invoices to");

  await page.goto("/dev/mailbox");
  const message = page.getByRole("link", { name: /Your account with Northwind Studio/ }).first();
  await expect(message).toContainText("To ada@analytical.test");
  await message.click();
  await page.getByRole("link", { name: "Plain text" }).click();
  const text = await page.getByTestId("email-text").innerText();
  const link = /https?:\/\/\S+\/portal\/access\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
});

test("a visitor without a portal session is asked for their email", async ({ page }) => {
  await page.goto("/portal");
  await expect(page).toHaveURL(/\/portal\/expired$/);
  await expect(page.getByRole("heading", { name: "Your session has ended." })).toBeVisible();
});

// The portal session lasts 7 days of app time, so the clock moves less than that.
test("moving the app clock forward turns a due-soon invoice overdue", async ({ page, request }) => {
  await page.goto(demoState().portalLink);
  const row = page.getByRole("region", { name: "To pay" }).getByRole("listitem").filter({ hasText: "INV-1001" });
  await expect(row).toContainText("Due soon");
  expect((await request.post("/dev/clock", { form: { offsetDays: "5" } })).ok()).toBe(true);
  try {
    await page.reload();
    await expect(row).toContainText("Overdue · 1 day");
  } finally {
    await request.post("/dev/clock", { form: { offsetDays: "0" } });
  }
  await page.reload();
  await expect(row).toContainText("Due soon");
});

// A slow phone shows the plan page before its scripts have run: what the customer picks in that window is what
// the page goes on with once they do (it used to go back to the defaults, and a CI run on a loaded machine met it).
test("choices made on the plan page before its scripts run are kept when they do", async ({ page }) => {
  const today = new Date().toISOString().slice(0, 10);
  const world = await createCustomerWithInvoice({ name: "Early Chooser", amountCents: 30_000, issueDate: today, dueDate: today });
  await page.goto(await portalLinkPath(world.customerId));
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/build/**/*.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole("button", { name: "Pay over time" }).first().click();
  await expect(page.getByRole("heading", { name: "Pay over time" })).toBeVisible();
  await page.getByLabel("Number of instalments").selectOption("2");
  await page.getByLabel("How often").selectOption("WEEKLY");
  await page.getByRole("radio", { name: /Bank account \(ACH\)/ }).check();
  // Not hydrated yet: the preview still shows the page's first schedule (3 monthly by card). By bank, each
  // instalment has the demo business's 1% bank discount off: 2 × $148.50.
  await expect(page.getByRole("button", { name: "Agree and pay $100.00 today" })).toBeVisible();

  release();
  await expect(page.getByRole("button", { name: "Agree and pay $148.50 today" })).toBeVisible();
  await expect(page.getByLabel("Number of instalments")).toHaveValue("2");
  await expect(page.getByLabel("How often")).toHaveValue("WEEKLY");
  await expect(page.getByRole("radio", { name: /Bank account \(ACH\)/ })).toBeChecked();
  await expect(page.getByTestId("plan-schedule").getByRole("row")).toHaveCount(4); // header, 2 instalments, total
  await page.getByRole("checkbox", { name: /I agree to this plan/ }).check();
  await page.getByRole("button", { name: "Agree and pay $148.50 today" }).click();
  await expect(page.getByRole("heading", { name: "Pay instalment 1: $148.50 by bank account" })).toBeVisible();
});
