import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { OWNER } from "./state";

// The owner's session cookie from the last sign-in, reused by every test that needs an owner: the suite signs in
// once rather than once per test, staying well under the sign-in rate limit (30 per address in 15 minutes), as a
// person would. global-setup removes it; a test that signs out or whose session is gone simply signs in again.
export const OWNER_SESSION_FILE = path.resolve("test-results/e2e-owner-session.json");

export async function signInAsOwner(page: Page) {
  if (fs.existsSync(OWNER_SESSION_FILE)) await page.context().addCookies(JSON.parse(fs.readFileSync(OWNER_SESSION_FILE, "utf8")));
  await page.goto("/app");
  if (!page.url().includes("/login")) return;
  await page.getByLabel("Email").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/app$/);
  // Only the owner's cookie: not a portal session the same browser may also hold.
  fs.writeFileSync(OWNER_SESSION_FILE, JSON.stringify((await page.context().cookies()).filter((c) => c.name === "duely_owner")));
}

/** Opens the newest email to `to` whose subject matches, in the dev mailbox, and returns its plain text. */
export async function readLatestEmail(page: Page, to: string, subject: RegExp) {
  await page.goto("/dev/mailbox");
  const message = page.getByRole("link", { name: subject }).filter({ hasText: `To ${to}` }).first();
  await expect(async () => {
    await page.reload();
    await expect(message).toContainText("SENT", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await message.click();
  await page.getByRole("link", { name: "Plain text" }).click();
  return page.getByTestId("email-text").innerText();
}

export function portalLinkIn(text: string) {
  const link = /https?:\/\/\S+\/portal\/access\/[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(link, "a portal link in the email").toBeTruthy();
  return link!;
}

/** As the owner, emails a customer their portal link and returns it from the dev mailbox. */
export async function portalLinkFor(page: Page, customerName: string, email: string) {
  await signInAsOwner(page);
  await page.getByRole("link", { name: customerName }).first().click();
  await page.getByRole("button", { name: "Email portal link" }).click();
  await expect(page.getByRole("status")).toHaveText("Portal link emailed.");
  return portalLinkIn(await readLatestEmail(page, email, /Your account with Northwind Studio/));
}

export async function payByCard(page: Page, number: string) {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 30");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: /^Pay \$/ }).click();
}

export async function payByBank(page: Page, account: string) {
  await page.getByLabel("Account holder name").fill("Test Holder");
  await page.getByLabel("Routing number").fill("110000000");
  await page.getByLabel("Account number").fill(account);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: /^Pay \$/ }).click();
}
