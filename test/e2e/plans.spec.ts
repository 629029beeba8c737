// Self-serve plans end to end, with the app's clock moved forward between instalments.
import type { APIRequestContext, Page } from "@playwright/test";
import { addMonths, addDays, formatDate, type CalendarDate } from "../../app/modules/dates/calendar";
import { createCustomerWithInvoice } from "./data";
import { expect, test } from "./fixtures";
import { payByBank, payByCard, portalLinkIn, readLatestEmail, signInAsOwner } from "./helpers";

test.describe.configure({ mode: "serial", timeout: 120_000 });

const start = new Date();
start.setUTCHours(15, 0, 0, 0); // 10:00 in New York: daytime for the business and its customers
const day0 = start.toISOString().slice(0, 10) as CalendarDate;
/** 10:00 in New York on the given calendar day. */
const at = (day: CalendarDate) => new Date(`${day}T15:00:00Z`).toISOString();
const long = (day: CalendarDate) => formatDate(day, "en-US", "long");

async function setDay(request: APIRequestContext, day: CalendarDate) {
  expect((await request.post("/dev/clock", { form: { at: at(day) } })).ok()).toBe(true);
}

async function runCharges(page: Page) {
  await signInAsOwner(page);
  await page.goto("/app/plans");
  await page.getByRole("button", { name: "Run due plan charges now" }).click();
  await expect(page.getByRole("status")).toContainText("Charged");
  return page.getByRole("status").innerText();
}

/** A new customer with a $300.00 invoice due 5 days ago, and their portal link from the owner's email. */
async function newCustomer(page: Page, name: string) {
  const c = await createCustomerWithInvoice({ name, amountCents: 30_000, issueDate: addDays(day0, -35), dueDate: addDays(day0, -5) });
  await signInAsOwner(page);
  await page.goto(`/app/customers/${c.customerId}`);
  await page.getByRole("button", { name: "Email portal link" }).click();
  await expect(page.getByRole("status")).toHaveText("Portal link emailed.");
  const link = portalLinkIn(await readLatestEmail(page, c.email, /Your account with Northwind Studio/));
  return { ...c, link };
}

async function setUpPlan(page: Page, link: string, count: string, frequency: string, method: "Card" | "Bank account (ACH)") {
  await page.goto(link);
  await page.getByRole("button", { name: "Pay over time" }).first().click();
  await expect(page.getByRole("heading", { name: "Pay over time" })).toBeVisible();
  await page.getByLabel("Number of instalments").selectOption(count);
  await page.getByLabel("How often").selectOption(frequency);
  await page.getByRole("radio", { name: new RegExp(method.replace(/[()]/g, "\\$&")) }).check();
}

test.beforeAll(async ({ request }) => {
  await setDay(request, day0);
});

test.afterAll(async ({ request }) => {
  await request.post("/dev/clock", { form: { offsetDays: "0" } });
});

test("a customer sets up a three-instalment monthly plan by card; instalment 2 is charged on its day after a notice", async ({ page, request }) => {
  const c = await newCustomer(page, "Plan Card Customer");
  await setUpPlan(page, c.link, "3", "MONTHLY", "Card");
  const schedule = page.getByTestId("plan-schedule");
  await expect(schedule.getByRole("row")).toHaveCount(5); // header, 3 instalments, total
  await expect(schedule).toContainText(`Today, ${long(day0)}`);
  await expect(schedule).toContainText(long(addMonths(day0, 1)));
  await expect(schedule).toContainText(long(addMonths(day0, 2)));
  await expect(schedule.getByRole("row").filter({ hasText: "Total" })).toContainText("$300.00");

  // Agreeing is required, and says so.
  await page.getByRole("button", { name: "Agree and pay $100.00 today" }).click();
  await expect(page.getByText("Tick the box to agree to the schedule and the later charges.")).toBeVisible();
  await page.screenshot({ path: "/tmp/shots/plan-builder.png", fullPage: true });
  await page.getByRole("checkbox", { name: /I agree to this plan/ }).check();
  await page.getByRole("button", { name: "Agree and pay $100.00 today" }).click();

  await expect(page.getByRole("heading", { name: "Pay instalment 1: $100.00 by card" })).toBeVisible();
  await expect(page.getByText("This card is saved for the later instalments")).toBeVisible();
  await payByCard(page, "4242 4242 4242 4242");
  await expect(page.getByText("Your payment plan is active.")).toBeVisible();
  await page.getByRole("link", { name: "See your plan" }).click();
  await expect(page.getByTestId("plan-status")).toHaveText("Active");
  await expect(page.getByTestId("plan-method")).toHaveText("Visa ending 4242");
  await expect(page.getByTestId("plan-instalments").getByRole("row").nth(1)).toContainText("Paid");
  await page.screenshot({ path: "/tmp/shots/plan-page.png", fullPage: true });
  expect(await readLatestEmail(page, c.email, /Your payment plan with Northwind Studio is set up/)).toContain("Visa ending 4242");

  // Three days before instalment 2: the notice. On the day: the charge, and its receipt.
  const second = addMonths(day0, 1);
  await setDay(request, addDays(second, -3));
  expect(await runCharges(page)).toMatch(/sent [1-9]\d* notice/);
  const notice = await readLatestEmail(page, c.email, /We’ll charge \$100\.00 to Visa ending 4242/);
  expect(notice).toContain(long(second));
  await setDay(request, second);
  expect(await runCharges(page)).toMatch(/Charged [1-9]\d* instalment/);
  expect(await readLatestEmail(page, c.email, /Receipt R-\d+ from Northwind Studio: \$100\.00 received/)).toContain("$100.00");
  // A month on, the first link has expired: the notice's own link opens the plan.
  await page.goto(portalLinkIn(notice));
  await page.getByRole("link", { name: /Plan for/ }).click();
  const rows = page.getByTestId("plan-instalments").getByRole("row");
  await expect(rows.nth(1)).toContainText("Paid");
  await expect(rows.nth(2)).toContainText("Paid");
  await expect(rows.nth(3)).toContainText("Scheduled");

  // The owner ends the plan with a reason: logged, the customer told, nothing more charged.
  await signInAsOwner(page);
  await page.goto("/app/plans");
  await page.getByRole("link", { name: "Plan details for Plan Card Customer" }).click();
  await page.getByRole("button", { name: "Cancel plan" }).click();
  await expect(page.getByText("Give a reason for cancelling (it is logged and sent to the customer).")).toBeVisible();
  await page.getByLabel("Reason").fill("Paying the rest by cheque, agreed on the phone");
  await page.getByRole("button", { name: "Cancel plan" }).click();
  await expect(page.getByText(/Cancelled on .*: Paying the rest by cheque, agreed on the phone/)).toBeVisible();
  await expect(page.getByText("Plan cancelled by the owner: Paying the rest by cheque, agreed on the phone").first()).toBeVisible();
  expect(await readLatestEmail(page, c.email, /Your payment plan with Northwind Studio was cancelled/)).toContain("Paying the rest by cheque");
});

