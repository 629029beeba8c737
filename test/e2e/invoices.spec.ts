// The owner's invoices: create with lines, send, record a cheque, import a CSV with a bad row.
// A customer of its own (written straight into the e2e database), so the demo's invoices stay as other specs expect.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import pg from "pg";
import { expect, test } from "./fixtures";
import { readLatestEmail, signInAsOwner } from "./helpers";

const url = `postgresql://postgres:postgres@127.0.0.1:${Number(process.env.E2E_PG_PORT ?? 54349)}/duely`;

async function createCustomer(name: string, options: { depositRequired?: boolean; currency?: string } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const suffix = crypto.randomBytes(3).toString("hex");
    const { rows } = await client.query<{ id: string }>(`select "id" from "Business" order by "createdAt" asc limit 1`);
    const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${suffix}@example.test`;
    await client.query(`insert into "Customer" ("id", "businessId", "email", "name", "depositRequired", "currency", "updatedAt") values ($1, $2, $3, $4, $5, $6, now())`, [
      crypto.randomUUID(),
      rows[0]!.id,
      email,
      name,
      options.depositRequired ?? false,
      options.currency ?? null,
    ]);
    return { email };
  } finally {
    await client.end();
  }
}

/** A full-page screenshot; with SHOTS_DIR set, also one at phone width (390px) there. */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/invoices-${name}.png`, fullPage: true });
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}-desktop.png`), fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(dir, `${name}-390.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}

test("the owner creates an invoice with two lines, sends it and records a cheque; the customer gets a receipt", async ({ page }) => {
  test.setTimeout(60_000);
  const customer = await createCustomer("Frances Allen");
  await signInAsOwner(page);
  await page.goto("/app/invoices");
  await expect(page.getByRole("heading", { name: "Invoices" })).toBeVisible();
  await expect(page.getByRole("link", { name: "INV-1001" })).toBeVisible();
  await shoot(page, "list");

  await page.getByRole("link", { name: "New invoice" }).click();
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: `Frances Allen · ${customer.email}` });
  const number = await page.getByLabel("Invoice number").inputValue();
  expect(number).toMatch(/^INV-\d+$/);
  await page.getByLabel("Line 1 description").fill("Code review");
  await page.getByLabel("Line 1 quantity").fill("1.5");
  await page.getByLabel("Line 1 unit price").fill("200");
  await page.getByLabel("Line 2 description").fill("Report");
  await page.getByLabel("Line 2 unit price").fill("125.005");
  await expect(page.getByTestId("editor-total")).toHaveText("check the lines");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/Line 2: "125.005" has more than 2 decimals/)).toBeVisible();
  await expect(page.getByLabel("Line 1 description")).toHaveValue("Code review");
  await shoot(page, "new-with-error");
  await page.getByLabel("Line 2 unit price").fill("125");
  await expect(page.getByTestId("editor-total")).toHaveText("$425.00");
  await page.getByRole("button", { name: "Save draft" }).click();

  await expect(page.getByRole("heading", { name: `Invoice ${number}` })).toBeVisible();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Send invoice" }).click();
  await expect(page.getByRole("status")).toHaveText(`${number} is issued and emailed to the customer with a portal link.`);
  await expect(page.getByRole("row", { name: /Balance due/ })).toContainText("$425.00");

  const payment = page.getByRole("form", { name: "Record a payment" });
  await payment.getByLabel("Amount", { exact: true }).fill("500");
  await payment.getByLabel("Reference (cheque number)").fill("004512");
  await payment.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText(`That is more than the $425.00 still owed on ${number}.`, { exact: false })).toBeVisible();
  await payment.getByLabel("Amount", { exact: true }).fill("425.00");
  await payment.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByRole("status")).toContainText(/Payment of \$425\.00 recorded\. Receipt R-\d{6} is emailed to the customer\./);
  const receiptNumber = /R-\d{6}/.exec((await page.getByRole("status").textContent()) ?? "")![0];
  await expect(page.getByText(`Receipt ${receiptNumber}`, { exact: true })).toBeVisible();
  await expect(page.getByRole("row", { name: /Balance due/ })).toContainText("$0.00");
  await expect(page.getByRole("form", { name: "Record a payment" })).toHaveCount(0);
  await shoot(page, "invoice");

  const receipt = await readLatestEmail(page, customer.email, new RegExp(`Receipt ${receiptNumber}`));
  expect(receipt).toContain("Cheque no. 004512");
  expect(receipt).toContain("$425.00");
});

