import { expect, test } from "./fixtures";
import { payByBank, payByCard, portalLinkFor, portalLinkIn, readLatestEmail, signInAsOwner } from "./helpers";
import { demoState } from "./state";

test.describe.configure({ mode: "serial" });

test("a customer pays an invoice by card: a declined card's error, a retry, a receipt by email", async ({ page }) => {
  await page.goto(demoState().portalLink);
  await expect(page.getByRole("note")).toContainText("Test mode: no money moves.");
  await page.getByRole("link", { name: "INV-1001", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Invoice INV-1001" })).toBeVisible();
  await page.getByRole("link", { name: "Pay $1,025.00" }).click();

  await expect(page.getByTestId("total-CARD")).toHaveText("$1,025.00");
  await expect(page.getByTestId("total-US_BANK_ACCOUNT")).toHaveText("$1,014.75");
  await page.getByRole("button", { name: "Continue to payment details" }).click();
  await expect(page.getByRole("heading", { name: "Pay $1,025.00 by card" })).toBeVisible();

  await payByCard(page, "4242 4242 4242 4241");
  await expect(page.getByText("That card number is not valid. Check it for typos.")).toBeVisible();
  await payByCard(page, "4000 0000 0000 0002");
  await expect(page.getByRole("alert")).toContainText("Your card was declined. Nothing was charged.");
  await payByCard(page, "4242 4242 4242 4242");
  await expect(page.getByText("Payment received")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Thank you! Receipt R-\d{6}/ })).toBeVisible();
  await expect(page.getByText("by Visa ending 4242")).toBeVisible();
  const pdf = await page.request.get(`${page.url()}.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await page.screenshot({ path: "test-results/screens/receipt.png", fullPage: true });

  await page.getByRole("link", { name: "Back to your account" }).first().click();
  await expect(page.getByRole("region", { name: "Paid invoices" }).getByRole("link", { name: "INV-1001", exact: true })).toBeVisible();

  const text = await readLatestEmail(page, "ada@analytical.test", /Receipt R-\d{6} from Northwind Studio/);
  expect(text).toContain("$1,025.00");
  expect(text).toContain("Visa ending 4242");
});

test("a customer pays part of a balance, then the rest by bank account: processing, then paid", async ({ page }) => {
  await page.goto(demoState().portalLink);
  await page.getByRole("link", { name: "INV-0994", exact: true }).click();
  await page.getByRole("link", { name: "Pay $1,480.00" }).click();
  await page.getByLabel("Amount to pay").fill("20");
  await page.getByRole("button", { name: "Continue to payment details" }).click();
  await expect(page.getByRole("alert")).toHaveText("A part payment must be at least $50.00.");
  await expect(page.getByLabel("Amount to pay")).toHaveValue("20");
  await page.getByLabel("Amount to pay").fill("200.00");
  await expect(page.getByTestId("total-CARD")).toHaveText("$200.00");
  await page.getByRole("button", { name: "Continue to payment details" }).click();
  await payByCard(page, "4242424242424242");
  await expect(page.getByText("Payment received")).toBeVisible();

  await page.goto("/portal");
  const row = page.getByRole("region", { name: "To pay" }).getByRole("listitem").filter({ hasText: "INV-0994" });
  await expect(row).toContainText("$1,280.00");
  await row.getByRole("link", { name: "INV-0994", exact: true }).click();
  await page.getByRole("link", { name: "Pay $1,280.00" }).click();
  await page.getByRole("radio", { name: /Bank account \(ACH\)/ }).check();
  await expect(page.getByTestId("total-US_BANK_ACCOUNT")).toHaveText("$1,267.20");
  await page.getByRole("button", { name: "Continue to payment details" }).click();
  await expect(page.getByRole("heading", { name: "Pay $1,267.20 by bank account" })).toBeVisible();
  await payByBank(page, "000123456789");
  await expect(page.getByRole("heading", { name: "Your bank payment is processing" })).toBeVisible();

  await page.goto("/portal");
  await expect(page.getByRole("region", { name: "To pay" }).getByRole("listitem").filter({ hasText: "INV-0994" })).toContainText("Processing");
  await expect(page.getByText("Bank payments processing")).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("region", { name: "Paid invoices" }).getByRole("link", { name: "INV-0994", exact: true })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByText("You are all paid up. Thank you!")).toBeVisible();
});

test("an early-pay discount is shown with its last day and is gone a day later", async ({ page, request }) => {
  const link = await portalLinkFor(page, "Katherine Johnson", "katherine@trajectory.test");
  await page.goto(link);
  const row = page.getByRole("region", { name: "To pay" }).getByRole("listitem").filter({ hasText: "INV-0999" });
  await expect(row.getByTestId("early-pay")).toHaveText(/^Pay \$499\.80 by \w+ \d+, \d{4} and save \$10\.20$/);
  expect((await request.post("/dev/clock", { form: { offsetDays: "6" } })).ok()).toBe(true);
  try {
    await page.reload();
    await expect(row).toBeVisible();
    await expect(row.getByTestId("early-pay")).toHaveCount(0);
    await row.getByRole("link", { name: "INV-0999", exact: true }).click();
    await expect(page.getByRole("link", { name: "Pay $510.00" })).toBeVisible();
  } finally {
    await request.post("/dev/clock", { form: { offsetDays: "0" } });
  }
});

test("a customer pays two invoices at once by bank account, in time for one's early-pay discount", async ({ page }) => {
  const link = await portalLinkFor(page, "Katherine Johnson", "katherine@trajectory.test");
  await page.goto(link);
  await expect(page.getByRole("checkbox", { name: "Include INV-0990" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Include INV-0999" })).toBeChecked();
  await page.getByRole("button", { name: "Pay selected invoices" }).click();
  await expect(page.getByRole("heading", { name: "Pay 2 invoices" })).toBeVisible();
  await expect(page.getByText("Early-payment discount on INV-0999")).toBeVisible();
  await page.getByRole("radio", { name: /Bank account \(ACH\)/ }).check();
  await page.getByRole("button", { name: "Continue to payment details" }).click();
  await expect(page.getByRole("heading", { name: "Pay $2,326.30 by bank account" })).toBeVisible();
  await payByBank(page, "000123456789");
  await expect(page.getByRole("heading", { name: "Your bank payment is processing" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Thank you! Receipt/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("Early-payment discount (INV-0999)")).toBeVisible();
  await page.goto("/portal");
  await expect(page.getByText("You are all paid up. Thank you!")).toBeVisible();
});

test("a failed bank payment reopens the invoice and the customer is told by email", async ({ page }) => {
  // Waits for the simulator's delayed bank failure, then an email: more than the default 30 s on a busy machine.
  test.slow();
  const link = await portalLinkFor(page, "Grace Hopper", "grace@compiler.test");
  await page.goto(link);
  await page.getByRole("link", { name: "INV-0998", exact: true }).click();
  await page.getByRole("link", { name: "Pay $2,500.00" }).click();
  await page.getByRole("radio", { name: /Bank account \(ACH\)/ }).check();
  await page.getByRole("button", { name: "Continue to payment details" }).click();
  await page.getByRole("button", { name: /^Pay \$/ }).click();
  await expect(page.getByText("Tick the box to authorise the debit.")).toBeVisible();
  await payByBank(page, "000111111113");
  await expect(page.getByRole("heading", { name: "This payment did not go through" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("The bank account has been closed.")).toBeVisible();

  const text = await readLatestEmail(page, "grace@compiler.test", /did not go through/);
  expect(text).toContain("The bank account has been closed.");
  await page.goto(portalLinkIn(text));
  await expect(page.getByRole("region", { name: "To pay" }).getByRole("listitem").filter({ hasText: "INV-0998" })).toContainText("$2,500.00");
});

test("another customer's invoice, payment and receipt are not found", async ({ page, browser }) => {
  await page.goto(demoState().portalLink);
  const paymentHref = await page.getByRole("region", { name: "Your payments" }).getByRole("link").first().getAttribute("href");
  const invoiceHref = await page.getByRole("link", { name: "INV-1001", exact: true }).getAttribute("href");
  const other = await browser.newPage();
  const link = await portalLinkFor(other, "Alan Turing", "alan@bletchley.test");
  await other.goto(link);
  for (const href of [invoiceHref, `${invoiceHref}.pdf`, paymentHref, `${paymentHref}.pdf`]) {
    const response = await other.goto(href!);
    expect(response?.status(), href!).toBe(404);
  }
  await other.goto(invoiceHref!);
  await expect(other.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  await other.close();
});

test("the owner offers a settlement and the customer accepts it by paying; the rest is written off", async ({ page }) => {
  await signInAsOwner(page);
  await page.getByRole("link", { name: "Barbara Liskov" }).first().click();
  await page.getByText("Offer a settlement on INV-0950").click();
  const form = page.getByRole("form", { name: "Settlement for INV-0950" });
  await form.getByLabel("Amount ($)").fill("1700");
  const lastDay = new Date(Date.now() + 7 * 86400_000).toISOString().slice(0, 10);
  await form.getByLabel("Last day").fill(lastDay);
  await form.getByRole("button", { name: "Offer" }).click();
  await expect(page.getByRole("alert")).toContainText("A settlement is for less than what is owed");
  if (!(await form.isVisible())) await page.getByText("Offer a settlement on INV-0950").click();
  await form.getByLabel("Amount ($)").fill("1200");
  await form.getByLabel("Last day").fill(lastDay);
  await form.getByRole("button", { name: "Offer" }).click();
  await expect(page.getByRole("status")).toHaveText("Settlement offered: the customer sees it in the portal.");

  const link = await portalLinkFor(page, "Barbara Liskov", "barbara@substitution.test");
  await page.goto(link);
  await page.getByRole("link", { name: "INV-0950", exact: true }).click();
  await expect(page.getByText(/we will forgive the remaining \$500\.00/)).toBeVisible();
  await page.getByRole("link", { name: "Settle for $1,200.00" }).click();
  await expect(page.getByText("Settlement offer")).toBeVisible();
  await expect(page.getByTestId("total-CARD")).toHaveText("$1,200.00");
  await page.getByRole("button", { name: "Continue to payment details" }).click();
  await payByCard(page, "4242 4242 4242 4242");
  await expect(page.getByText("Payment received")).toBeVisible();
  await page.getByRole("link", { name: "INV-0950" }).first().click();
  await expect(page.getByText("Written off: Settled for $1,200.00")).toBeVisible();
  await expect(page.getByRole("row", { name: /Balance due/ })).toContainText("$0.00");
});

test("the owner gives one invoice its own early-pay terms; paying a day late costs the full amount", async ({ page, request }) => {
  await signInAsOwner(page);
  await page.getByRole("link", { name: "Linus Pauling" }).first().click();
  await page.getByText("Early-pay terms for INV-0996").click();
  const terms = page.getByRole("form", { name: "Early-pay terms for INV-0996" });
  await terms.getByLabel("Terms").selectOption("CUSTOM");
  await terms.getByLabel("% off").fill("5");
  await terms.getByLabel("within days").fill("25");
  await terms.getByRole("button", { name: "Save terms" }).click();
  await expect(page.getByRole("status")).toHaveText("Early-pay terms saved for that invoice.");

  const link = await portalLinkFor(page, "Linus Pauling", "linus@bond.test");
  await page.goto(link);
  const row = page.getByRole("region", { name: "To pay" }).getByRole("listitem").filter({ hasText: "INV-0996" });
  await expect(row.getByTestId("early-pay")).toHaveText(/^Pay \$1,425\.00 by \w+ \d+, \d{4} and save \$75\.00$/);
  expect((await request.post("/dev/clock", { form: { offsetDays: "6" } })).ok()).toBe(true);
  try {
    await page.reload();
    await expect(row.getByTestId("early-pay")).toHaveCount(0);
    await row.getByRole("link", { name: "INV-0996", exact: true }).click();
    await page.getByRole("link", { name: "Pay $1,500.00" }).click();
    await expect(page.getByTestId("total-CARD")).toHaveText("$1,500.00");
    await page.getByRole("button", { name: "Continue to payment details" }).click();
    await payByCard(page, "4242 4242 4242 4242");
    await expect(page.getByText("Payment received")).toBeVisible();
    await expect(page.getByText("$1,500.00 paid on")).toBeVisible();
    await expect(page.getByText(/Early-payment discount/)).toHaveCount(0);
  } finally {
    await request.post("/dev/clock", { form: { offsetDays: "0" } });
  }
});

test("the owner sees every payment: succeeded, processing and failed", async ({ page }) => {
  await signInAsOwner(page);
  await page.getByRole("link", { name: "Payments", exact: true }).click();
  const table = page.getByRole("table");
  await expect(table.getByRole("row").filter({ hasText: "Ada Lovelace" }).filter({ hasText: "$1,025.00" })).toContainText("Succeeded");
  await expect(table.getByRole("row").filter({ hasText: "Katherine Johnson" })).toContainText("INV-0990, INV-0999");
  await expect(table.getByRole("row").filter({ hasText: "Grace Hopper" })).toContainText("Failed");
  await expect(table.getByRole("row").filter({ hasText: "Grace Hopper" })).toContainText("The bank account has been closed.");
  await page.screenshot({ path: "test-results/screens/owner-payments.png", fullPage: true });
});
