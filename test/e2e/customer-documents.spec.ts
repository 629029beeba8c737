// The statement and the plan agreement PDFs, reached the way a customer and an owner reach them: from the links on
// the portal home, the plan's page and the customer's page.
import { addDays, type CalendarDate } from "../../app/modules/dates/calendar";
import { looksLikePdf, pdfText } from "../support/pdf-text";
import { createCustomerWithInvoice } from "./data";
import { expect, test } from "./fixtures";
import { payByCard, portalLinkIn, readLatestEmail, signInAsOwner } from "./helpers";

test("a customer downloads their statement and their plan agreement; the owner downloads the same statement", async ({ page }) => {
  test.setTimeout(120_000);
  const today = new Date().toISOString().slice(0, 10) as CalendarDate;
  const c = await createCustomerWithInvoice({ name: "Statement Customer", amountCents: 30_000, issueDate: addDays(today, -35), dueDate: addDays(today, -5) });
  await signInAsOwner(page);
  await page.goto(`/app/customers/${c.customerId}`);
  const ownerPdf = Buffer.from(await (await page.request.get(await page.getByRole("link", { name: "Statement (PDF)" }).getAttribute("href") ?? "")).body());
  expect(looksLikePdf(ownerPdf)).toBe(true);
  expect(pdfText(ownerPdf)).toContain(c.number);
  await page.screenshot({ path: "/tmp/shots/owner-customer-statement-link.png" });
  await page.getByRole("button", { name: "Email portal link" }).click();
  await expect(page.getByRole("status")).toHaveText("Portal link emailed.");
  const link = portalLinkIn(await readLatestEmail(page, c.email, /Your account with Northwind Studio/));

  await page.goto(link);
  const statementLink = page.getByRole("link", { name: "Download statement (PDF)" });
  await expect(statementLink).toHaveAttribute("href", "/portal/statement.pdf");
  await page.screenshot({ path: "/tmp/shots/portal-home-statement-link.png" });
  const statement = await page.request.get("/portal/statement.pdf");
  expect(statement.headers()["content-type"]).toBe("application/pdf");
  const text = pdfText(Buffer.from(await statement.body()));
  expect(text).toContain("STATEMENT");
  expect(text).toContain(c.number);
  expect(text).toMatch(/Balance due\n\$300\.00/);

  await page.getByRole("button", { name: "Pay over time" }).first().click();
  await page.getByLabel("Number of instalments").selectOption("3");
  await page.getByLabel("How often").selectOption("MONTHLY");
  await page.getByRole("radio", { name: /Card/ }).check();
  await page.getByRole("checkbox", { name: /I agree to this plan/ }).check();
  await page.getByRole("button", { name: /Agree and pay/ }).click();
  await payByCard(page, "4242 4242 4242 4242");
  await page.getByRole("link", { name: "See your plan" }).click();
  const agreementLink = page.getByRole("link", { name: "Download agreement (PDF)" });
  await expect(agreementLink).toBeVisible();
  await page.screenshot({ path: "/tmp/shots/portal-plan-agreement-link.png" });
  const agreement = pdfText(Buffer.from(await (await page.request.get((await agreementLink.getAttribute("href"))!)).body())).replace(/\s+/g, " ");
  expect(agreement).toContain("PAYMENT PLAN AGREEMENT");
  expect(agreement).toContain(c.number);
  expect(agreement).toContain("Visa ending 4242");
  expect(agreement).toContain("THE TERMS YOU AGREED TO");
});
