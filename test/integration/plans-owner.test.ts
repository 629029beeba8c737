import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { toDbDate, type CalendarDate } from "../../app/modules/dates/calendar";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { getPlanForOwner, listPlans } from "../../app/modules/plans/owner.server";
import { cancelPlanByOwner, PlanInputError } from "../../app/modules/plans/plans.server";
import { PlanPolicyForm } from "../../app/modules/plans/policy.server";
import { db } from "../../app/utils/db.server";
import { fieldErrorsOf } from "../../app/utils/forms";
import { createBusiness, createCustomer, createInvoice, createOwner } from "../fixtures/factories";

type InstalmentSeed = { due: string; amount: number; fee?: number; status?: "SCHEDULED" | "PROCESSING" | "PAID" | "FAILED" | "CANCELLED"; attempts?: number; retryOn?: string; lastFailure?: string };

async function createPlan(
  businessId: string,
  customerId: string,
  invoiceIds: string[],
  opts: { status: "PENDING" | "ACTIVE" | "COMPLETED" | "DEFAULTED" | "CANCELLED"; instalments: InstalmentSeed[]; paymentMethodId?: string; createdAt?: Date },
) {
  const total = opts.instalments.reduce((s, i) => s + i.amount, 0);
  const at = opts.createdAt ?? new Date("2026-11-01T15:00:00Z");
  return db.plan.create({
    data: {
      businessId,
      customerId,
      status: opts.status,
      frequency: "MONTHLY",
      instalmentCount: opts.instalments.length,
      currency: "USD",
      principalCents: total,
      termsText: "I authorise the business to charge the card.",
      acceptedAt: at,
      createdAt: at,
      activatedAt: opts.status === "PENDING" ? null : at,
      completedAt: opts.status === "COMPLETED" ? new Date("2027-01-01T15:00:00Z") : null,
      defaultedAt: opts.status === "DEFAULTED" ? new Date("2026-12-05T15:00:00Z") : null,
      cancelledAt: opts.status === "CANCELLED" ? new Date("2026-12-03T15:00:00Z") : null,
      paymentMethodId: opts.paymentMethodId ?? null,
      invoices: { create: invoiceIds.map((invoiceId) => ({ invoiceId, amountCents: Math.floor(total / invoiceIds.length) })) },
      instalments: {
        create: opts.instalments.map((i, index) => ({
          sequence: index + 1,
          dueDate: toDbDate(i.due as CalendarDate),
          amountCents: i.amount,
          feeCents: i.fee ?? 0,
          status: i.status ?? "SCHEDULED",
          attempts: i.attempts ?? (i.status === "PAID" ? 1 : 0),
          nextAttemptOn: i.retryOn ? toDbDate(i.retryOn as CalendarDate) : null,
          lastFailure: i.lastFailure ?? null,
          paidAt: i.status === "PAID" ? new Date(`${i.due}T15:00:00Z`) : null,
        })),
      },
    },
  });
}

