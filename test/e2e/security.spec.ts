// Security headers in a real browser: the CSP nonce on every script, no violation anywhere the owner and a
// customer go (including a payment), and client-side navigation and forms still working under the policy.
import type { Page } from "@playwright/test";
import { createCustomerWithInvoice } from "./data";
import { expect, test } from "./fixtures";
import { payByCard, portalLinkFor, signInAsOwner } from "./helpers";

function nonceOf(response: { headers(): Record<string, string>; url(): string } | null) {
  if (!response) throw new Error("no response");
  const csp = response.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, `a nonce in the CSP of ${response.url()}`).toBeTruthy();
  return { csp, nonce: nonce! };
}

/** Every CSP violation in the page and its frames, as the browser reports it (event and console). */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  await page.exposeBinding("__reportCspViolation", (_source, text: string) => void violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} on ${location.href}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return violations;
}

/** Marks the window: a full page load clears the mark, a Remix client-side navigation keeps it. */
async function markWindow(page: Page) {
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
}
async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true), "no full page load").toBe(true);
}

/** The page's scripts, as served, each carry the nonce of the response's CSP; in the DOM the nonce is hidden. */
async function expectScriptsCarryNonce(page: Page, path: string, atLeast = 2) {
  const response = await page.request.get(path);
  expect(response.status()).toBe(200);
  const { nonce } = nonceOf(response);
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `scripts on ${path}`).toBeGreaterThanOrEqual(atLeast);
  for (const tag of scripts) expect(tag, `a script on ${path}`).toContain(` nonce="${nonce}"`);
  return nonce;
}

test("every response carries the policy; the nonce is fresh per request and on every script; no HSTS outside production", async ({ page }) => {
  const first = await page.request.get("/login");
  const second = await page.request.get("/login");
  const a = nonceOf(first);
  const b = nonceOf(second);
  expect(a.nonce).not.toBe(b.nonce);
  expect(Buffer.from(a.nonce, "base64")).toHaveLength(16);
  expect(a.csp).toContain("frame-ancestors 'none'");
  expect(a.csp).toContain("'strict-dynamic'");
  expect(a.csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
  expect(a.csp).not.toContain("upgrade-insecure-requests");
  for (const response of [first, await page.request.get("/healthz"), await page.request.get("/favicon.svg")]) {
    expect(response.headers()["content-security-policy"], response.url()).toContain("default-src 'self'");
    expect(response.headers()["strict-transport-security"], response.url()).toBeUndefined();
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  }
  // With the payment simulator (no Stripe keys) no third-party origin is allowed at all.
  expect(a.csp).not.toContain("stripe.com");
  expect(a.csp).toContain("frame-src 'none'");

  await expectScriptsCarryNonce(page, "/login");
  const served = await page.goto("/login");
  const { nonce } = nonceOf(served);
  const inDom = await page.evaluate(() => [...document.scripts].map((s) => ({ property: s.nonce, attribute: s.getAttribute("nonce") })));
  expect(inDom.length).toBeGreaterThan(1);
  for (const script of inDom) expect(script).toEqual({ property: nonce, attribute: "" });
});

test("the violation watch hears a violation (so silence below means none happened)", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto("/login");
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "http://images.example.invalid/tracker.png";
    document.body.append(img);
  });
  await expect.poll(() => violations.join("\n")).toContain("img-src");
});

test("the owner and a customer use the app under the policy without a single violation, paying included", async ({ page }) => {
  const violations = await watchViolations(page);
  const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  const name = "Policy Checkers";
  const customer = await createCustomerWithInvoice({ name, amountCents: 12_300, issueDate: day(-1), dueDate: day(20) });

  // Owner: sign in (a form), then client-side navigation through pages with inline brand styles, charts and email previews.
  await signInAsOwner(page);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await markWindow(page);
  const nav = page.getByRole("navigation", { name: "Workspace" });
  await nav.getByRole("link", { name: "Money" }).click();
  await expect(page.getByRole("heading", { name: "Money" })).toBeVisible();
  await expect(page.getByTestId("money-USD").getByTestId("aging")).toBeVisible();
  await nav.getByRole("link", { name: "Emails" }).click();
  const preview = page.frameLocator("iframe[title$='preview']");
  await expect(preview.getByText("Northwind Studio").first()).toBeVisible();
  await expectSameDocument(page);
  // The email preview is styled inline; its frame inherits the policy and must still be styled.
  const previewBackground = await preview.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
  expect(previewBackground).not.toBe("rgba(0, 0, 0, 0)");
  // The brand colour is an inline style attribute on the header: allowed and applied.
  const headerBackground = await page.locator("header").first().evaluate((h) => getComputedStyle(h).backgroundColor);
  expect(headerBackground).toBe("rgb(15, 118, 110)");
  expect(await expectScriptsCarryNonce(page, "/app/money")).toBeTruthy();

  // The customer: the emailed portal link and an invoice, both sent without the app's scripts (only the language
  // switch's inline line, with the nonce: docs/decisions/034-first-load.md), then the pay page, which hydrates, and
  // a payment by card by client-side navigation.
  const link = await portalLinkFor(page, name, customer.email);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  expect(await expectScriptsCarryNonce(page, "/portal", 1)).toBeTruthy();
  await page.getByRole("link", { name: customer.number, exact: true }).first().click();
  await expect(page.getByRole("heading", { name: `Invoice ${customer.number}` })).toBeVisible();
  await page.getByRole("link", { name: "Pay $123.00" }).click();
  const proceed = page.getByRole("button", { name: "Continue to payment details" });
  await expect(proceed).toBeVisible();
  await page.waitForFunction(() => Object.keys(document.querySelector("main form") ?? {}).some((key) => key.startsWith("__reactProps")));
  await markWindow(page);
  await proceed.click();
  await expect(page.getByRole("heading", { name: /^Pay \$[\d,.]+ by card$/ })).toBeVisible();
  await expectSameDocument(page);
  expect(await expectScriptsCarryNonce(page, new URL(page.url()).pathname)).toBeTruthy();
  await payByCard(page, "4242 4242 4242 4242");
  await expect(page.getByText("Payment received")).toBeVisible();
  await expectSameDocument(page);

  expect(violations, "CSP violations").toEqual([]);
});
