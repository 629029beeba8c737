import type { PlanPolicy } from "../../app/generated/prisma/client";
import { afterEach, describe, expect, it } from "vitest";
import { fromDbDate, type CalendarDate } from "../../app/modules/dates/calendar";
import { listCustomerInvoices } from "../../app/modules/invoices/invoices.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { startPayment } from "../../app/modules/payments/checkout.server";
import { confirmSimulatedPayment, runSimulatorLater, settleSimulatedBankDebit } from "../../app/modules/payments/simulator.server";
import { runPlanCharges } from "../../app/modules/plans/charges.server";
import { saveSimulatedPlanMethod } from "../../app/modules/plans/methods.server";
import { loadPlanAccount, planOffered } from "../../app/modules/plans/portal.server";
import { cancelPlanByOwner, PlanInputError, planEligibility, startInstalmentPayment, startPlan } from "../../app/modules/plans/plans.server";
import { setPlanAccess } from "../../app/modules/customers/customers.server";
import { DEFAULT_TIERS } from "../../app/modules/reminders/default-tiers";
import { runReminders } from "../../app/modules/reminders/engine.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { translateRefusal } from "../../app/modules/i18n/refusal";
import { translator } from "../../app/modules/i18n/translator.server";

/** Why a plan is refused, as an English-speaking customer reads it. */
const reasonOf = (e: Awaited<ReturnType<typeof planEligibility>>) => (e.allowed ? null : translateRefusal(translator("en"), e.refusal));
import { createBusiness, createCustomer, createInvoice, createOwner } from "../fixtures/factories";

const CARD = (number: string) => ({ method: "CARD" as const, card: { number, expMonth: 12, expYear: 2035, cvc: "123" } });
const BANK = (accountNumber: string) => ({ method: "US_BANK_ACCOUNT" as const, bank: { holderName: "Ada Lovelace", routingNumber: "110000000", accountNumber } });

/** Noon in New York on the given day: the business's day, well outside quiet hours. */
const noon = (day: string) => new Date(`${day}T17:00:00Z`);
const setDay = (day: string) => setClockOffset(noon(day).getTime() - Date.now());

/** A business with the default plan policy and reminder tiers; one invoice of $300.00 due on 1 December 2026. */
async function world(amountCents = 30_000) {
  const business = await createBusiness();
  await db.reminderTier.createMany({ data: DEFAULT_TIERS.map((t) => ({ ...t, businessId: business.id })) });
  const { user } = await createOwner(business.id);
  const customer = await createCustomer(business.id, { name: "Ada Lovelace" });
  const invoice = await createInvoice(business.id, customer.id, { amountCents, issueDate: "2026-11-01" as CalendarDate, dueInDays: 30 });
  await setDay("2026-12-01");
  return { business, owner: user, customer, invoice };
}

const setPolicy = (businessId: string, data: Partial<Omit<PlanPolicy, "businessId">>) =>
  db.planPolicy.upsert({ where: { businessId }, create: { businessId, ...data }, update: data });
const planOf = (planId: string) => db.plan.findUniqueOrThrow({ where: { id: planId }, include: { instalments: { orderBy: { sequence: "asc" } }, paymentMethod: true } });
const emailsTo = (customerId: string, template: string) => db.outboxEmail.findMany({ where: { customerId, template }, orderBy: { createdAt: "asc" } });
const activity = async (invoiceId: string) => (await db.activityEvent.findMany({ where: { invoiceId }, orderBy: { id: "asc" } })).map((a) => a.type);

async function activeCardPlan(card = "4242424242424242") {
  const w = await world();
  const { planId, paymentId } = await startPlan({ customerId: w.customer.id, invoiceIds: [w.invoice.id], count: 3, frequency: "MONTHLY", method: "CARD" });
  expect(await confirmSimulatedPayment(w.customer.id, paymentId, CARD(card))).toBe("SUCCEEDED");
  return { ...w, planId, paymentId };
}

afterEach(async () => {
  await setClockOffset(0);
  await stopBoss();
});