async function setup() {
  const business = await db.business.update({ where: { id: (await createBusiness()).id }, data: { cardSurchargeBps: 300 } });
  const ada = await createCustomer(business.id, { name: "Ada Lovelace" });
  const grace = await createCustomer(business.id, { name: "Grace Hopper" });
  const card = await db.paymentMethod.create({
    data: { customerId: ada.id, gateway: "simulator", providerPaymentMethodId: `pm_${crypto.randomUUID()}`, type: "CARD", brand: "visa", last4: "4242" },
  });
  const inv = async (customerId: string) => (await createInvoice(business.id, customerId, { amountCents: 30_000 })).id;
  const [a1, a2, a3, g1, g2, g3, g4] = [await inv(ada.id), await inv(ada.id), await inv(ada.id), await inv(grace.id), await inv(grace.id), await inv(grace.id), await inv(grace.id)];

  const onTrack = await createPlan(business.id, ada.id, [a1!, a2!], {
    status: "ACTIVE",
    paymentMethodId: card.id,
    createdAt: new Date("2026-11-01T15:00:00Z"),
    instalments: [
      { due: "2026-11-01", amount: 20_000, status: "PAID" },
      { due: "2026-12-01", amount: 20_000 },
      { due: "2027-01-01", amount: 20_000 },
    ],
  });
  const failing = await createPlan(business.id, grace.id, [g1!], {
    status: "ACTIVE",
    createdAt: new Date("2026-11-02T15:00:00Z"),
    instalments: [
      { due: "2026-10-20", amount: 10_000, status: "PAID" },
      { due: "2026-11-20", amount: 10_000, status: "FAILED", attempts: 2, retryOn: "2026-11-26", lastFailure: "Your card has insufficient funds." },
      { due: "2026-12-20", amount: 10_000 },
    ],
  });
  const completed = await createPlan(business.id, ada.id, [a3!], {
    status: "COMPLETED",
    createdAt: new Date("2026-10-01T15:00:00Z"),
    instalments: [
      { due: "2026-10-01", amount: 5_000, status: "PAID" },
      { due: "2026-11-01", amount: 5_000, status: "PAID" },
    ],
  });
  const defaulted = await createPlan(business.id, grace.id, [g2!], {
    status: "DEFAULTED",
    createdAt: new Date("2026-09-01T15:00:00Z"),
    instalments: [
      { due: "2026-09-01", amount: 5_000, status: "PAID" },
      { due: "2026-10-01", amount: 5_000, status: "CANCELLED", attempts: 3 },
    ],
  });
  const cancelled = await createPlan(business.id, grace.id, [g3!], { status: "CANCELLED", createdAt: new Date("2026-08-01T15:00:00Z"), instalments: [{ due: "2026-08-01", amount: 5_000, status: "CANCELLED" }, { due: "2026-09-01", amount: 5_000, status: "CANCELLED" }] });
  const pending = await createPlan(business.id, grace.id, [g4!], { status: "PENDING", createdAt: new Date("2026-11-03T15:00:00Z"), instalments: [{ due: "2026-11-03", amount: 5_000 }, { due: "2026-12-03", amount: 5_000 }] });
  return { business, ada, grace, card, invoices: { a1: a1!, a2: a2! }, plans: { onTrack, failing, completed, defaulted, cancelled, pending } };
}

afterEach(async () => {
  await stopBoss();
});

