// The webhook storm of issue 8, shared by test/reliability/webhook-storm.test.ts (the webhook route called in this
// process) and test/reliability/scale-out.test.ts (the same storm split across two web processes over HTTP). Thousands
// of Stripe events for payments across two businesses, 20% of them delivered twice or more, shuffled so copies and
// stages arrive in any order, a fixed number in flight. Every payment ends in the state its events imply, money is
// applied once, and every ledger balances. Issue 18 mixes in refunds, chargebacks (won and lost) and bank debits
// returned after success: a refund's or dispute's event may arrive before its payment's, and waits for it.
// The database must hold nothing but the storm's world (each test file has its own).
import Stripe from "stripe";
import { expect } from "vitest";
import { dateInZone } from "../../app/modules/dates/calendar";
import { listCustomerInvoices } from "../../app/modules/invoices/invoices.server";
import { startPayment } from "../../app/modules/payments/checkout.server";
import { bankChargeObject, disputeObject, eventObject, paymentIntentObject, paymentMethodObject, refundObject, stripeId } from "../../app/modules/payments/stripe-objects";
import { verifyLedger } from "../../app/modules/ledger/ledger.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice } from "../fixtures/factories";

export const STORM_WEBHOOK_SECRET = "whsec_reliability_storm";
const DUPLICATE_SHARE = 0.2;

/** A seeded generator, so a failing storm can be replayed with the seed it prints. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// What happens to a payment at Stripe, as the events Stripe sends for it, and the status they must leave.
const SCRIPTS = {
  cardPaid: { method: "CARD", stages: ["created", "succeeded", "charge.succeeded"], final: "SUCCEEDED" },
  cardDeclinedThenPaid: { method: "CARD", stages: ["created", "declined", "succeeded", "charge.succeeded"], final: "SUCCEEDED" },
  cardAbandoned: { method: "CARD", stages: ["created", "declined"], final: "PENDING" },
  cardCanceled: { method: "CARD", stages: ["created", "canceled"], final: "CANCELED" },
  bankPaid: { method: "US_BANK_ACCOUNT", stages: ["created", "processing", "succeeded", "charge.succeeded"], final: "SUCCEEDED" },
  bankReturned: { method: "US_BANK_ACCOUNT", stages: ["created", "processing", "bank-failed", "charge.failed"], final: "FAILED" },
  // Issue 18: money that goes back.
  cardRefunded: { method: "CARD", stages: ["created", "succeeded", "refund.created", "charge.refunded"], final: "SUCCEEDED" },
  cardChargebackLost: { method: "CARD", stages: ["created", "succeeded", "dispute.created", "dispute.lost"], final: "SUCCEEDED" },
  cardChargebackWon: { method: "CARD", stages: ["created", "succeeded", "dispute.created", "dispute.won"], final: "SUCCEEDED" },
  bankPaidThenReturned: { method: "US_BANK_ACCOUNT", stages: ["created", "processing", "succeeded", "bank-returned", "charge.returned"], final: "FAILED" },
} as const;
type ScriptName = keyof typeof SCRIPTS;
const SCRIPT_NAMES = Object.keys(SCRIPTS) as ScriptName[];
const AVERAGE_STAGES = SCRIPT_NAMES.reduce((s, n) => s + SCRIPTS[n].stages.length, 0) / SCRIPT_NAMES.length;

type Planned = { paymentId: string; customerId: string; script: ScriptName };

/** Customers with one to three invoices each; every customer starts one payment (whole balance, two invoices, or a part). */
async function world(payments: number, rnd: () => number) {
  const businesses = [await createBusiness(), await createBusiness({ timeZone: "Europe/Berlin" })];
  // The second business charges a card surcharge and gives a bank discount: payments differ from their allocations.
  await db.business.update({ where: { id: businesses[1]!.id }, data: { cardSurchargeBps: 300, achDiscountBps: 100 } });
  const plans: { businessId: string; script: ScriptName; invoiceCount: number; part: boolean }[] = Array.from({ length: payments }, (_, i) => ({
    businessId: businesses[i % 2]!.id,
    script: SCRIPT_NAMES[Math.floor(rnd() * SCRIPT_NAMES.length)]!,
    invoiceCount: 1 + Math.floor(rnd() * 3),
    part: rnd() < 0.25,
  }));
  const planned: Planned[] = [];
  await inBatches(plans, 8, async (p) => {
    const customer = await createCustomer(p.businessId);
    const invoices = [];
    for (let k = 0; k < p.invoiceCount; k++) {
      invoices.push(await createInvoice(p.businessId, customer.id, { amountCents: 5_000 + Math.floor(rnd() * 200_000), dueInDays: 20 + k * 7 }));
    }
    // One invoice, or the two oldest, or a part payment across all of them.
    const chosen = p.part ? invoices : invoices.slice(0, Math.min(2, invoices.length));
    const total = await dueOf(customer.id, chosen.map((i) => i.id));
    const amountCents = p.part ? Math.max(1, Math.floor(total * 0.6)) : null;
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: chosen.map((i) => i.id), amountCents, method: SCRIPTS[p.script].method });
    planned.push({ paymentId, customerId: customer.id, script: p.script });
  });
  return { businesses, planned };
}

