import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { portalLinkFor, readLatestEmail, signInAsOwner } from "./helpers";

test.describe.configure({ mode: "serial" });

const DAY = 86400_000;
const start = new Date();
start.setUTCHours(14, 0, 0, 0); // daytime in New York and London: outside every demo customer's night hours
const dayAt = (n: number) => new Date(start.getTime() + n * DAY).toISOString();
const isoDate = (n: number) => dayAt(n).slice(0, 10);

async function setDay(request: APIRequestContext, n: number) {
  expect((await request.post("/dev/clock", { form: { at: dayAt(n) } })).ok()).toBe(true);
}

async function runNow(page: Page) {
  await page.goto("/app/reminders");
  await page.getByRole("button", { name: "Send due reminders now" }).click();
  await expect(page.getByRole("status")).toContainText("Reminder run finished");
  return page.getByRole("status").innerText();
}

async function countEmails(page: Page, to: string, subject: RegExp) {
  await page.goto("/dev/mailbox");
  return page.getByRole("link", { name: subject }).filter({ hasText: `To ${to}` }).count();
}

test.afterAll(async ({ request }) => {
  await request.post("/dev/clock", { form: { offsetDays: "0" } });
});

test("the owner edits a tier with a live preview and a clear error for a bad placeholder", async ({ page }) => {
  await signInAsOwner(page);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Reminders" }).click();
  const gentle = page.getByRole("form", { name: "Gentle reminder settings" });
  await gentle.getByLabel("Subject").fill("Quick nudge about {{invoiceNumbers}} for {{customer}}");
  await expect(page.getByTestId("preview-subject-GENTLE")).toHaveText("Quick nudge about INV-0994 for {{customer}}");
  await gentle.getByRole("button", { name: "Save gentle reminder" }).click();
  await expect(gentle.getByText("Unknown placeholder {{customer}}: use the ones listed below.")).toBeVisible();
  await gentle.getByLabel("Subject").fill("Friendly reminder: {{invoiceNumbers}} was due on {{dueDate}}");
  await gentle.getByLabel("Days from the due date (negative = before)").fill("30");
  await gentle.getByRole("button", { name: "Save gentle reminder" }).click();
  await expect(gentle.getByText("Must come before Firm reminder (10 days).")).toBeVisible();
  await gentle.getByLabel("Days from the due date (negative = before)").fill("3");
  await gentle.getByRole("button", { name: "Save gentle reminder" }).click();
  await expect(gentle.getByText("Saved.")).toBeVisible();
  const guardrails = page.getByRole("spinbutton", { name: "Minimum days between reminders" });
  await guardrails.fill("2");
  await page.getByRole("button", { name: "Save guardrails" }).click();
  await expect(page.getByText("The gap cannot be shorter than 3 days: closer reminders feel like harassment.")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/owner-reminders.png", fullPage: true });
});

test("an invoice walks through the tiers; a promise pauses it and then breaks; a question pauses it until answered", async ({ page, request }) => {
  test.setTimeout(120_000);
  await setDay(request, 0);
  const alanLink = await portalLinkFor(page, "Alan Turing", "alan@bletchley.test");
  const graceLink = await portalLinkFor(page, "Grace Hopper", "grace@compiler.test");
  await runNow(page);
  expect(await countEmails(page, "alan@bletchley.test", /Friendly reminder: INV-0995/)).toBe(1);
  expect(await countEmails(page, "grace@compiler.test", /Invoice INV-0998 is due on/)).toBe(1);
  const gentle = await readLatestEmail(page, "alan@bletchley.test", /Friendly reminder: INV-0995/);
  expect(gentle).toContain("Hello Alan Turing");
  expect(gentle).toMatch(/\/portal\/access\//);

  // Alan promises a date; Grace asks a question.
  await page.goto(alanLink);
  await page.getByRole("link", { name: "INV-0995", exact: true }).click();
  await page.getByLabel("I will pay by").fill(isoDate(20));
  await page.getByRole("button", { name: "Promise this date" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose a date no later than");
  await page.getByLabel("I will pay by").fill(isoDate(10));
  await page.getByRole("button", { name: "Promise this date" }).click();
  await expect(page.getByText(/You told us you will pay \$1,825\.00 by/)).toBeVisible();
  expect(await readLatestEmail(page, "alan@bletchley.test", /Confirmed: you will pay \$1,825\.00/)).toContain("We will not send you reminders for these invoices before that date.");

  await page.goto(graceLink);
  await page.getByRole("link", { name: "INV-0998", exact: true }).click();
  await page.getByLabel("What is it about?").selectOption("AMOUNT_WRONG");
  await page.getByLabel("Your question").fill("We agreed on a lower retainer this month. Can you check?");
  await page.getByRole("button", { name: "I have a question about this invoice" }).click();
  await expect(page.getByText("Waiting for an answer. Reminders for this invoice are paused.")).toBeVisible();

  // Eight days on, both are due a tier, and both are held back.
  await setDay(request, 8);
  await signInAsOwner(page);
  await runNow(page);
  expect(await countEmails(page, "alan@bletchley.test", /INV-0995/)).toBe(1 + 0);
  expect(await countEmails(page, "grace@compiler.test", /Friendly reminder: INV-0998/)).toBe(0);

  // The owner answers Grace and resolves the question: chasing resumes.
  await page.goto("/app/questions");
  const answer = page.getByRole("form", { name: "Answer Grace Hopper" });
  await answer.getByLabel("Answer").fill("You are right, we have corrected it on the invoice.");
  await answer.getByRole("button", { name: "Send answer" }).click();
  await expect(page.getByText("Your answer: You are right, we have corrected it on the invoice.")).toBeVisible();
  expect(await readLatestEmail(page, "grace@compiler.test", /About INV-0998: our answer/)).toContain("You are right, we have corrected it");
  await runNow(page);
  expect(await countEmails(page, "grace@compiler.test", /Friendly reminder: INV-0998/)).toBe(1);

  // Alan's date passes unpaid: the promise breaks and the next tier goes out.
  await setDay(request, 11);
  await runNow(page);
  expect(await countEmails(page, "alan@bletchley.test", /Payment overdue: INV-0995/)).toBe(1);
  await setDay(request, 19);
  await runNow(page);
  const final = await readLatestEmail(page, "alan@bletchley.test", /Final notice: INV-0995/);
  expect(final).toContain("refer the balance to our collections partner");

  // Running again sends nothing twice.
  await runNow(page);
  expect(await countEmails(page, "alan@bletchley.test", /INV-0995/)).toBe(3);

  await page.goto("/app");
  await page.getByRole("link", { name: "Alan Turing" }).first().click();
  await expect(page.getByText("Promise to pay by").first()).toBeVisible();
  await expect(page.getByText(/was broken; reminders resume at the next tier/)).toBeVisible();
  await expect(page.getByText("Last reminder: Final notice")).toBeVisible();
  await page.screenshot({ path: "test-results/screens/owner-customer-timeline.png", fullPage: true });
});

test("a late fee appears after the grace period, is explained to the customer, and the owner waives it", async ({ page, request }) => {
  test.setTimeout(90_000);
  await signInAsOwner(page);
  await page.goto("/app/settings");
  const form = page.getByRole("form", { name: "Late fees" });
  await form.getByLabel("Charge late fees").check();
  await form.getByLabel("Grace period (days after the due date)").fill("5");
  await form.getByLabel("Cap per invoice (% of principal)").fill("");
  await form.getByRole("button", { name: "Save late fees" }).click();
  await expect(form.getByText("Set a cap (an amount or a percentage) before turning late fees on.")).toBeVisible();
  await form.getByLabel("Cap per invoice (% of principal)").fill("10");
  await form.getByRole("group", { name: "Fee at Firm reminder" }).getByLabel("Fixed ($)").fill("25");
  await form.getByRole("button", { name: "Save late fees" }).click();
  await expect(form.getByText("Late fees saved.")).toBeVisible();

  await setDay(request, 20);
  await runNow(page);
  await page.goto("/app");
  await page.getByRole("link", { name: "Edsger Dijkstra" }).first().click();
  const fees = page.getByRole("region", { name: "Late fees" }).or(page.getByText("Late fees").locator(".."));
  await expect(page.getByText(/INV-0975 · Late fee: Firm reminder stage/)).toBeVisible();
  await expect(fees.getByText("$25.00").first()).toBeVisible();

  const link = await portalLinkFor(page, "Edsger Dijkstra", "edsger@shortestpath.test");
  await page.goto(link);
  await page.getByRole("link", { name: "INV-0975", exact: true }).click();
  await expect(page.getByRole("cell", { name: /Late fee: Firm reminder stage/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Balance due/ })).toContainText("$3,925.00");

  await signInAsOwner(page);
  await page.goto("/app");
  await page.getByRole("link", { name: "Edsger Dijkstra" }).first().click();
  const waive = page.getByRole("form", { name: "Waive the fee on INV-0975" });
  await waive.getByRole("button", { name: "Waive" }).click();
  await expect(page.getByRole("alert")).toHaveText("Say why you waive the fee (at least 3 characters).");
  await waive.getByLabel("Reason for waiving").fill("Goodwill: first late payment");
  await waive.getByRole("button", { name: "Waive" }).click();
  await expect(page.getByText("Waived: Goodwill: first late payment")).toBeVisible();
  await expect(page.getByText(/Waived the \$25\.00 late fee on INV-0975: Goodwill/)).toBeVisible();
});

test("the owner writes a tier's French text and sees which languages fall back to the business's", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto("/app/reminders");
  const tabs = page.getByRole("tablist", { name: "Gentle reminder: language of the text" });
  await tabs.getByRole("tab", { name: /Français/ }).click();
  await expect(page.getByRole("note").filter({ hasText: "No Français text yet: customers who read Français get the English text." })).toBeVisible();
  const french = page.getByRole("form", { name: "Gentle reminder, Français text" });
  await french.getByLabel("Subject (Français)").fill("Petit rappel : {{facture}}");
  await french.getByLabel("Message (Français)").fill("Bonjour {{customerName}},\n\nla facture {{invoiceNumbers}} ({{amount}}) était due le {{dueDate}}.");
  await french.getByRole("button", { name: "Save Français text" }).click();
  await expect(french.getByText("Unknown placeholder {{facture}}: use the ones listed below.")).toBeVisible();
  await french.getByLabel("Subject (Français)").fill("Petit rappel : {{invoiceNumbers}}");
  await french.getByRole("button", { name: "Save Français text" }).click();
  await expect(french.getByText("Saved.")).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "No Français text yet" })).toHaveCount(0);
  await expect(page.getByTestId("preview-subject-GENTLE")).toHaveText("Petit rappel : INV-0994");
  await tabs.getByRole("tab", { name: /Deutsch/ }).click();
  await expect(page.getByRole("note").filter({ hasText: "No Deutsch text yet: customers who read Deutsch get the English text." })).toBeVisible();
  await page.reload();
  await tabs.getByRole("tab", { name: /Français/ }).click();
  await expect(page.getByRole("form", { name: "Gentle reminder, Français text" }).getByLabel("Subject (Français)")).toHaveValue("Petit rappel : {{invoiceNumbers}}");
});