describe("a self-serve plan by card", () => {
  it("lets more plan checkouts of one invoice than the connection pool holds take turns, leaving one waiting plan", async () => {
    // Each waits on the invoice's row lock holding a connection: the one holding the lock must not need another.
    const w = await world();
    const results = await Promise.allSettled(
      Array.from({ length: 11 }, () => startPlan({ customerId: w.customer.id, invoiceIds: [w.invoice.id], count: 3, frequency: "MONTHLY", method: "CARD" })),
    );
    // On a slow machine a late one may be refused as busy, in words; a starved pool refused them all.
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(PlanInputError);
    expect(results.filter((r) => r.status === "fulfilled").length).toBeGreaterThan(0);
    expect(await db.plan.count({ where: { customerId: w.customer.id, status: "PENDING" } })).toBe(1);
  });

  it("exists only once instalment 1 is paid, then charges instalment 2 on its day after a notice", async () => {
    const w = await world();
    const { planId, paymentId } = await startPlan({ customerId: w.customer.id, invoiceIds: [w.invoice.id], count: 3, frequency: "MONTHLY", method: "CARD" });
    let plan = await planOf(planId);
    expect(plan.status).toBe("PENDING");
    expect(plan.instalments.map((i) => [fromDbDate(i.dueDate), i.amountCents])).toEqual([
      ["2026-12-01", 10_000],
      ["2027-01-01", 10_000],
      ["2027-02-01", 10_000],
    ]);
    expect(plan.termsText).toContain("$100.00 on December 1, 2026, $100.00 on January 1, 2027, and $100.00 on February 1, 2027");
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ amountCents: 10_000, savePaymentMethod: true, instalmentAttempt: 1, offSession: false });

    // A declined card: no payment today, no plan.
    expect(await confirmSimulatedPayment(w.customer.id, paymentId, CARD("4000000000000002"))).toBe("PENDING");
    expect((await planOf(planId)).status).toBe("PENDING");
    expect(await confirmSimulatedPayment(w.customer.id, paymentId, CARD("4242424242424242"))).toBe("SUCCEEDED");
    plan = await planOf(planId);
    expect(plan.status).toBe("ACTIVE");
    expect(plan.paymentMethod).toMatchObject({ type: "CARD", brand: "visa", last4: "4242" });
    expect(plan.instalments.map((i) => i.status)).toEqual(["PAID", "SCHEDULED", "SCHEDULED"]);
    expect(await emailsTo(w.customer.id, "plan-confirmation")).toHaveLength(1);

    // Three days before instalment 2: the notice, once.
    await setDay("2026-12-28");
    expect(await runPlanCharges()).toMatchObject({ notices: 0, charges: 0 });
    await setDay("2026-12-29");
    expect(await runPlanCharges()).toMatchObject({ notices: 1, charges: 0 });
    expect(await runPlanCharges()).toMatchObject({ notices: 0, charges: 0 });
    const notices = await emailsTo(w.customer.id, "instalment-notice");
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toContain("$100.00 to Visa ending 4242 on January 1, 2027");

    // While the plan is current, the overdue invoice gets no reminders.
    await runReminders({ businessId: w.business.id });
    expect(await emailsTo(w.customer.id, "reminder")).toHaveLength(0);

    await setDay("2027-01-01");
    expect(await runPlanCharges()).toMatchObject({ charges: 1, errors: 0 });
    plan = await planOf(planId);
    expect(plan.instalments.map((i) => i.status)).toEqual(["PAID", "PAID", "SCHEDULED"]);
    const second = await db.payment.findFirstOrThrow({ where: { instalmentId: plan.instalments[1]!.id } });
    expect(second).toMatchObject({ status: "SUCCEEDED", offSession: true, amountCents: 10_000, idempotencyKey: `payment_${second.id}_create`, methodDetails: "Visa ending 4242" });
    expect(await runPlanCharges()).toMatchObject({ charges: 0 });

    await setDay("2027-02-01");
    await runPlanCharges();
    plan = await planOf(planId);
    expect(plan.status).toBe("COMPLETED");
    const [figures] = await listCustomerInvoices(w.customer.id, "2027-02-01" as CalendarDate);
    expect(figures?.figures).toMatchObject({ status: "PAID", balanceCents: 0 });
    expect(await activity(w.invoice.id)).toEqual(
      expect.arrayContaining(["plan.started", "plan.activated", "plan.instalment_paid", "plan.notice_sent", "plan.instalment_charging", "plan.completed"]),
    );
  });

  it("charges each instalment once when two workers run at the same moment", async () => {
    const w = await activeCardPlan();
    await setDay("2027-01-01");
    const results = await Promise.all([runPlanCharges(), runPlanCharges(), runPlanCharges()]);
    // Other tests' plans share the database: what counts is this plan's payments.
    expect(results.every((r) => r.errors === 0)).toBe(true);
    const plan = await planOf(w.planId);
    expect(await db.payment.count({ where: { instalmentId: plan.instalments[1]!.id } })).toBe(1);
    expect(plan.instalments[1]!.status).toBe("PAID");
  });

  it("retries a declining card, tells the customer each time, then defaults the plan: the rest is due and reminders resume", async () => {
    const w = await activeCardPlan();
    await saveSimulatedPlanMethod(w.customer.id, w.planId, CARD("4000000000000341"));
    expect((await planOf(w.planId)).paymentMethod?.last4).toBe("0341");

    await setDay("2027-01-01");
    expect(await runPlanCharges()).toMatchObject({ charges: 1 });
    let plan = await planOf(w.planId);
    expect(plan.instalments[1]).toMatchObject({ status: "FAILED", attempts: 1, lastFailure: "Your card was declined." });
    expect(fromDbDate(plan.instalments[1]!.nextAttemptOn!)).toBe("2027-01-04");
    const failed = await emailsTo(w.customer.id, "instalment-failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]?.text).toContain("We will try again on January 4, 2027.");

    await setDay("2027-01-03");
    expect(await runPlanCharges()).toMatchObject({ charges: 0 });
    await setDay("2027-01-04");
    expect(await runPlanCharges()).toMatchObject({ charges: 1 });
    expect((await emailsTo(w.customer.id, "instalment-failed"))[1]?.text).toContain("That is the last try");
    await setDay("2027-01-07");
    expect(await runPlanCharges()).toMatchObject({ charges: 1 });

    plan = await planOf(w.planId);
    expect(plan.status).toBe("DEFAULTED");
    expect(plan.instalments.map((i) => i.status)).toEqual(["PAID", "FAILED", "CANCELLED"]);
    expect(await db.payment.count({ where: { instalmentId: plan.instalments[1]!.id } })).toBe(3);
    const ended = await emailsTo(w.customer.id, "plan-ended");
    expect(ended).toHaveLength(1);
    expect(ended[0]?.text).toContain("$200.00");
    expect(await runPlanCharges()).toMatchObject({ charges: 0 });
    expect(await activity(w.invoice.id)).toContain("plan.defaulted");

    // Reminders resume for the invoice; a new plan is refused for the lockout period, with the date.
    await runReminders({ businessId: w.business.id });
    expect(await emailsTo(w.customer.id, "reminder")).toHaveLength(1);
    const eligibility = await planEligibility(w.customer.id, [w.invoice.id]);
    expect(reasonOf(eligibility)).toContain("from January 7, 2028");
  });

  it("lets the customer pay a missed instalment in the portal and keep the new card for the rest", async () => {
    const w = await activeCardPlan();
    await saveSimulatedPlanMethod(w.customer.id, w.planId, CARD("4000000000000341"));
    await setDay("2027-01-01");
    await runPlanCharges();
    const { paymentId } = await startInstalmentPayment({ customerId: w.customer.id, planId: w.planId, method: "CARD", keepMethod: true });
    // The customer's checkout holds off the automatic retry.
    await setDay("2027-01-04");
    await db.payment.update({ where: { id: paymentId }, data: { createdAt: noon("2027-01-04") } });
    expect(await runPlanCharges()).toMatchObject({ charges: 0 });
    expect(await confirmSimulatedPayment(w.customer.id, paymentId, CARD("5555555555554444"))).toBe("SUCCEEDED");
    const plan = await planOf(w.planId);
    expect(plan.status).toBe("ACTIVE");
    expect(plan.instalments.map((i) => i.status)).toEqual(["PAID", "PAID", "SCHEDULED"]);
    expect(plan.paymentMethod).toMatchObject({ brand: "mastercard", last4: "4444" });
    await expect(startInstalmentPayment({ customerId: w.customer.id, planId: w.planId, method: "CARD", keepMethod: false })).rejects.toThrow(/no missed instalment/);
  });

  it("completes the plan when the customer pays the rest early, and charges nothing more", async () => {
    const w = await activeCardPlan();
    const { paymentId } = await startPayment({ customerId: w.customer.id, invoiceIds: [w.invoice.id], amountCents: null, method: "CARD" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ amountCents: 20_000 });
    expect(await confirmSimulatedPayment(w.customer.id, paymentId, CARD("4242424242424242"))).toBe("SUCCEEDED");
    const plan = await planOf(w.planId);
    expect(plan.status).toBe("COMPLETED");
    expect(plan.instalments.map((i) => i.status)).toEqual(["PAID", "CANCELLED", "CANCELLED"]);
    await setDay("2027-01-01");
    expect(await runPlanCharges()).toMatchObject({ charges: 0, notices: 0 });
  });

  it("lets the owner cancel a plan with a reason: no more charges, the customer is told, it is logged", async () => {
    const w = await activeCardPlan();
    await cancelPlanByOwner(w.business.id, w.owner.id, w.planId, "Customer asked to pay by cheque instead");
    const plan = await planOf(w.planId);
    expect(plan).toMatchObject({ status: "CANCELLED", cancelReason: "Customer asked to pay by cheque instead", cancelledById: w.owner.id });
    expect(await emailsTo(w.customer.id, "plan-ended")).toHaveLength(1);
    await setDay("2027-01-01");
    expect(await runPlanCharges()).toMatchObject({ charges: 0 });
    await expect(cancelPlanByOwner(w.business.id, w.owner.id, w.planId, "again")).rejects.toThrow("already cancelled");
    const other = await createBusiness();
    await expect(cancelPlanByOwner(other.id, w.owner.id, w.planId, "not mine")).rejects.toBeInstanceOf(Response);
  });
});

