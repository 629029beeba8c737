// Issue 18: a chargeback arrives on a card payment (Stripe's test card 4000 0000 0000 0259, which the simulator
// disputes a moment after it succeeds). The owner is emailed the evidence deadline, the invoice shows Disputed on
// the board, the invoice and the customer, and the reminder engine holds it back; the owner then simulates losing it
// and chooses to chase the balance again.
import { createCustomerWithInvoice } from "./data";
import { expect, test } from "./fixtures";
import { payByCard, portalLinkIn, readLatestEmail, signInAsOwner } from "./helpers";

const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

test("a chargeback alerts the owner, shows Disputed everywhere, and the reminder engine skips it", async ({ page, browser }) => {
  test.setTimeout(90_000);
  // Overdue by three days: the gentle reminder is due, so the engine has something to hold back.
  const c = await createCustomerWithInvoice({ name: "Chargeback Cafe", amountCents: 42_000, issueDate: day(-33), dueDate: day(-3) });
  await signInAsOwner(page);
  await page.goto(`/app/customers/${c.customerId}`);
  await page.getByRole("button", { name: "Email portal link" }).click();
  await expect(page.getByRole("status")).toHaveText("Portal link emailed.");
  const link = portalLinkIn(await readLatestEmail(page, c.email, /Your account with Northwind Studio/));

  const customer = await (await browser.newContext()).newPage();
  await customer.goto(link);
  await customer.getByRole("link", { name: c.number, exact: true }).first().click();
  await customer.getByRole("link", { name: "Pay $420.00" }).click();
  await customer.getByRole("button", { name: "Continue to payment details" }).click();
  await payByCard(customer, "4000 0000 0000 0259");
  await expect(customer.getByRole("heading", { name: /Thank you! Receipt R-\d{6}/ })).toBeVisible();

  // A moment later the card holder's bank disputes it: the owner is told what is held and by when to answer.
  const alert = await readLatestEmail(page, "owner@northwind.test", /^Chargeback on Chargeback Cafe's payment of \$420\.00: respond by/);
  expect(alert).toContain("the card holder says they did not make this payment");
  expect(alert).toContain("$15.00");

  await page.goto(`/app/invoices/${c.invoiceId}`);
  await expect(page.getByRole("heading", { name: `Invoice ${c.number}` })).toBeVisible();
  await expect(page.locator(".status-badge", { hasText: "Disputed" }).first()).toBeVisible();
  const disputes = page.getByRole("list", { name: "Disputes on this invoice" });
  await expect(disputes).toContainText("Chargeback on $420.00 of this invoice");
  await expect(disputes).toContainText("No reminder goes out for this invoice while the dispute is open.");
  await page.screenshot({ path: "test-results/screens/owner-invoice-disputed.png", fullPage: true });

  await page.goto(`/app/customers/${c.customerId}`);
  await expect(page.getByRole("heading", { name: "Chargeback Cafe" }).locator(".status-badge", { hasText: "Disputed" })).toBeVisible();

  // The board shows it held; sending its next reminder now is refused by the engine, which says why.
  await page.goto(`/app/board?q=${encodeURIComponent(c.number)}`);
  const card = page.getByTestId("board-card").filter({ hasText: c.number });
  await expect(card).toContainText("Disputed");
  await expect(card).toContainText("Held: under dispute");
  await page.screenshot({ path: "test-results/screens/board-disputed.png", fullPage: true });
  await card.getByRole("checkbox", { name: `Select ${c.number}` }).check();
  await page.getByRole("button", { name: "Send next reminder now" }).click();
  await expect(page.getByText(/Sent 0 reminders to 0 customers; 1 held back/)).toBeVisible();
  await page.goto(`/app/invoices/${c.invoiceId}`);
  await expect(page.getByText(/held back: a payment on it is under dispute/).first()).toBeVisible();
  expect(await page.request.get("/dev/mailbox").then((r) => r.text())).not.toMatch(new RegExp(`Payment overdue: ${c.number}`));

  // Test mode: the owner simulates the bank's decision. Lost: owed again, reminders paused until they decide.
  await disputes.getByRole("link", { name: "the payment" }).click();
  await page.getByRole("form", { name: "Simulate the bank's decision" }).getByRole("button", { name: "Lost" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The dispute is lost" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Disputes of this payment" })).toContainText("Lost: the invoice is owed again.");
  await page.screenshot({ path: "test-results/screens/owner-payment-dispute-lost.png", fullPage: true });
  await page.goto(`/app/invoices/${c.invoiceId}`);
  await expect(page.getByText("Reminders are paused until you decide")).toBeVisible();
  await page.getByRole("button", { name: "Chase it again (resume reminders)" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Reminders resumed for ${c.number}.` })).toBeVisible();

  // The customer sees the invoice owed again and can pay it.
  await customer.goto(link);
  await customer.getByRole("link", { name: c.number, exact: true }).first().click();
  await expect(customer.getByRole("link", { name: "Pay $420.00" })).toBeVisible();
  await customer.context().close();
});
