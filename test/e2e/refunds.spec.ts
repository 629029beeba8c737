// Issue 18: the owner refunds part of a card payment from its page; the customer is emailed, sees the refund on
// the payment, and the refunded part owed again on the invoice.
import { expect, test } from "./fixtures";
import { portalLinkFor, portalLinkIn, readLatestEmail, signInAsOwner } from "./helpers";

test("the owner refunds part of a card payment; the portal shows the refund and the reopened balance", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signInAsOwner(page);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Payments" }).click();
  // The Overview lists recent payments too: wait for the Payments page before picking the row.
  await expect(page).toHaveURL(/\/app\/payments$/);
  await expect(page.getByRole("heading", { name: "Payments", level: 1 })).toBeVisible();
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

// Issue 18: a numbered credit note, then what is left written off as uncollectible; Money counts it as bad debt.
test("the owner credits part of an invoice with a credit note, then writes the rest off", async ({ page, browser }) => {
  test.setTimeout(60_000);
  await signInAsOwner(page);
  await page.goto("/app/invoices");
  await page.getByRole("link", { name: "INV-0995", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Invoice INV-0995" })).toBeVisible();
  const invoiceUrl = page.url();

  await page.getByText("Issue a credit note", { exact: true }).click();
  const credit = page.getByRole("form", { name: "Issue a credit note" });
  await credit.getByLabel("Amount to credit").fill("99999");
  await credit.getByLabel("Reason (the customer sees it)").fill("Two report sections were dropped");
  await credit.getByRole("button", { name: "Issue credit note" }).click();
  await expect(credit.getByText(/^Credit at most \$[\d,]+\.\d\d, the balance of the invoice\.$/)).toBeVisible();
  await credit.getByLabel("Amount to credit").fill("125.00");
  await credit.getByRole("button", { name: "Issue credit note" }).click();
  await expect(page.getByRole("status")).toContainText(/Credit note CN-\d{4} for \$125\.00 issued/);
  const notes = page.getByRole("list", { name: "Credit notes" });
  await expect(notes).toContainText("Two report sections were dropped");
  const pdf = await page.request.get((await notes.getByRole("link", { name: /Credit note CN-\d{4}/ }).getAttribute("href"))!);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const mail = await readLatestEmail(page, "alan@bletchley.test", /Credit note CN-\d{4} from Northwind Studio: \$125\.00 off invoice INV-0995/);
  expect(mail).toMatch(/\/portal\/credit-notes\/\w+\.pdf/);

  await page.goto(invoiceUrl);
  await page.getByText("Write off as uncollectible", { exact: true }).click();
  const writeOff = page.getByRole("form", { name: "Write off the invoice" });
  const button = writeOff.getByRole("button", { name: /^Write off \$/ });
  const left = (await button.innerText()).replace("Write off ", "");
  await writeOff.getByLabel("Reason (for your records)").fill("Bletchley Analytics closed; no answer since October");
  await button.click();
  await expect(page.getByRole("status")).toContainText(`${left} written off as uncollectible`);
  await expect(page.getByRole("note")).toContainText("Written off as uncollectible");
  await expect(page.getByRole("note")).toContainText("Bletchley Analytics closed; no answer since October");
  await expect(page.getByText("Written off", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("form", { name: "Issue a credit note" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/screens/owner-credit-note-and-write-off.png", fullPage: true });

  await page.goto("/app/money");
  await expect(page.getByTestId("money-USD").getByText("Bad debt written off").locator("..")).toContainText(left);

  // The customer sees the credit note by number (its PDF is theirs), and that the rest was written off, not why.
  const customer = await (await browser.newContext()).newPage();
  await customer.goto(portalLinkIn(mail));
  await customer.getByRole("link", { name: "INV-0995", exact: true }).first().click();
  await expect(customer.getByRole("rowheader", { name: /^Credit note CN-\d{4}: Two report sections were dropped$/ })).toBeVisible();
  await expect(customer.getByRole("rowheader", { name: "Written off", exact: true })).toBeVisible();
  await expect(customer.getByText("Bletchley Analytics closed")).toHaveCount(0);
  const customerPdf = await customer.request.get((await customer.getByRole("link", { name: /^Credit note CN-\d{4}: Two report sections were dropped$/ }).getAttribute("href"))!);
  expect(customerPdf.headers()["content-type"]).toBe("application/pdf");
  await customer.context().close();
});
