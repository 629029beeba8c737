// The plan job against Stripe's API (a local stand-in that, like Stripe, replays the first answer for a
// repeated idempotency key): a charge whose answer is lost, as when the worker dies between Stripe
// charging the card and the job recording it, is asked again with the same key and never charged twice.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { CalendarDate } from "../../app/modules/dates/calendar";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { processPaymentEvent } from "../../app/modules/payments/events.server";
import { eventObject, paymentIntentObject } from "../../app/modules/payments/stripe-objects";
import { runPlanCharges } from "../../app/modules/plans/charges.server";
import { startPlan } from "../../app/modules/plans/plans.server";
import { now, setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { resetEnvCache } from "../../app/utils/env.server";
import { createBusiness, createCustomer, createInvoice } from "../fixtures/factories";
import { startFakeStripe } from "../support/fake-stripe";

let fake: Awaited<ReturnType<typeof startFakeStripe>>;
const setTime = (iso: string) => setClockOffset(new Date(iso).getTime() - Date.now());

beforeAll(async () => {
  fake = await startFakeStripe();
  process.env.STRIPE_SECRET_KEY = "sk_test_integration";
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_test_secret_for_integration";
  process.env.STRIPE_API_BASE = fake.url;
  resetEnvCache();
});

afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.STRIPE_API_BASE;
  resetEnvCache();
  await fake.close();
});

afterEach(async () => {
  await setClockOffset(0);
  await stopBoss();
});

/** An active monthly plan on Stripe whose instalment 1 is paid and whose card is saved. */
async function activeStripePlan() {
  const business = await createBusiness();
  const customer = await createCustomer(business.id);
  const invoice = await createInvoice(business.id, customer.id, { amountCents: 30_000, issueDate: "2026-11-01" as CalendarDate, dueInDays: 30 });
  await setTime("2026-12-01T17:00:00Z");
  const { planId, paymentId } = await startPlan({ customerId: customer.id, invoiceIds: [invoice.id], count: 3, frequency: "MONTHLY", method: "CARD" });
  const first = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  expect(first.gateway).toBe("stripe");
  const pm = { id: "pm_card_visa", object: "payment_method", type: "card", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2035 }, us_bank_account: null };
  const intent = paymentIntentObject({ id: "pi_first_" + paymentId.slice(0, 8), amount: 10_000, currency: "usd", customer: null, status: "succeeded", methodType: "card", created: now(), metadata: { paymentId }, paymentMethod: pm as never });
  await db.payment.update({ where: { id: paymentId }, data: { providerPaymentId: intent.id } });
  expect(await processPaymentEvent(eventObject({ id: `evt_first_${paymentId}`, type: "payment_intent.succeeded", object: intent, created: now() }), "stripe")).toBe("applied");
  const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, include: { paymentMethod: true, instalments: { orderBy: { sequence: "asc" } } } });
  expect(plan.status).toBe("ACTIVE");
  expect(plan.paymentMethod).toMatchObject({ gateway: "stripe", providerPaymentMethodId: "pm_card_visa", last4: "4242" });
  return { plan, customer };
}

const offSessionCreates = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/payment_intents" && r.form.off_session === "true");

describe("charging a plan instalment through Stripe", () => {
  it("charges once with the payment's own idempotency key, even when the answer is lost and the job runs again", async () => {
    const { plan } = await activeStripePlan();
    const before = offSessionCreates().length;
    await setTime("2027-01-01T17:00:00Z");

    // Stripe charges the card, but the answer never arrives (nor for the SDK's own two retries): the run fails.
    fake.control.dropResponses = 3;
    fake.control.dropPath = "/v1/payment_intents";
    const logged: unknown[][] = [];
    vi.mocked(console.error).mockImplementation((...args: unknown[]) => void logged.push(args));
    const r1 = await runPlanCharges();
    expect(r1).toMatchObject({ charges: 1, errors: 1 });
    expect(logged).toHaveLength(1);
    const payment = await db.payment.findFirstOrThrow({ where: { instalmentId: plan.instalments[1]!.id } });
    expect(payment).toMatchObject({ status: "PENDING", offSession: true, providerPaymentId: null });
    const sent = offSessionCreates().slice(before);
    expect(sent.length).toBe(3);
    expect(new Set(sent.map((r) => r.idempotencyKey))).toEqual(new Set([`payment_${payment.id}_off-session`]));
    const intentsAtStripe = [...fake.intents.values()].filter((i) => i.metadata.paymentId === payment.id);
    expect(intentsAtStripe).toHaveLength(1);

    // A run right away leaves the charge alone (it may still be on its way); a few minutes later it asks again.
    expect(await runPlanCharges()).toMatchObject({ charges: 0, resubmitted: 0 });
    await setTime("2027-01-01T17:05:00Z");
    await db.payment.update({ where: { id: payment.id }, data: { createdAt: new Date("2027-01-01T17:00:00Z") } });
    expect(await runPlanCharges()).toMatchObject({ charges: 0, resubmitted: 1, errors: 0 });
    expect([...fake.intents.values()].filter((i) => i.metadata.paymentId === payment.id)).toHaveLength(1);
    const recorded = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(recorded.providerPaymentId).toBe(intentsAtStripe[0]!.id);
    expect(await db.payment.count({ where: { instalmentId: plan.instalments[1]!.id } })).toBe(1);

    // Stripe's webhook then settles it, once, however often it is delivered.
    const succeeded = { ...intentsAtStripe[0]!, status: "succeeded" as const };
    const event = eventObject({ id: `evt_${payment.id}`, type: "payment_intent.succeeded", object: succeeded, created: now() });
    expect(await processPaymentEvent(event, "stripe")).toBe("applied");
    expect(await processPaymentEvent(event, "stripe")).toBe("duplicate");
    const instalment = await db.instalment.findUniqueOrThrow({ where: { id: plan.instalments[1]!.id } });
    expect(instalment.status).toBe("PAID");
  });
});