describe("a self-serve plan by bank debit (ACH)", () => {
  it("starts when instalment 1 is processing, and is cancelled, with the customer told, when that debit fails", async () => {
    const w = await world();
    const { planId, paymentId } = await startPlan({ customerId: w.customer.id, invoiceIds: [w.invoice.id], count: 2, frequency: "BIWEEKLY", method: "US_BANK_ACCOUNT" });
    expect(await confirmSimulatedPayment(w.customer.id, paymentId, BANK("000111111113"))).toBe("PROCESSING");
    let plan = await planOf(planId);
    expect(plan.status).toBe("ACTIVE");
    expect(plan.paymentMethod).toMatchObject({ type: "US_BANK_ACCOUNT", last4: "1113", bankName: "STRIPE TEST BANK" });
    expect(plan.paymentMethod?.mandateId).toMatch(/^mandate_sim_/);
    expect(plan.instalments[0]?.status).toBe("PROCESSING");

    await settleSimulatedBankDebit(paymentId, "000111111113");
    plan = await planOf(planId);
    expect(plan.status).toBe("CANCELLED");
    expect(plan.cancelReason).toContain("The bank account has been closed.");
    expect(plan.instalments.map((i) => i.status)).toEqual(["FAILED", "CANCELLED"]);
    const ended = await emailsTo(w.customer.id, "plan-ended");
    expect(ended).toHaveLength(1);
    expect(ended[0]!.text).toMatch(/your first instalment of \$[\d,.]+ was returned by your bank \(The bank account has been closed\)\./);
    expect(await activity(w.invoice.id)).toContain("plan.cancelled");
  });

  it("debits instalment 2 from the saved account on its day, and the plan completes when it clears", async () => {
    const w = await world();
    const { planId, paymentId } = await startPlan({ customerId: w.customer.id, invoiceIds: [w.invoice.id], count: 2, frequency: "WEEKLY", method: "US_BANK_ACCOUNT" });
    expect(await confirmSimulatedPayment(w.customer.id, paymentId, BANK("000123456789"))).toBe("PROCESSING");
    await settleSimulatedBankDebit(paymentId, "000123456789");
    await setDay("2026-12-08");
    expect(await runPlanCharges()).toMatchObject({ charges: 1 });
    let plan = await planOf(planId);
    expect(plan.instalments.map((i) => i.status)).toEqual(["PAID", "PROCESSING"]);
    const second = await db.payment.findFirstOrThrow({ where: { instalmentId: plan.instalments[1]!.id } });
    expect(second).toMatchObject({ status: "PROCESSING", method: "US_BANK_ACCOUNT", offSession: true });
    expect(await runPlanCharges()).toMatchObject({ charges: 0 });
    await settleSimulatedBankDebit(second.id, "000123456789");
    plan = await planOf(planId);
    expect(plan.status).toBe("COMPLETED");
  });

  it("an instalment the bank returns after it cleared fails under the plan's retry rules, and a completed plan runs again", async () => {
    const w = await world();
    const { planId, paymentId } = await startPlan({ customerId: w.customer.id, invoiceIds: [w.invoice.id], count: 2, frequency: "WEEKLY", method: "US_BANK_ACCOUNT" });
    expect(await confirmSimulatedPayment(w.customer.id, paymentId, BANK("000123456789"))).toBe("PROCESSING");
    await settleSimulatedBankDebit(paymentId, "000123456789");
    await setDay("2026-12-08");
    expect(await runPlanCharges()).toMatchObject({ charges: 1 });
    const second = await db.payment.findFirstOrThrow({ where: { instalmentId: (await planOf(planId)).instalments[1]!.id } });
    await settleSimulatedBankDebit(second.id, "000123456789");
    expect((await planOf(planId)).status).toBe("COMPLETED");

    await setDay("2026-12-11");
    await runSimulatorLater({ kind: "bank-return", paymentId: second.id, code: "insufficient_funds", message: "The bank account had insufficient funds." });
    const plan = await planOf(planId);
    expect(plan.status).toBe("ACTIVE");
    expect(plan.instalments[1]).toMatchObject({ status: "FAILED", lastFailure: "The bank account had insufficient funds." });
    expect(fromDbDate(plan.instalments[1]!.nextAttemptOn!)).toBe("2026-12-14");
    expect(await emailsTo(w.customer.id, "instalment-failed")).toHaveLength(1);
    expect(await emailsTo(w.customer.id, "payment-returned")).toHaveLength(0);
    const [invoice] = await listCustomerInvoices(w.customer.id, "2026-12-11" as CalendarDate);
    expect(invoice!.figures.balanceCents).toBe(15_000);
    expect(await activity(w.invoice.id)).toEqual(expect.arrayContaining(["payment.returned", "plan.reopened", "plan.instalment_failed"]));
  });
});

