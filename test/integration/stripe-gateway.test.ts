import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensurePaymentIntent, startPayment } from "../../app/modules/payments/checkout.server";
import { replaceUnconfirmed, sweepReplacedIntents } from "../../app/modules/plans/plans.server";
import { eventObject, refundObject } from "../../app/modules/payments/stripe-objects";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { action as webhook } from "../../app/routes/webhooks.stripe";
import { requestRefund, sweepUnsentRefunds } from "../../app/modules/refunds/refunds.server";
import { db } from "../../app/utils/db.server";
import { resetEnvCache } from "../../app/utils/env.server";
import type { CalendarDate } from "../../app/modules/dates/calendar";
import { runReminders } from "../../app/modules/reminders/engine.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { createBusiness, createCustomer, createInvoice, createOwner } from "../fixtures/factories";
import { startFakeStripe } from "../support/fake-stripe";

const WEBHOOK_SECRET = "whsec_test_secret_for_integration";
let fake: Awaited<ReturnType<typeof startFakeStripe>>;

beforeAll(async () => {
  fake = await startFakeStripe();
  process.env.STRIPE_SECRET_KEY = "sk_test_integration";
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  process.env.STRIPE_API_BASE = fake.url;
  resetEnvCache();
});

afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.STRIPE_API_BASE;
  resetEnvCache();
  await stopBoss();
  await fake.close();
});

function signedRequest(payload: string, signature?: string) {
  const header = signature ?? new Stripe("sk_test_x").webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
  return new Request("http://localhost/webhooks/stripe", { method: "POST", body: payload, headers: { "stripe-signature": header, "content-type": "application/json" } });
}

async function callWebhook(request: Request) {
  const response = (await webhook({ request, params: {}, context: {} })) as Response;
  return { status: response.status, body: (await response.json()) as { outcome?: string; error?: string } };
}

