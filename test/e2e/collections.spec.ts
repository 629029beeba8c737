import { createCustomerWithInvoice } from "./data";
import { expect, test } from "./fixtures";
import { signInAsOwner } from "./helpers";
import { looksLikePdf, pdfText } from "../support/pdf-text";

test("the owner exports a collections pack whose PDF opens and names every invoice, then hands the account over", async ({ page }) => {
  // Ten days late: in the 1–30 bucket, which no other spec counts (the demo book's other buckets are checked exactly).
  const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  const c = await createCustomerWithInvoice({ name: "Hopeless Holdings", amountCents: 88_800, issueDate: day(-40), dueDate: day(-10) });
  await signInAsOwner(page);
  await page.goto(`/app/customers/${c.customerId}`);
  await expect(page.getByRole("heading", { name: "Collections hand-over" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the pack (PDF)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^collections-hopeless-holdings-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = Buffer.from(await (await page.request.get(`/app/customers/${c.customerId}/collections.pdf`)).body());
  expect(looksLikePdf(pdf)).toBe(true);
  expect(pdfText(pdf)).toContain(c.number);
  const csv = await (await page.request.get(`/app/customers/${c.customerId}/collections.csv`)).text();
  expect(csv).toContain(c.number);

  await page.getByRole("button", { name: "Mark as handed over" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Name the agency" })).toBeVisible();
  await page.getByLabel("Agency").fill("Harbor Recovery LLC");
  await page.getByRole("button", { name: "Mark as handed over" }).click();
  await expect(page.getByTestId("handed-over")).toContainText("no reminders are sent");
  await expect(page.getByText("Account handed over to Harbor Recovery LLC: reminders stopped").first()).toBeVisible();
});