async function dueOf(customerId: string, invoiceIds: string[]) {
  const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId }, include: { business: true } });
  const invoices = await listCustomerInvoices(customerId, dateInZone(new Date(), customer.business.timeZone));
  return invoices.filter((i) => invoiceIds.includes(i.id)).reduce((s, i) => s + i.figures.dueNowCents, 0);
}

async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** The events Stripe would send for one payment, a few seconds apart. */
async function eventsFor(p: Planned, base: Date) {
  const payment = await db.payment.findUniqueOrThrow({ where: { id: p.paymentId } });
  const intentId = payment.providerPaymentId!;
  const card = payment.method === "CARD";
  const paymentMethod = card
    ? paymentMethodObject({ type: "card", brand: "visa", last4: "4242", expMonth: 12, expYear: 2035, customer: null })
    : paymentMethodObject({ type: "us_bank_account", bankName: "STRIPE TEST BANK", last4: "6789", routingNumber: "110000000", customer: null });
  const intent = (status: Stripe.PaymentIntent.Status, lastPaymentError: Stripe.PaymentIntent.LastPaymentError | null = null) =>
    paymentIntentObject({
      id: intentId,
      amount: payment.amountCents,
      currency: payment.currency,
      customer: null,
      status,
      methodType: card ? "card" : "us_bank_account",
      created: payment.createdAt,
      metadata: { paymentId: payment.id, businessId: payment.businessId, customerId: payment.customerId },
      paymentMethod: status === "requires_payment_method" && !lastPaymentError ? null : paymentMethod,
      lastPaymentError,
    });
  const declined = { type: "card_error", code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." } as unknown as Stripe.PaymentIntent.LastPaymentError;
  const returned = { type: "invalid_request_error", code: "account_closed", message: "The bank account has been closed." } as unknown as Stripe.PaymentIntent.LastPaymentError;
  const charge = (status: string) => ({ id: stripeId("ch"), object: "charge", payment_intent: intentId, status, amount: payment.amountCents });
  const insufficient = { type: "invalid_request_error", code: "insufficient_funds", message: "The bank account had insufficient funds." } as unknown as Stripe.PaymentIntent.LastPaymentError;
  const dispute = (status: "needs_response" | "won" | "lost") =>
    disputeObject({ id: `dp_${payment.id}`, amount: payment.amountCents, currency: payment.currency, paymentIntent: intentId, charge: `ch_${payment.id}`, status, reason: "fraudulent", created: base, evidenceDueBy: status === "needs_response" ? new Date(base.getTime() + 21 * 86_400_000) : null, methodType: "card", feeCents: 1_500, reinstated: status === "won" });
  const objects: Record<string, [string, unknown]> = {
    created: ["payment_intent.created", intent("requires_payment_method")],
    declined: ["payment_intent.payment_failed", intent("requires_payment_method", declined)],
    succeeded: ["payment_intent.succeeded", intent("succeeded")],
    processing: ["payment_intent.processing", intent("processing")],
    "bank-failed": ["payment_intent.payment_failed", intent("requires_payment_method", returned)],
    canceled: ["payment_intent.canceled", intent("canceled")],
    "charge.succeeded": ["charge.succeeded", charge("succeeded")],
    "charge.failed": ["charge.failed", charge("failed")],
    // A refund made in Stripe's dashboard (no refundId of ours): a third of the payment, recorded as owed again.
    "refund.created": ["refund.created", refundObject({ id: `re_${payment.id}`, amount: Math.floor(payment.amountCents / 3), currency: payment.currency, paymentIntent: intentId, status: "succeeded", created: base, metadata: {}, methodType: "card" })],
    "charge.refunded": ["charge.refunded", charge("succeeded")],
    "dispute.created": ["charge.dispute.created", dispute("needs_response")],
    "dispute.won": ["charge.dispute.closed", dispute("won")],
    "dispute.lost": ["charge.dispute.closed", dispute("lost")],
    "bank-returned": ["payment_intent.payment_failed", intent("requires_payment_method", insufficient)],
    "charge.returned": ["charge.failed", bankChargeObject({ id: `ch_${payment.id}`, amount: payment.amountCents, currency: payment.currency, paymentIntent: intentId, status: "failed", created: base, failureCode: "insufficient_funds", failureMessage: "The bank account had insufficient funds.", bankName: "STRIPE TEST BANK", last4: "6789" })],
  };
  return SCRIPTS[p.script].stages.map((stage, i) => {
    const [type, object] = objects[stage]!;
    return JSON.stringify(eventObject({ type, object, created: new Date(base.getTime() + i * 5_000) }));
  });
}

function shuffle<T>(items: T[], rnd: () => number) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}


