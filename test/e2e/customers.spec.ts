import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signInAsOwner } from "./helpers";

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

// Works on a customer of its own (a unique name and email), so the demo customers other specs read stay as seeded.
test("the owner adds a customer, fixes a bad email, edits it, notes a call and archives it", async ({ page }) => {
  // A long walk through five pages (and two phone-sized views): more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const name = `Hedy Lamarr ${stamp}`;
  await signInAsOwner(page);

  await page.goto("/app/customers");
  await expect(page.getByRole("heading", { name: "Customers" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Barbara Liskov", exact: true })).toBeVisible();
  await shot(page, "customers-list");

  await page.getByRole("link", { name: "New customer" }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Company (optional)").fill("Frequency Labs");
  await page.getByLabel("Email", { exact: true }).fill("hedy-at-example.test");
  await page.getByLabel("Phone (optional)").fill("+1 555 0199");
  await page.getByLabel("Time zone").selectOption("Europe/Vienna");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("alert")).toHaveText("Please fix the fields marked below.");
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Vienna");
  await shot(page, "customers-new-errors");

  await page.getByLabel("Email", { exact: true }).fill(`hedy-${stamp}@example.test`);
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByText("Frequency Labs ·")).toBeVisible();
  await expect(page.getByTestId("payer-reason")).toHaveText("No paid or overdue invoices yet");

  await page.getByRole("link", { name: "Edit details" }).click();
  await page.getByLabel("Company (optional)").fill("Spread Spectrum Inc");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText("Customer details saved.");
  await expect(page.getByText("Spread Spectrum Inc ·")).toBeVisible();

  const timeline = page.getByRole("list", { name: "Timeline" });
  await page.getByRole("textbox", { name: "Call note" }).fill("ok");
  await page.getByRole("button", { name: "Add call note" }).click();
  await expect(page.getByText("Write at least 3 characters about the call.")).toBeVisible();
  await page.getByRole("textbox", { name: "Call note" }).fill("Spoke to Hedy. She will pay the deposit on Friday.");
  await page.getByLabel("Outcome").selectOption({ label: "Promised to pay" });
  await page.getByRole("button", { name: "Add call note" }).click();
  await expect(page.getByRole("status")).toHaveText("Call note added to the timeline.");
  const note = timeline.getByRole("listitem").filter({ hasText: "Spoke to Hedy. She will pay the deposit on Friday." });
  await expect(note).toContainText("Promised to pay");
  await expect(note).toContainText("Olivia Northwind");
  await expect(page.getByRole("textbox", { name: "Call note" })).toHaveValue("");
  await expect(timeline).toContainText("Details changed: company");
  await shot(page, "customers-page");

  await page.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Customer archived.");
  await page.getByRole("link", { name: "← Customers" }).click();
  await expect(page.getByRole("link", { name: "Barbara Liskov", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  await page.getByLabel("Show").selectOption("archived");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Barbara Liskov", exact: true })).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/app/customers");
  await shot(page, "customers-list-phone");
  await page.goto("/app/customers/new");
  await page.getByLabel("Email", { exact: true }).fill("nope");
  await page.getByRole("button", { name: "Add customer" }).click();
  await expect(page.getByText("Enter the customer's name.")).toBeVisible();
  await shot(page, "customers-new-errors-phone");
  await page.goto("/app/customers?archived=archived");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await shot(page, "customers-page-phone");
});

test("a paid invoice offers no reminder pause on the customer's page, and can still be emailed", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto("/app/customers");
  await page.getByRole("link", { name: "Ada Lovelace", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Ada Lovelace" })).toBeVisible();
  // INV-0971 is paid in the demo data.
  const paid = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: "Email invoice" }) }).filter({ hasText: "INV-0971" });
  await expect(paid).toContainText("Paid");
  await expect(paid.getByRole("button", { name: "Email invoice" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Pause INV-0971" })).toHaveCount(0);
});