describe("the owner's plan list", () => {
  it("filters by status, counts each status and says what each active plan charges next", async () => {
    const { business, plans, ada } = await setup();

    const active = await listPlans(business.id, { status: "ACTIVE" });
    expect(active.counts).toEqual({ PENDING: 1, ACTIVE: 2, COMPLETED: 1, DEFAULTED: 1, CANCELLED: 1, ALL: 6 });
    expect(active.plans.map((p) => p.id)).toEqual([plans.failing.id, plans.onTrack.id]);

    const onTrack = active.plans.find((p) => p.id === plans.onTrack.id)!;
    expect(onTrack.customer).toMatchObject({ id: ada.id, name: "Ada Lovelace" });
    expect(onTrack.invoiceNumbers).toHaveLength(2);
    expect(onTrack.progress).toMatchObject({ paidCount: 1, totalCount: 3, paidCents: 20_000, leftCents: 40_000 });
    // The saved card carries the business's 3% surcharge.
    expect(onTrack.nextCharge).toEqual({ sequence: 2, on: "2026-12-01", isRetry: false, amountCents: 20_600, methodText: "Visa ending 4242" });
    expect(onTrack.failing).toBeNull();
    expect(onTrack).toMatchObject({ createdOn: "2026-11-01", activatedOn: "2026-11-01", endedOn: null });

    const failing = active.plans.find((p) => p.id === plans.failing.id)!;
    expect(failing.nextCharge).toMatchObject({ sequence: 2, on: "2026-11-26", isRetry: true, methodText: null });
    expect(failing.failing).toEqual({ sequence: 2, attempts: 2, lastFailure: "Your card has insufficient funds.", nextAttemptOn: "2026-11-26" });

    const completed = await listPlans(business.id, { status: "COMPLETED" });
    expect(completed.plans.map((p) => p.id)).toEqual([plans.completed.id]);
    expect(completed.plans[0]).toMatchObject({ nextCharge: null, endedOn: "2027-01-01", progress: { paidCount: 2, totalCount: 2, leftCents: 0 } });

    const defaulted = await listPlans(business.id, { status: "DEFAULTED" });
    expect(defaulted.plans[0]).toMatchObject({ id: plans.defaulted.id, nextCharge: null, failing: null, endedOn: "2026-12-05", progress: { paidCents: 5_000, leftCents: 5_000 } });

    const all = await listPlans(business.id, { status: "ALL" });
    expect(all.plans.map((p) => p.id)).toEqual([plans.pending.id, plans.failing.id, plans.onTrack.id, plans.completed.id, plans.defaulted.id, plans.cancelled.id]);
    expect(all.plans[0]).toMatchObject({ status: "PENDING", nextCharge: null, activatedOn: null });

    const adaOnly = await listPlans(business.id, { status: "ALL", customerId: ada.id });
    expect(adaOnly.plans.map((p) => p.id)).toEqual([plans.onTrack.id, plans.completed.id]);
    expect(adaOnly.counts.ALL).toBe(2);
  });

  it("shows another business nothing, and a plan id of another business is not found", async () => {
    const { plans } = await setup();
    const other = await createBusiness();
    const listed = await listPlans(other.id, { status: "ALL" });
    expect(listed.plans).toEqual([]);
    expect(listed.counts.ALL).toBe(0);
    expect(await listPlans(other.id, { status: "ALL", customerId: plans.onTrack.customerId })).toMatchObject({ plans: [] });

    const thrown = await getPlanForOwner(other.id, plans.onTrack.id).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);

    const owner = await createOwner(other.id);
    const cancelled = await cancelPlanByOwner(other.id, owner.user.id, plans.pending.id, "Not mine to cancel").catch((e: unknown) => e);
    expect((cancelled as Response).status).toBe(404);
    expect((await db.plan.findUniqueOrThrow({ where: { id: plans.pending.id } })).status).toBe("PENDING");
  });
});

describe("one plan for the owner", () => {
  it("has the schedule with its payments, the invoices, the method and the plan's own history, newest first", async () => {
    const { business, ada, card, invoices, plans } = await setup();
    const [first] = await db.instalment.findMany({ where: { planId: plans.onTrack.id, sequence: 1 } });
    await db.payment.create({
      data: {
        businessId: business.id,
        customerId: ada.id,
        currency: "USD",
        amountCents: 20_600,
        methodAdjustmentCents: 600,
        method: "CARD",
        status: "SUCCEEDED",
        gateway: "simulator",
        idempotencyKey: `test-${crypto.randomUUID()}`,
        paymentMethodId: card.id,
        methodDetails: "Visa ending 4242",
        instalmentId: first!.id,
        instalmentAttempt: 1,
        receiptNumber: `R-${crypto.randomInt(100000, 999999)}`,
      },
    });
    const log = (invoiceId: string, type: string, summary: string, planId: string, occurredAt: string) =>
      db.activityEvent.create({ data: { businessId: business.id, customerId: ada.id, invoiceId, actor: "SYSTEM", type, summary, data: { planId }, occurredAt: new Date(occurredAt) } });
    // A plan over two invoices logs each moment once per invoice.
    await log(invoices.a1, "plan.started", "Started a plan", plans.onTrack.id, "2026-11-01T15:00:00.000Z");
    await log(invoices.a2, "plan.started", "Started a plan", plans.onTrack.id, "2026-11-01T15:00:00.010Z");
    await log(invoices.a1, "plan.activated", "Plan active", plans.onTrack.id, "2026-11-01T15:00:05Z");
    await log(invoices.a1, "plan.completed", "Another plan's event", plans.completed.id, "2026-11-02T15:00:00Z");

    const plan = await getPlanForOwner(business.id, plans.onTrack.id);
    expect(plan.customer.name).toBe("Ada Lovelace");
    expect(plan.method).toEqual({ text: "Visa ending 4242", type: "CARD", removed: false });
    expect(plan.invoices.map((i) => i.id).sort()).toEqual([invoices.a1, invoices.a2].sort());
    expect(plan.termsText).toBe("I authorise the business to charge the card.");
    expect(plan.schedule.map((i) => [i.sequence, i.dueDate, i.amountCents, i.chargeCents, i.status])).toEqual([
      [1, "2026-11-01", 20_000, 20_600, "PAID"],
      [2, "2026-12-01", 20_000, 20_600, "SCHEDULED"],
      [3, "2027-01-01", 20_000, 20_600, "SCHEDULED"],
    ]);
    expect(plan.schedule[0]!.payments).toHaveLength(1);
    expect(plan.schedule[0]!.payments[0]).toMatchObject({ status: "SUCCEEDED", amountCents: 20_600, methodDetails: "Visa ending 4242" });
    expect(plan.history.map((h) => h.type)).toEqual(["plan.activated", "plan.started"]);
  });

  it("cancelling a plan that already ended says why it cannot", async () => {
    const { business, plans } = await setup();
    const owner = await createOwner(business.id);
    await expect(cancelPlanByOwner(business.id, owner.user.id, plans.completed.id, "Changed my mind")).rejects.toThrow(PlanInputError);
    await cancelPlanByOwner(business.id, owner.user.id, plans.pending.id, "Agreed a different arrangement by phone");
    const plan = await getPlanForOwner(business.id, plans.pending.id);
    expect(plan).toMatchObject({ status: "CANCELLED", cancelReason: "Agreed a different arrangement by phone", cancelledBy: "Test Owner" });
    expect(plan.history[0]).toMatchObject({ type: "plan.cancelled", actor: "OWNER" });
  });
});

