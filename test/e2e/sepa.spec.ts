import { seriousViolations } from "./accessibility";
import { createEuroCustomerWithInvoice } from "./data";
import { expect, test } from "./fixtures";

test("a customer billed in euros pays by SEPA Direct Debit: an IBAN typo explained, the mandate accepted, processing, then paid", async ({ page }) => {
  const today = new Date().toISOString().slice(0, 10);
  const world = await createEuroCustomerWithInvoice({ name: "Jenny Rosen", amountCents: 48_000, issueDate: today, dueDate: today });
  await page.goto(world.portalPath);
  await page.getByRole("link", { name: world.number, exact: true }).click();
  await page.getByRole("link", { name: "Pay €480.00" }).click();

  // Euros: card or SEPA Direct Debit, never ACH.
  await expect(page.getByRole("radio", { name: /Bank account \(ACH\)/ })).toHaveCount(0);
  await page.getByRole("radio", { name: /SEPA Direct Debit/ }).check();
  await expect(page.getByTestId("total-SEPA_DEBIT")).toHaveText("€480.00");
  await page.getByRole("button", { name: "Continue to payment details" }).click();
  await expect(page.getByRole("heading", { name: "Pay €480.00 by SEPA Direct Debit" })).toBeVisible();
  await expect(page.getByTestId("sepa-mandate-text")).toContainText(`you authorise (A) ${world.businessName} and Stripe`);

  await expect(page.getByLabel("Account holder name")).toHaveValue("Jenny Rosen");
  await page.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 0");
  await page.getByRole("button", { name: "Pay €480.00" }).click();
  await expect(page.getByText("An IBAN from Germany (DE) has 22 characters; this one is missing 1 character. Check it against your bank statement.")).toBeVisible();
  await expect(page.getByText("Tick the box to accept the SEPA Direct Debit mandate.")).toBeVisible();
  // What was typed stays, to be corrected.
  await expect(page.getByLabel("IBAN")).toHaveValue("DE89 3704 0044 0532 0130 0");
  // The invoice paid for links to its page.
  await expect(page.getByRole("link", { name: world.number, exact: true })).toHaveAttribute("href", `/portal/invoices/${world.invoiceId}`);
  await page.screenshot({ path: "test-results/screens/sepa-form-errors.png", fullPage: true });
  const violations = await seriousViolations(page, "SEPA form with errors");

  await page.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 00");
  await page.getByRole("checkbox", { name: /I accept this mandate/ }).check();
  await page.getByRole("button", { name: "Pay €480.00" }).click();
  await expect(page.getByRole("heading", { name: "Your SEPA Direct Debit is processing" })).toBeVisible();
  await expect(page.getByTestId("sepa-processing")).toContainText("processing — a SEPA debit takes up to 5 business days");
  await expect(page.getByTestId("sepa-processing")).toContainText("SEPA Direct Debit ending 3000");
  await expect(page.getByTestId("sepa-processing")).not.toContainText("0532");
  await page.screenshot({ path: "test-results/screens/sepa-processing.png", fullPage: true });
  violations.push(...(await seriousViolations(page, "SEPA processing")));

  // The simulator settles after its delay; the page refreshes itself and follows the webhook to the receipt.
  await expect(page.getByText("Payment received")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("by SEPA Direct Debit ending 3000")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/sepa-paid.png", fullPage: true });

  // The euro business's owner sees the payment by its method and the IBAN's last four only.
  await page.goto("/login");
  await page.getByLabel("Email").fill(world.owner.email);
  await page.getByLabel("Password").fill(world.owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/app/payments");
  const row = page.getByRole("row").filter({ hasText: "Jenny Rosen" });
  await expect(row).toContainText("SEPA Direct Debit ···3000");
  await expect(row).toContainText("€480.00");
  await page.screenshot({ path: "test-results/screens/sepa-owner-payments.png", fullPage: true });
  await row.getByRole("link").first().click();
  const mandate = page.getByRole("definition").filter({ hasText: /^[A-Z0-9]{16}$/ });
  await expect(page.getByRole("heading", { name: "SEPA Direct Debit mandate" })).toBeVisible();
  await expect(mandate).toHaveCount(1);
  await expect(page.getByLabel("SEPA Direct Debit mandate")).toContainText("DE ···3000, Jenny Rosen");
  await expect(page.getByLabel("SEPA Direct Debit mandate")).toContainText("This payment only");
  await page.screenshot({ path: "test-results/screens/sepa-owner-payment.png", fullPage: true });
  violations.push(...(await seriousViolations(page, "owner's SEPA payment")));
  expect(violations, "serious accessibility violations").toEqual([]);
});


test("a customer billed in euros pays over time by SEPA Direct Debit: one mandate for the plan, the account kept for the later debits", async ({ page }) => {
  const today = new Date().toISOString().slice(0, 10);
  const world = await createEuroCustomerWithInvoice({ name: "Jonas Wagner", amountCents: 30_000, issueDate: today, dueDate: today });
  await page.goto(world.portalPath);
  await page.getByRole("button", { name: "Pay over time" }).first().click();
  await expect(page.getByRole("heading", { name: "Pay over time" })).toBeVisible();
  await page.getByLabel("Number of instalments").selectOption("2");
  await page.getByLabel("How often").selectOption("WEEKLY");
  await expect(page.getByRole("radio", { name: /Bank account \(ACH\)/ })).toHaveCount(0);
  await page.getByRole("radio", { name: /SEPA Direct Debit/ }).check();
  await expect(page.getByText(/revoke the SEPA Direct Debit mandate I give with instalment 1/)).toBeVisible();
  await page.getByRole("checkbox", { name: /I agree to this plan/ }).check();
  await page.getByRole("button", { name: /Agree and pay €150\.00 today/ }).click();

  await expect(page.getByRole("heading", { name: "Pay instalment 1: €150.00 by SEPA Direct Debit" })).toBeVisible();
  await expect(page.getByText("This account is saved for the later instalments")).toBeVisible();
  await page.getByLabel("IBAN").fill("AT61 1904 3002 3457 3201");
  await page.getByRole("checkbox", { name: /I accept this mandate/ }).check();
  await page.getByRole("button", { name: "Pay €150.00" }).click();
  await expect(page.getByRole("heading", { name: "Your SEPA Direct Debit is processing" })).toBeVisible();
  await expect(page.getByText("Your payment plan is active.")).toBeVisible();
  await expect(page.getByText(/Next: €150\.00 on .*, charged to SEPA Direct Debit ending 3201/)).toBeVisible();
  await page.getByRole("link", { name: "See your plan" }).click();
  await expect(page.getByTestId("plan-method")).toHaveText("SEPA Direct Debit ending 3201");
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("plan-instalments").getByRole("row").nth(1)).toContainText("Paid", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.screenshot({ path: "test-results/screens/sepa-plan.png", fullPage: true });
});