test("a card that declines at the later charges: retried, the customer told, then the plan defaults and the owner sees it", async ({ page, request }) => {
  await setDay(request, day0);
  const c = await newCustomer(page, "Plan Declining Customer");
  await setUpPlan(page, c.link, "3", "MONTHLY", "Card");
  await page.getByRole("checkbox", { name: /I agree to this plan/ }).check();
  await page.getByRole("button", { name: "Agree and pay $100.00 today" }).click();
  await payByCard(page, "4242 4242 4242 4242");
  await page.getByRole("link", { name: "See your plan" }).click();

  // The customer switches the plan to a card that saves but declines every charge (Stripe's 0341).
  await page.getByRole("link", { name: "Use another card" }).click();
  await page.getByLabel("Card number").fill("4000 0000 0000 0341");
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 30");
  await page.getByLabel("Security code").fill("123");
  await page.getByRole("button", { name: "Save for the plan" }).click();
  await expect(page.getByRole("status")).toContainText("Visa ending 0341");

  const second = addMonths(day0, 1);
  await setDay(request, second);
  await runCharges(page);
  const failed = await readLatestEmail(page, c.email, /Your instalment of \$100\.00 to Northwind Studio did not go through/);
  expect(failed).toContain(`We will try again on ${long(addDays(second, 3))}`);
  await page.goto(portalLinkIn(failed));
  await page.getByRole("link", { name: /Plan for/ }).click();
  await expect(page.getByRole("heading", { name: /Instalment 2 \(\$100\.00\) did not go through/ })).toBeVisible();
  await page.screenshot({ path: "/tmp/shots/plan-missed.png", fullPage: true });

  await setDay(request, addDays(second, 3));
  await runCharges(page);
  await setDay(request, addDays(second, 6));
  await runCharges(page);
  const ended = await readLatestEmail(page, c.email, /Your payment plan with Northwind Studio has ended: \$200\.00 is now due/);
  await page.goto(portalLinkIn(ended));
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Plan for/ })).toHaveCount(0);
  await page.goto("/app/plans?status=DEFAULTED");
  await expect(page.getByRole("row").filter({ hasText: "Plan Declining Customer" })).toBeVisible();
});

test("the same flow by bank debit: the plan starts while instalment 1 is processing, and instalment 2 is debited on its day", async ({ page, request }) => {
  await setDay(request, day0);
  const c = await newCustomer(page, "Plan Bank Customer");
  await setUpPlan(page, c.link, "2", "WEEKLY", "Bank account (ACH)");
  await page.getByRole("checkbox", { name: /I agree to this plan/ }).check();
  await page.getByRole("button", { name: /Agree and pay \$148\.50 today/ }).click();
  await expect(page.getByText(/I authorise Northwind Studio to debit \$148\.50 from this account today and the later instalments/)).toBeVisible();
  await payByBank(page, "000123456789");
  await expect(page.getByRole("heading", { name: "Your bank payment is processing" })).toBeVisible();
  await expect(page.getByText("Your payment plan is active.")).toBeVisible();
  await page.getByRole("link", { name: "See your plan" }).click();
  await expect(page.getByTestId("plan-method")).toHaveText("STRIPE TEST BANK ending 6789");
  const planUrl = page.url();
  // The simulator clears the debit a couple of seconds later.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("plan-instalments").getByRole("row").nth(1)).toContainText("Paid", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  await setDay(request, addDays(day0, 7));
  expect(await runCharges(page)).toMatch(/Charged [1-9]\d* instalment/);
  // The debit may clear before the page opens: a completed plan leaves the home page's list, so open it directly.
  await page.goto(c.link);
  await page.goto(planUrl);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("plan-status")).toHaveText("Completed", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});
