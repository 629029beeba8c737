// Issue 18: the owner refunds part of a card payment from its page; the customer is emailed, sees the refund on
// the payment, and the refunded part owed again on the invoice.
import { expect, test } from "./fixtures";
import { portalLinkFor, readLatestEmail, signInAsOwner } from "./helpers";

test("the owner refunds part of a card payment; the portal shows the refund and the reopened balance", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signInAsOwner(page);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Payments" }).click();
  const row = page.getByRole("table").getByRole("row").filter({ hasText: "Ada Lovelace" }).filter({ hasText: "$1,025.00" }).filter({ hasText: "INV-1001" });
  await row.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "$1,025.00 from Ada Lovelace" })).toBeVisible();

  const form = page.getByRole("form", { name: "Refund this payment" });
  await form.getByLabel("Amount (USD)").fill("2000");
  await form.getByLabel("Reason (the customer sees it)").fill("");
  await form.getByRole("button", { name: "Refund" }).click();
  await expect(form.getByText("That is more than is left to refund on this payment.")).toBeVisible();
  await expect(form.getByText("Say why you are refunding")).toBeVisible();

  await form.getByLabel("Amount (USD)").fill("25.00");
  await form.getByLabel("Reason (the customer sees it)").fill("The March session was charged twice");
  await form.getByLabel(/The customer owes it again/).check();
  await form.getByRole("button", { name: "Refund" }).click();
  await expect(page.getByRole("status")).toContainText("Refund sent. The customer is emailed.");
  const refunds = page.getByRole("list", { name: "Refunds of this payment" });
  await expect(refunds).toContainText("$25.00 · owed again");
  await expect(refunds).toContainText("Refunded");
  await expect(page.getByText("Up to $1,000.00 can still go back")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/owner-refund.png", fullPage: true });

  const mail = await readLatestEmail(page, "ada@analytical.test", /Northwind Studio refunded \$25\.00 to you/);
  expect(mail).toContain("The March session was charged twice");
  expect(mail).toContain("open again on INV-1001");

  const link = await portalLinkFor(page, "Ada Lovelace", "ada@analytical.test");
  const customer = await (await browser.newContext()).newPage();
  await customer.goto(link);
  await customer.getByRole("link", { name: "INV-1001", exact: true }).first().click();
  await expect(customer.getByRole("heading", { name: "Invoice INV-1001" })).toBeVisible();
  await expect(customer.getByRole("link", { name: "Pay $25.00" })).toBeVisible();
  await expect(customer.getByRole("rowheader", { name: /Refunded to you .*The March session was charged twice/ })).toBeVisible();
  await customer.goto(`${new URL(customer.url()).origin}/portal`);
  await customer.screenshot({ path: "test-results/screens/portal-after-refund.png", fullPage: true });
  await customer.context().close();
});