describe("the owner's rules", () => {
  it("refuses plans outside the policy with reasons the customer can act on", async () => {
    const w = await world();
    const start = (count: number, frequency: "WEEKLY" | "MONTHLY" = "MONTHLY") =>
      startPlan({ customerId: w.customer.id, invoiceIds: [w.invoice.id], count, frequency, method: "CARD" });
    await expect(start(9)).rejects.toThrow("Choose between 2 and 6 instalments.");
    await setPolicy(w.business.id, { maxDurationDays: 40 });
    await expect(start(3)).rejects.toThrow(/at most 40 days/);
    await setPolicy(w.business.id, { minBalanceCents: 50_000 });
    await expect(start(2, "WEEKLY")).rejects.toThrow("Plans start at a balance of $500.00.");
    await setPolicy(w.business.id, { enabled: false });
    await expect(start(2)).rejects.toThrow(/does not offer payment plans online/);
    await setPolicy(w.business.id, { enabled: true, minBalanceCents: 0, maxDurationDays: 180 });
    await db.customer.update({ where: { id: w.customer.id }, data: { markedRiskyAt: new Date() } });
    await expect(start(2)).rejects.toBeInstanceOf(PlanInputError);
    await db.customer.update({ where: { id: w.customer.id }, data: { markedRiskyAt: null } });
    // Nothing was written by the refusals.
    expect(await db.plan.count({ where: { customerId: w.customer.id } })).toBe(0);
    expect(await db.payment.count({ where: { customerId: w.customer.id } })).toBe(0);

    const { paymentId } = await start(2);
    await confirmSimulatedPayment(w.customer.id, paymentId, CARD("4242424242424242"));
    await expect(start(2)).rejects.toThrow(/already on a payment plan/);
  });

  it("follows the owner's switches: plans not allowed, and risky payers while the rules exclude them", async () => {
    const w = await world();
    await setPlanAccess(w.business.id, w.owner.id, w.customer.id, { plansAllowed: false, risky: false });
    expect(reasonOf(await planEligibility(w.customer.id, [w.invoice.id]))).toContain("cannot be set up online for your account");
    await setPlanAccess(w.business.id, w.owner.id, w.customer.id, { plansAllowed: true, risky: true });
    expect(await planEligibility(w.customer.id, [w.invoice.id])).toMatchObject({ allowed: false });
    await setPolicy(w.business.id, { excludeRisky: false });
    expect(await planEligibility(w.customer.id, [w.invoice.id])).toMatchObject({ allowed: true });
    const logged = await db.activityEvent.findMany({ where: { customerId: w.customer.id, type: "customer.plan_access" }, orderBy: { id: "asc" } });
    expect(logged.map((l) => l.summary)).toEqual(["Payment plans: plans not allowed", "Payment plans: plans allowed again; marked as a risky payer"]);
    const other = await createBusiness();
    await expect(setPlanAccess(other.id, w.owner.id, w.customer.id, { plansAllowed: true, risky: false })).rejects.toBeInstanceOf(Response);
  });

  it("takes the minimum first payment and the plan fee into the schedule, and says so in the terms", async () => {
    const w = await world(10_001);
    await setPolicy(w.business.id, { minFirstPaymentBps: 5000, feeCents: 500 });
    const { planId, paymentId } = await startPlan({ customerId: w.customer.id, invoiceIds: [w.invoice.id], count: 3, frequency: "WEEKLY", method: "CARD" });
    const plan = await planOf(planId);
    expect(plan.instalments.map((i) => [i.amountCents, i.feeCents])).toEqual([
      [5251, 500],
      [2625, 0],
      [2625, 0],
    ]);
    expect(plan.instalments.reduce((s, i) => s + i.amountCents, 0)).toBe(10_001 + 500);
    expect(plan.termsText).toContain("which includes a plan fee of $5.00");
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ amountCents: 5251, planFeeCents: 500 });
  });

  it("cancels a plan still waiting for its first payment when the customer pays another way", async () => {
    const w = await world();
    const { planId } = await startPlan({ customerId: w.customer.id, invoiceIds: [w.invoice.id], count: 2, frequency: "MONTHLY", method: "CARD" });
    await startPayment({ customerId: w.customer.id, invoiceIds: [w.invoice.id], amountCents: null, method: "CARD" });
    expect(await planOf(planId)).toMatchObject({ status: "CANCELLED" });
  });
});