describe("the Stripe gateway through the real SDK", () => {
  it("cancels a replaced checkout's PaymentIntent at Stripe, so a form left open in another tab cannot take the money twice", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id, { amountCents: 50_000 });
    const first = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    const firstIntent = (await db.payment.findUniqueOrThrow({ where: { id: first.paymentId } })).providerPaymentId!;
    expect(fake.requests.filter((r) => r.path.endsWith("/cancel"))).toEqual([]);
    const second = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "US_BANK_ACCOUNT" });
    expect((await db.payment.findUniqueOrThrow({ where: { id: first.paymentId } })).status).toBe("CANCELED");
    expect(fake.requests.filter((r) => r.path === `/v1/payment_intents/${firstIntent}/cancel`)).toMatchObject([{ idempotencyKey: `payment_${first.paymentId}_cancel` }]);
    expect((await db.payment.findUniqueOrThrow({ where: { id: second.paymentId } })).status).toBe("PENDING");
  });

  it("cancels a replaced checkout's PaymentIntent even when the process died before it could, or Stripe was down", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id, { amountCents: 50_000 });
    const cancels = (intent: string) => fake.requests.filter((r) => r.path === `/v1/payment_intents/${intent}/cancel`).length;
    const intentOf = async (paymentId: string) => (await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).providerPaymentId!;

    // 1. The process dies right after the replacing transaction commits: nothing was asked of Stripe.
    const first = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    const firstIntent = await intentOf(first.paymentId);
    await db.$transaction((tx) => replaceUnconfirmed(tx, customer.id, [invoice.id], "a newer checkout replaced it"));
    expect(await db.payment.findUniqueOrThrow({ where: { id: first.paymentId } })).toMatchObject({ status: "CANCELED", gatewayCancelDueAt: expect.any(Date) });
    expect(fake.intents.get(firstIntent)?.status).toBe("requires_payment_method");
    // Within the grace period the sweeper leaves it to the request that replaced it.
    expect(await sweepReplacedIntents(60_000)).toEqual({ cancelled: 0, refused: 0, retry: 0 });
    expect(await sweepReplacedIntents(0)).toEqual({ cancelled: 1, refused: 0, retry: 0 });
    expect(fake.intents.get(firstIntent)?.status).toBe("canceled");
    expect((await db.payment.findUniqueOrThrow({ where: { id: first.paymentId } })).gatewayCancelDueAt).toBeNull();
    expect(await sweepReplacedIntents(0)).toEqual({ cancelled: 0, refused: 0, retry: 0 });
    expect(cancels(firstIntent)).toBe(1);

    // 2. Stripe is unavailable when the next checkout replaces the second: it stays marked, the sweeper cancels it.
    const second = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    const secondIntent = await intentOf(second.paymentId);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      fake.control.unavailable = 3; // the SDK's first try and its two retries
      const third = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
      expect(warn.mock.calls.flat().join(" ")).toMatch(/will be tried again/);
      expect(fake.intents.get(secondIntent)?.status).toBe("requires_payment_method");
      expect((await db.payment.findUniqueOrThrow({ where: { id: second.paymentId } })).gatewayCancelDueAt).toBeInstanceOf(Date);
      expect(await sweepReplacedIntents(0)).toEqual({ cancelled: 1, refused: 0, retry: 0 });
      expect(fake.intents.get(secondIntent)?.status).toBe("canceled");

      // 3. The customer had already confirmed the replaced one in another tab: Stripe refuses, nothing is retried.
      const thirdIntent = await intentOf(third.paymentId);
      fake.intents.set(thirdIntent, { ...fake.intents.get(thirdIntent)!, status: "succeeded" });
      const fourth = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
      expect(warn.mock.calls.flat().join(" ")).toMatch(/would not cancel the replaced payment/);
      expect((await db.payment.findUniqueOrThrow({ where: { id: third.paymentId } })).gatewayCancelDueAt).toBeNull();
      expect(await sweepReplacedIntents(0)).toEqual({ cancelled: 0, refused: 0, retry: 0 });

      // 4. A Stripe 500 (kept by Stripe for that idempotency key) and a 401 (a revoked key): both tried again,
      // the next try with a key of its own, so it is not answered the kept 500.
      const fourthIntent = await intentOf(fourth.paymentId);
      fake.control.serverErrors = 1;
      const fifth = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
      expect(fake.intents.get(fourthIntent)?.status).toBe("requires_payment_method");
      const fifthIntent = await intentOf(fifth.paymentId);
      fake.control.unauthorized = 1;
      await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
      expect(fake.intents.get(fifthIntent)?.status).toBe("requires_payment_method");
      expect((await db.payment.findMany({ where: { id: { in: [fourth.paymentId, fifth.paymentId] } } })).map((p) => p.gatewayCancelDueAt)).toEqual([expect.any(Date), expect.any(Date)]);
      expect(await sweepReplacedIntents(0)).toEqual({ cancelled: 2, refused: 0, retry: 0 });
      expect([fake.intents.get(fourthIntent)?.status, fake.intents.get(fifthIntent)?.status]).toEqual(["canceled", "canceled"]);
      const sweepKeys = fake.requests.filter((r) => r.path === `/v1/payment_intents/${fourthIntent}/cancel`).map((r) => r.idempotencyKey);
      expect(new Set(sweepKeys).size).toBe(2);
    } finally {
      warn.mockRestore();
    }
  });

  it("cancels an unconfirmed discounted PaymentIntent once the discount's last day has passed", async () => {
    const business = await createBusiness();
    await db.discountPolicy.create({ data: { businessId: business.id, enabled: true, kind: "PERCENT", percentBps: 200, windowDays: 10 } });
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id, { amountCents: 100_000, issueDate: "2026-11-21" as CalendarDate });
    await setClockOffset(new Date("2026-11-25T17:00:00Z").getTime() - Date.now());
    try {
      const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
      const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
      expect(payment.amountCents).toBe(98_000);
      await runReminders({ businessId: business.id, at: new Date("2026-12-01T17:00:00Z") });
      expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("PENDING");
      await runReminders({ businessId: business.id, at: new Date("2026-12-02T17:00:00Z") });
      expect(fake.requests.filter((r) => r.path === `/v1/payment_intents/${payment.providerPaymentId}/cancel`)).toMatchObject([{ idempotencyKey: `payment_${paymentId}_cancel` }]);
      expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("CANCELED");
      expect((await db.discount.findFirstOrThrow({ where: { paymentId } })).status).toBe("WITHDRAWN");
    } finally {
      await setClockOffset(0);
    }
  });

  it("creates one Stripe customer and a PaymentIntent keyed by the payment's own id", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id, { amountCents: 12_345 });
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "US_BANK_ACCOUNT" });

    const customerCalls = fake.requests.filter((r) => r.path === "/v1/customers" && r.form["metadata[customerId]"] === customer.id);
    expect(customerCalls).toHaveLength(1);
    expect(customerCalls[0]).toMatchObject({ idempotencyKey: `customer_${customer.id}`, form: { email: customer.email, "metadata[customerId]": customer.id } });
    const stored = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(stored.stripeCustomerId).toMatch(/^cus_/);

    const intentCalls = fake.requests.filter((r) => r.path === "/v1/payment_intents");
    expect(intentCalls.at(-1)).toMatchObject({
      idempotencyKey: `payment_${paymentId}_create`,
      form: { amount: "12345", currency: "usd", customer: stored.stripeCustomerId, "allowed_payment_method_types[0]": "us_bank_account", "metadata[paymentId]": paymentId },
    });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(payment.providerPaymentId).toMatch(/^pi_/);
    expect(payment.gateway).toBe("stripe");

    // Asking again never creates a second intent.
    await ensurePaymentIntent(paymentId);
    expect(fake.requests.filter((r) => r.path === "/v1/payment_intents")).toHaveLength(intentCalls.length);
  });

  it("takes signed webhooks, refuses bad signatures, and applies a replayed event once", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id, { amountCents: 5_000 });
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const intent = fake.intents.get(payment.providerPaymentId!)!;
    const payload = JSON.stringify(eventObject({ type: "payment_intent.succeeded", object: { ...intent, status: "succeeded" }, created: new Date() }));

    expect(await callWebhook(signedRequest(payload, "t=1,v1=forged"))).toMatchObject({ status: 400 });
    expect(await callWebhook(new Request("http://localhost/webhooks/stripe", { method: "POST", body: payload }))).toMatchObject({ status: 400 });
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("PENDING");

    expect(await callWebhook(signedRequest(payload))).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    expect(await callWebhook(signedRequest(payload))).toEqual({ status: 200, body: { received: true, outcome: "duplicate" } });
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("SUCCEEDED");
    expect(await db.outboxEmail.count({ where: { dedupeKey: `receipt:${paymentId}` } })).toBe(1);
  });

  it("refunds through Stripe's Refunds API with the refund's own idempotency key; a lost answer is sent again and refunds once", async () => {
    const business = await createBusiness();
    const { user } = await createOwner(business.id);
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id, { amountCents: 8_000 });
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const intent = fake.intents.get(payment.providerPaymentId!)!;
    fake.intents.set(intent.id, { ...intent, status: "succeeded" });
    const paid = JSON.stringify(eventObject({ type: "payment_intent.succeeded", object: { ...intent, status: "succeeded" }, created: new Date() }));
    expect(await callWebhook(signedRequest(paid))).toMatchObject({ status: 200, body: { outcome: "applied" } });

    // The first answer is lost on the way back: Stripe refunded; the SDK asks again with the same key and gets the same refund.
    fake.control.dropResponses = 1;
    fake.control.dropPath = "/v1/refunds";
    const actor = { id: user.id, name: "Olive" };
    expect(await requestRefund(business.id, actor, paymentId, { amount: "30.00", reason: "Paid twice", effect: "REOPEN" })).toMatchObject({ ok: true, status: "SUCCEEDED" });
    const refund = await db.refund.findFirstOrThrow({ where: { paymentId } });
    let calls = fake.requests.filter((r) => r.path === "/v1/refunds");
    expect(calls.map((c) => c.idempotencyKey)).toEqual([`refund_${refund.id}`, `refund_${refund.id}`]);
    expect(calls[0]!.form).toMatchObject({ payment_intent: intent.id, amount: "3000", "metadata[refundId]": refund.id });

    // Stripe down for longer than the SDK retries: the refund stays pending, and the sweeper sends it once Stripe is back.
    fake.control.unavailable = 10;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await requestRefund(business.id, actor, paymentId, { amount: "10.00", reason: "Rest of the overcharge", effect: "CREDIT" })).toMatchObject({ ok: true, status: "PENDING" });
    expect(logged.mock.calls.flat().join(" ")).toMatch(/not sent yet, the sweeper retries it/);
    const second = await db.refund.findFirstOrThrow({ where: { paymentId, id: { not: refund.id } } });
    expect(second.providerRefundId).toBeNull();
    fake.control.unavailable = 0;
    await db.refund.update({ where: { id: second.id }, data: { createdAt: new Date(Date.now() - 120_000) } });
    expect(await sweepUnsentRefunds()).toEqual({ stuck: 1, sent: 1 });
    expect(await db.refund.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "SUCCEEDED", providerRefundId: expect.stringMatching(/^re_/) });
    calls = fake.requests.filter((r) => r.path === "/v1/refunds" && r.idempotencyKey === `refund_${second.id}`);
    expect(calls.length).toBeGreaterThan(1);

    // Stripe's own refund.updated webhook for it changes nothing more.
    const stored = await db.refund.findUniqueOrThrow({ where: { id: refund.id } });
    const update = JSON.stringify(eventObject({ type: "refund.updated", object: refundObject({ id: stored.providerRefundId!, amount: 3_000, currency: "usd", paymentIntent: intent.id, status: "succeeded", created: new Date(), metadata: { refundId: refund.id }, methodType: "card" }), created: new Date() }));
    expect(await callWebhook(signedRequest(update))).toMatchObject({ status: 200, body: { outcome: "unchanged" } });
    expect(await db.outboxEmail.count({ where: { dedupeKey: `refund:${refund.id}` } })).toBe(1);
  });
});