describe("the plan rules form", () => {
  const valid = {
    enabled: "on",
    minBalance: "100.00",
    minInstalments: "2",
    maxInstalments: "6",
    frequencies: ["WEEKLY", "BIWEEKLY", "MONTHLY"],
    maxDurationDays: "180",
    minFirstPercent: "",
    minFirstAmount: "",
    fee: "",
    brokenPlanLockoutMonths: "12",
    excludeRisky: "on",
    retryAfterDays: "3",
    maxRetries: "2",
    noticeDaysBefore: "3",
  };
  const errorsOf = (input: Record<string, unknown>) => {
    const parsed = PlanPolicyForm.safeParse(input);
    return parsed.success ? {} : fieldErrorsOf(parsed.error.issues);
  };

  it("accepts the defaults, in cents and basis points", () => {
    expect(PlanPolicyForm.parse({ ...valid, fee: "5.00", minFirstPercent: "12.5" })).toMatchObject({ enabled: true, minBalanceCents: 10_000, feeCents: 500, minFirstPaymentBps: 1250, minFirstPaymentCents: 0 });
  });

  it("says which field to change", () => {
    expect(errorsOf({ ...valid, minInstalments: "5", maxInstalments: "3" })).toEqual({ maxInstalments: ["Most instalments must be at least the fewest."] });
    expect(errorsOf({ ...valid, noticeDaysBefore: "7" }).noticeDaysBefore?.[0]).toMatch(/less than 7 days with every week plans/);
    expect(errorsOf({ ...valid, frequencies: ["MONTHLY"], noticeDaysBefore: "7" })).toEqual({});
    expect(errorsOf({ ...valid, minBalance: "", fee: "5.00" })).toEqual({ minBalance: ["Set a minimum balance when plans carry a fee."] });
    expect(errorsOf({ ...valid, fee: "20.00" }).fee?.[0]).toMatch(/at most 10% of the minimum balance \(\$10\.00\)/);
    expect(errorsOf({ ...valid, frequencies: [] })).toMatchObject({ frequencies: ["Offer at least one frequency."] });
    expect(errorsOf({ ...valid, minInstalments: "1", minBalance: "abc" })).toMatchObject({ minInstalments: ["Fewest instalments: at least 2."], minBalance: [expect.stringMatching(/^Minimum balance: /)] });
    expect(errorsOf({ ...valid, maxRetries: "3", retryAfterDays: "3" }).maxRetries?.[0]).toMatch(/run into the next instalment/);
  });
});
