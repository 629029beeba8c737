// Issue 20: with Stripe's keys unset, the owner's and the customer's pages ask nothing of any other origin — no
// font, script, image, analytics or frame from elsewhere. Every request the browser makes is recorded, each page is
// opened by a real navigation, and each request's origin must be the app's own (or data:/blob:).
import type { Page } from "@playwright/test";
import { createCustomerWithInvoice, portalLinkPath } from "./data";
import { expect, test } from "./fixtures";
import { signInAsOwner } from "./helpers";

function recordRequests(page: Page) {
  const requests: string[] = [];
  page.context().on("request", (request) => void requests.push(request.url()));
  return requests;
}

const elsewhere = (requests: string[], origin: string) => requests.filter((url) => !/^(data|blob|about):/.test(url) && new URL(url).origin !== origin);

test("the owner's and the customer's pages send no request to any other origin", async ({ page, baseURL }) => {
  test.slow();
  const origin = new URL(baseURL!).origin;
  const requests = recordRequests(page);
  const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  const c = await createCustomerWithInvoice({ name: "First Party Ltd", amountCents: 64_000, issueDate: day(-30), dueDate: day(-3) });

  await signInAsOwner(page);
  const nav = page.getByRole("navigation", { name: "Workspace" });
  const ownerPages = await nav.getByRole("link").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
  expect(ownerPages.length).toBeGreaterThan(8);
  for (const path of [...new Set(ownerPages)]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  await page.goto(`/app/customers/${c.customerId}`);
  await page.waitForLoadState("networkidle");

  // The customer: every page of the portal, in English and in Arabic (another script, another direction).
  await page.goto(await portalLinkPath(c.customerId));
  for (const language of ["en", "ar"]) {
    await page.locator("#language-switch").selectOption(language);
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    for (const path of ["/portal", `/portal/invoices/${c.invoiceId}`, `/portal/pay?invoice=${c.invoiceId}`, `/portal/plan?invoice=${c.invoiceId}`]) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
  }
  // The card form of a payment (Stripe.js is what a configured gateway would load: with no keys, nothing is).
  // The switch posts the choice: wait for its answer, or the next navigation cancels the post and the page stays Arabic.
  await page.locator("#language-switch").selectOption("en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto(`/portal/pay?invoice=${c.invoiceId}`);
  await page.getByRole("button", { name: "Continue to payment details" }).click();
  await expect(page.getByLabel("Card number")).toBeVisible();
  await page.waitForLoadState("networkidle");

  expect(requests.length).toBeGreaterThan(20);
  expect(elsewhere(requests, origin), "requests to other origins").toEqual([]);
});