describe("the portal home's plan account (one statement)", () => {
  const customerOf = (id: string) => db.customer.findUniqueOrThrow({ where: { id }, include: { business: true } });
  const offeredBoth = async (customerId: string, invoiceIds: string[]) => {
    const customer = await customerOf(customerId);
    const account = await loadPlanAccount(customer, customer.business);
    return { account, offered: planOffered(account, customer, invoiceIds), eligible: (await planEligibility(customerId, invoiceIds)).allowed };
  };

  it("reads the plans as the page shows them, and decides the offer as planEligibility does", async () => {
    const w = await activeCardPlan();
    const other = await createInvoice(w.business.id, w.customer.id, { amountCents: 12_345, issueDate: "2026-11-20" as CalendarDate, dueInDays: 30 });
    const { account, offered, eligible } = await offeredBoth(w.customer.id, [w.invoice.id]);
    expect(account.plans).toEqual([
      {
        id: w.planId,
        status: "ACTIVE",
        frequency: "MONTHLY",
        instalmentCount: 3,
        paidCount: 1,
        invoices: [{ id: w.invoice.id, number: w.invoice.number }],
        methodText: "Visa ending 4242",
        savedMethod: { type: "CARD", brand: "visa", last4: "4242", bankName: null },
        missed: false,
        next: { sequence: 2, on: "2027-01-01", amountCents: 10_000 },
      },
    ]);
    expect(account.lastDefaultedAt).toBeNull();
    // The invoice on the plan: no new plan for it; the other invoice: yes. Both ways agree.
    expect({ offered, eligible }).toEqual({ offered: false, eligible: false });
    expect(await offeredBoth(w.customer.id, [other.id])).toMatchObject({ offered: true, eligible: true });
    // Owner's switch off: neither offers.
    await setPolicy(w.business.id, { enabled: false });
    expect(await offeredBoth(w.customer.id, [other.id])).toMatchObject({ offered: false, eligible: false });
  });

  it("knows a broken plan for the lockout, and a business that never saved a plan policy gets the defaults", async () => {
    const w = await activeCardPlan();
    const at = new Date();
    await db.plan.update({ where: { id: w.planId }, data: { status: "DEFAULTED", defaultedAt: at } });
    const { account, offered, eligible } = await offeredBoth(w.customer.id, [w.invoice.id]);
    expect(account.plans[0]).toMatchObject({ status: "DEFAULTED", next: null });
    expect(account.lastDefaultedAt?.getTime()).toBe(at.getTime());
    expect({ offered, eligible }).toEqual({ offered: false, eligible: false });

    const fresh = await createBusiness();
    const customer = await createCustomer(fresh.id);
    const invoice = await createInvoice(fresh.id, customer.id, { amountCents: 50_000 });
    expect(await db.planPolicy.count({ where: { businessId: fresh.id } })).toBe(0);
    const first = await offeredBoth(customer.id, [invoice.id]);
    expect(first.account).toMatchObject({ plans: [], lastDefaultedAt: null, policy: { businessId: fresh.id, enabled: true, maxInstalments: 6 } });
    expect(first).toMatchObject({ offered: true, eligible: true });
  });
});