const signer = new Stripe("sk_test_signing_only");

/** The Stripe-Signature header Stripe would send with this payload. */
export const signatureFor = (payload: string) => signer.webhooks.generateTestHeaderString({ payload, secret: STORM_WEBHOOK_SECRET });

export type Delivery = (payload: string, index: number) => Promise<{ status: number; body: { outcome?: string } }>;

/** Sends `EVENTS` events through `deliver`, `IN_FLIGHT` at a time, and checks every payment, invoice and ledger. */
export async function runWebhookStorm({ events: EVENTS, inFlight: IN_FLIGHT, deliver }: { events: number; inFlight: number; deliver: Delivery }) {
  const seed = Number(process.env.STORM_SEED ?? Date.now() % 1_000_000);
  const rnd = random(seed);
  const uniqueEvents = Math.round(EVENTS * (1 - DUPLICATE_SHARE));
  const setupStarted = Date.now();
  const { businesses, planned } = await world(Math.ceil((uniqueEvents / AVERAGE_STAGES) * 1.15), rnd);
  const setupMs = Date.now() - setupStarted;

  const base = new Date(Date.now() - 3_600_000);
  // Exactly `uniqueEvents` go out: the last payments' events are cut short, which the expected states below follow.
  const unique = (await Promise.all(planned.map((p) => eventsFor(p, base)))).flat().slice(0, uniqueEvents);
  expect(unique).toHaveLength(uniqueEvents);
  const sentIds = new Set(unique.map((e) => (JSON.parse(e) as { id: string }).id));
  const copies = Array.from({ length: EVENTS - unique.length }, () => unique[Math.floor(rnd() * unique.length)]!);
  const deliveries = shuffle([...unique, ...copies], rnd);
  expect(deliveries).toHaveLength(EVENTS);

  const outcomes: Record<string, number> = {};
  const failures: string[] = [];
  let next = 0;
  const stormStarted = Date.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < deliveries.length) {
        const index = next++;
        const payload = deliveries[index]!;
        try {
          const { status, body } = await deliver(payload, index);
          if (status !== 200) failures.push(`HTTP ${status}`);
          outcomes[body.outcome ?? "none"] = (outcomes[body.outcome ?? "none"] ?? 0) + 1;
        } catch (error) {
          // Stripe would redeliver after a 5xx; here it is a failure of the storm.
          failures.push(error instanceof Error ? error.message.slice(0, 300) : String(error));
        }
      }
    }),
  );
  const stormMs = Date.now() - stormStarted;
  expect(failures, `seed ${seed}`).toEqual([]);
  expect(outcomes.duplicate, `seed ${seed}`).toBe(copies.length);
  expect(await db.webhookEvent.count()).toBe(sentIds.size);
  // Only a refund's or dispute's event whose payment's success was never sent is still waiting for it.

  // Each payment ends where its events (as far as they were sent) lead, whatever order they came in.
  const payments = await db.payment.findMany({ include: { allocations: true } });
  expect(payments).toHaveLength(planned.length);
  const byId = new Map(payments.map((p) => [p.id, p]));
  const sentStagesOf = new Map<string, string[]>();
  for (const raw of unique) {
    const e = JSON.parse(raw) as { type: string; data: { object: { metadata?: { paymentId?: string }; payment_intent?: string; last_payment_error?: { code?: string } | null } } };
    const paymentId = e.data.object.metadata?.paymentId ?? payments.find((p) => p.providerPaymentId === e.data.object.payment_intent)?.id ?? "";
    sentStagesOf.set(paymentId, [...(sentStagesOf.get(paymentId) ?? []), e.type]);
  }
  for (const p of planned) {
    const payment = byId.get(p.paymentId)!;
    const types = sentStagesOf.get(p.paymentId) ?? [];
    const returnedAfterSuccess = p.script === "bankPaidThenReturned" && types.includes("payment_intent.payment_failed");
    const expected = returnedAfterSuccess
      ? "FAILED"
      : types.includes("payment_intent.succeeded")
      ? "SUCCEEDED"
      : types.includes("payment_intent.canceled")
        ? "CANCELED"
        : SCRIPTS[p.script].method === "US_BANK_ACCOUNT" && types.includes("payment_intent.payment_failed")
          ? "FAILED"
          : types.includes("payment_intent.processing")
            ? "PROCESSING"
            : "PENDING";
    expect(payment.status, `${p.script} ${p.paymentId} after ${types.join(", ")} (seed ${seed})`).toBe(expected);
    const why = `${p.script} ${p.paymentId} after ${types.join(", ")} (seed ${seed})`;
    const succeededSent = types.includes("payment_intent.succeeded");
    if (returnedAfterSuccess) expect(payment.returnedAt !== null, why).toBe(succeededSent);
    const refunds = await db.refund.findMany({ where: { paymentId: p.paymentId } });
    const disputes = await db.dispute.findMany({ where: { paymentId: p.paymentId } });
    const waiting = await db.webhookEvent.count({ where: { waitingFor: payment.providerPaymentId, processedAt: null } });
    // Events about money that arrived (a refund, a dispute, a bank debit's return) wait only for a success never sent.
    const canWait = types.filter((t) => t === "refund.created" || t.startsWith("charge.dispute.") || (t === "charge.failed" && SCRIPTS[p.script].method === "US_BANK_ACCOUNT")).length;
    if (succeededSent) expect(waiting, why).toBe(0);
    else expect(waiting, why).toBeLessThanOrEqual(canWait);
    if (p.script === "cardRefunded") {
      expect(refunds.map((r) => [r.status, r.amountCents]), why).toEqual(succeededSent && types.includes("refund.created") ? [["SUCCEEDED", Math.floor(payment.amountCents / 3)]] : []);
    } else expect(refunds, why).toEqual([]);
    if (p.script === "cardChargebackLost" || p.script === "cardChargebackWon") {
      const closed = types.filter((t) => t === "charge.dispute.closed").length > 0;
      const expectedDispute = !succeededSent || !types.some((t) => t.startsWith("charge.dispute.")) ? [] : [closed ? (p.script === "cardChargebackLost" ? "LOST" : "WON") : "OPEN"];
      expect(disputes.map((d) => d.status), why).toEqual(expectedDispute);
    } else expect(disputes, why).toEqual([]);
  }
  const waitingLeft = await db.webhookEvent.count({ where: { processedAt: null } });

  // Ledger 1, each payment: what was charged = its allocations + the method's surcharge or discount + plan fee.
  for (const p of payments) {
    expect(p.amountCents).toBe(p.allocations.reduce((s, a) => s + a.amountCents, 0) + p.methodAdjustmentCents + p.planFeeCents);
  }
  // Applied once: one receipt number, one receipt email and one "succeeded" entry per invoice for each success
  // (a bank debit returned after it succeeded had its receipt too).
  const succeeded = payments.filter((p) => p.status === "SUCCEEDED");
  const everSucceeded = payments.filter((p) => p.status === "SUCCEEDED" || p.returnedAt);
  expect(everSucceeded.every((p) => p.receiptNumber)).toBe(true);
  expect(new Set(everSucceeded.map((p) => p.receiptNumber)).size).toBe(everSucceeded.length);
  expect(await db.outboxEmail.count({ where: { template: "receipt" } })).toBe(everSucceeded.length);
  expect(await db.outboxEmail.count({ where: { dedupeKey: { in: everSucceeded.map((p) => `receipt:${p.id}`) } } })).toBe(everSucceeded.length);
  const succeededLogs = await db.activityEvent.findMany({ where: { type: "payment.succeeded" }, select: { invoiceId: true, data: true } });
  expect(succeededLogs).toHaveLength(everSucceeded.reduce((s, p) => s + p.allocations.length, 0));
  expect(new Set(succeededLogs.map((l) => `${(l.data as { paymentId: string }).paymentId}:${l.invoiceId}`)).size).toBe(succeededLogs.length);
  // A bank debit that failed tells the customer (once per notice); one returned after success says so, once.
  const failed = payments.filter((p) => p.status === "FAILED");
  const returnedAfterSuccess = payments.filter((p) => p.returnedAt);
  expect(await db.outboxEmail.count({ where: { template: "payment-returned" } })).toBe(returnedAfterSuccess.length);
  expect(await db.outboxEmail.count({ where: { template: "payment-failed" } })).toBeLessThanOrEqual(failed.length);
  expect(await db.outboxEmail.count({ where: { template: "payment-failed", dedupeKey: { in: failed.filter((p) => !p.returnedAt).map((p) => `payment-failed:${p.id}`) } } })).toBe(failed.length - returnedAfterSuccess.length);
  // The one ledger invariant, for every invoice and business, and nothing applied twice.
  const ledger = await verifyLedger();
  expect(ledger.problems, `seed ${seed}`).toEqual([]);

  // Ledger 2, each invoice: total = paid + discounts + credits + write-offs + balance, paid = its succeeded
  // allocations (counted here from the rows), and nothing over-paid.
  let invoicesChecked = 0;
  let paidInvoices = 0;
  for (const business of businesses) {
    const day = dateInZone(new Date(), business.timeZone);
    const customers = await db.customer.findMany({ where: { businessId: business.id }, select: { id: true } });
    let invoicesPaidCents = 0;
    for (const c of customers) {
      for (const inv of await listCustomerInvoices(c.id, day)) {
        const f = inv.figures;
        const backFromRows =
          (await db.refundAllocation.aggregate({ where: { invoiceId: inv.id, refund: { status: "SUCCEEDED" } }, _sum: { amountCents: true } }))._sum.amountCents ??
          0;
        const disputedFromRows = (await db.disputeAllocation.aggregate({ where: { invoiceId: inv.id, dispute: { status: { in: ["OPEN", "LOST"] }, inquiry: false } }, _sum: { amountCents: true } }))._sum.amountCents ?? 0;
        const paidFromRows =
          payments
            .filter((p) => p.status === "SUCCEEDED")
            .flatMap((p) => p.allocations)
            .filter((a) => a.invoiceId === inv.id)
            .reduce((s, a) => s + a.amountCents, 0) -
          backFromRows -
          disputedFromRows;
        const processingFromRows = payments
          .filter((p) => p.status === "PROCESSING")
          .flatMap((p) => p.allocations)
          .filter((a) => a.invoiceId === inv.id)
          .reduce((s, a) => s + a.amountCents, 0);
        expect(f.paidCents).toBe(paidFromRows);
        expect(f.processingCents).toBe(processingFromRows);
        expect(f.overpaidCents).toBe(0);
        expect(f.totalCents).toBe(f.paidCents + f.discountCents + f.creditCents + f.writtenOffCents + f.balanceCents);
        expect(f.dueNowCents).toBe(f.balanceCents - f.processingCents - f.disputedCents);
        invoicesPaidCents += f.paidCents;
        invoicesChecked++;
        if (f.status === "PAID") paidInvoices++;
      }
    }
    // Ledger 3, each business: money received less surcharges and bank discounts = what the invoices show as paid.
    const mine = succeeded.filter((p) => p.businessId === business.id);
    const received = mine.reduce((s, p) => s + p.amountCents - p.methodAdjustmentCents - p.planFeeCents, 0);
    const backOnInvoices =
      ((await db.refundAllocation.aggregate({ where: { refund: { status: "SUCCEEDED", businessId: business.id } }, _sum: { amountCents: true } }))._sum.amountCents ?? 0) +
      ((await db.disputeAllocation.aggregate({ where: { dispute: { status: { in: ["OPEN", "LOST"] }, inquiry: false, businessId: business.id } }, _sum: { amountCents: true } }))._sum.amountCents ?? 0);
    expect(received - backOnInvoices).toBe(invoicesPaidCents);
  }

  const perSecond = Math.round((EVENTS / stormMs) * 1000);
  const byStatus = Object.fromEntries(["SUCCEEDED", "PROCESSING", "FAILED", "CANCELED", "PENDING"].map((s) => [s, payments.filter((p) => p.status === s).length]));
  return {
    summary:
      `${EVENTS} events (${copies.length} duplicates, shuffled, ${IN_FLIGHT} in flight) in ${(stormMs / 1000).toFixed(1)} s = ${perSecond} events/s; ` +
      `${planned.length} payments (${byStatus.SUCCEEDED} succeeded, ${returnedAfterSuccess.length} returned after success, ${await db.refund.count()} refunds, ${await db.dispute.count()} disputes) applied exactly once; ${invoicesChecked} invoices (${paidInvoices} paid) and 2 businesses balanced (ledger invariant: ${ledger.problems.length} problems), none over-paid; ${waitingLeft} events still waiting for a payment whose success was never sent`,
    details: { seed, waitingLeft, events: EVENTS, duplicates: copies.length, eventsPerSecond: perSecond, stormMs, setupMs, payments: planned.length, byStatus, outcomes, invoicesChecked, paidInvoices },
  };
}