test("a CSV file with a bad row imports nothing and lists each problem", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto("/app/invoices");
  await page.getByRole("link", { name: "Import CSV" }).click();
  const file = [
    "customer_email,invoice_number,issue_date,due_date,description,quantity,unit_price,memo",
    "grace@compiler.test,INV-E2E-1,2026-11-01,2026-12-01,Consulting,2,150.00,",
    "grace@compiler.test,INV-E2E-1,2026-11-01,2026-12-01,Travel,1,80.5.0,",
    "nobody@example.test,INV-E2E-2,2026-11-01,2026-31-12,Consulting,1,100,",
  ].join("\n");
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "invoices.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "Check and import" }).click();
  await expect(page.getByRole("heading", { name: "Nothing was imported" })).toBeVisible();
  const report = page.getByRole("table", { name: "Problems in the file" });
  await expect(report.getByRole("row").filter({ hasText: "unit_price" })).toContainText('"80.5.0" is not an amount');
  await expect(report.getByRole("row").filter({ hasText: "due_date" })).toContainText('"2026-31-12" is not a date');
  await expect(report.getByRole("row").filter({ hasText: "customer_email" })).toContainText("No customer has the email nobody@example.test.");
  await shoot(page, "import-report");

  await page.goto("/app/invoices?q=INV-E2E");
  await expect(page.getByText("No invoice matches these filters.")).toBeVisible();
});

test("an invoice for a customer who must pay a deposit is sent only when due on receipt", async ({ page }) => {
  test.setTimeout(60_000);
  const customer = await createCustomer("Barbara Liskov", { depositRequired: true });
  await signInAsOwner(page);
  await page.goto("/app/invoices/new");
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: `Barbara Liskov · ${customer.email}` });
  await expect(page.getByText("Barbara Liskov must pay a deposit before new work: make this invoice due on receipt")).toBeVisible();
  const issueDate = await page.getByLabel("Issue date").inputValue();
  await page.getByLabel("Line 1 description").fill("Deposit for the redesign");
  await page.getByLabel("Line 1 unit price").fill("500");
  await page.getByRole("button", { name: "Save draft" }).click();
  await page.getByRole("button", { name: "Send invoice" }).click();
  await expect(page.getByRole("alert")).toContainText("Barbara Liskov must pay a deposit before new work, so");
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  // The saved draft's editor totals its lines from the start.
  await expect(page.getByTestId("editor-total")).toHaveText("$500.00");
  await shoot(page, "deposit-refused");

  await page.getByLabel("Due date").fill(issueDate);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByLabel("Due date")).toHaveValue(issueDate);
  await page.getByRole("button", { name: "Send invoice" }).click();
  await expect(page.getByRole("status")).toContainText("is issued and emailed to the customer with a portal link.");
});

// A slow machine shows the editor before its scripts have run: the customer picked and the price typed in that window
// set the currency, the deposit note and the total once they do (they used to stay on "no customer", in dollars).
test("what the owner picks and types before the invoice editor's scripts run is what it shows once they do", async ({ page }) => {
  const customer = await createCustomer("Hiro Early", { depositRequired: true, currency: "JPY" });
  await signInAsOwner(page);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/build/**/*.js", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/app/invoices/new", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: `Hiro Early · ${customer.email}` });
  await page.getByLabel("Line 1 description").fill("Translation");
  await page.getByLabel("Line 1 quantity").fill("2");
  await page.getByLabel("Line 1 unit price").fill("60000");
  // Not hydrated yet: the page as the server sent it.
  await expect(page.getByTestId("editor-currency")).toContainText("USD");

  release();
  await expect(page.getByTestId("editor-currency")).toContainText("JPY");
  await expect(page.getByTestId("editor-total")).toHaveText("¥120,000");
  await expect(page.getByText("Hiro Early must pay a deposit before new work")).toBeVisible();
  await expect(page.getByLabel("Customer", { exact: true })).toHaveValue(/.+/);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  await expect(page.getByTestId("editor-total")).toHaveText("¥120,000");
});
