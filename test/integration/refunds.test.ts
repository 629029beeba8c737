// Refunds (issue 18) through the simulator and the one event handler: owed again or settled as a credit, pending
// bank refunds, a refund that fails later, never more than was paid (also 100 at once), events repeated or late.
import { translator } from "../../app/modules/i18n/translator.server";
import { afterEach, describe, expect, it } from "vitest";
import { fromDbDate } from "../../app/modules/dates/calendar";
import { listCustomerInvoices } from "../../app/modules/invoices/invoices.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { startPayment } from "../../app/modules/payments/checkout.server";
import { processPaymentEvent } from "../../app/modules/payments/events.server";
import { confirmSimulatedPayment, finishSimulatedRefund, settleSimulatedBankDebit } from "../../app/modules/payments/simulator.server";
import { eventObject, refundObject } from "../../app/modules/payments/stripe-objects";
import { requestRefund } from "../../app/modules/refunds/refunds.server";
import { invoicePdf, receiptPdf } from "../../app/modules/documents/documents.server";
import { db } from "../../app/utils/db.server";
import { pdfText } from "../support/pdf-text";
import { createBusiness, createCustomer, createInvoice, createOwner } from "../fixtures/factories";

const CARD = (number: string) => ({ method: "CARD" as const, card: { number, expMonth: 12, expYear: 2035, cvc: "123" } });
const BANK = (accountNumber: string) => ({ method: "US_BANK_ACCOUNT" as const, bank: { holderName: "Ada", routingNumber: "110000000", accountNumber } });

async function paidInvoices(amounts: number[], pay: "card" | "bank" | "refund-fails" = "card") {
  const business = await createBusiness();
  const { user } = await createOwner(business.id);
  const customer = await createCustomer(business.id);
  const invoices = [];
  for (const [i, amount] of amounts.entries()) invoices.push(await createInvoice(business.id, customer.id, { amountCents: amount, dueInDays: 10 + i }));
  const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: invoices.map((i) => i.id), amountCents: null, method: pay === "bank" ? "US_BANK_ACCOUNT" : "CARD" });
  if (pay === "bank") {
    await confirmSimulatedPayment(customer.id, paymentId, BANK("000123456789"));
    await settleSimulatedBankDebit(paymentId, "000123456789");
  } else {
    expect(await confirmSimulatedPayment(customer.id, paymentId, CARD(pay === "refund-fails" ? "4000000000005126" : "4242424242424242"))).toBe("SUCCEEDED");
  }
  const today = fromDbDate(invoices[0]!.issueDate);
  const figures = async () => Object.fromEntries((await listCustomerInvoices(customer.id, today)).map((i) => [i.number, { balance: i.figures.balanceCents, paid: i.figures.paidCents, refunded: i.figures.refundedCents, credit: i.figures.creditCents }]));
  const actor = { id: user.id, name: "Olive Owner" };
  const refund = (values: Record<string, string>) => requestRefund(business.id, actor, paymentId, values);
  return { business, customer, invoices, paymentId, figures, refund };
}

afterEach(async () => {
  await stopBoss();
});

describe("refunding a card payment", () => {
  it("owed again: part of the payment goes back, the last invoice reopens by that much, the customer is emailed", async () => {
    const { figures, refund, invoices, paymentId, customer } = await paidInvoices([30_000, 20_000]);
    const result = await refund({ amount: "250.00", reason: "Charged for a cancelled session", effect: "REOPEN" });
    expect(result).toMatchObject({ ok: true, status: "SUCCEEDED" });
    const [a, b] = invoices.map((i) => i.number);
    expect(await figures()).toEqual({ [a!]: { balance: 5_000, paid: 25_000, refunded: 5_000, credit: 0 }, [b!]: { balance: 20_000, paid: 0, refunded: 20_000, credit: 0 } });
    const stored = await db.refund.findFirstOrThrow({ where: { paymentId } });
    expect(stored).toMatchObject({ status: "SUCCEEDED", amountCents: 25_000, providerRefundId: expect.stringMatching(/^re_sim_/), idempotencyKey: `refund_${stored.id}` });
    const email = await db.outboxEmail.findFirstOrThrow({ where: { template: "refund", customerId: customer.id } });
    expect(email.subject).toMatch(/refunded \$250\.00 to you/);
    expect(email.text).toContain("Charged for a cancelled session");
    expect(await db.activityEvent.count({ where: { type: { in: ["refund.requested", "refund.succeeded"] }, customerId: customer.id } })).toBe(2);

    // The documents reconcile: the receipt shows what was kept, the invoice what came back and what is owed.
    const receipt = pdfText((await receiptPdf(translator("en"), customer.id, paymentId))!.pdf);
    expect(receipt).toMatch(/Refunded on .*Charged for a cancelled session/);
    expect(receipt).toContain("$250.00");
    expect(receipt).toContain("Kept");
    const business = await db.business.findUniqueOrThrow({ where: { id: customer.businessId } });
    const invoiceText = pdfText((await invoicePdf(translator("en"), customer, business, invoices[0]!.id))!.pdf);
    expect(invoiceText).toMatch(/Refunded .*\n\+\$50\.00/);
    expect(invoiceText).toMatch(/Balance due\n\$50\.00/);
  });

  it("settled as a credit: the money goes back and the invoice stays paid", async () => {
    const { figures, refund, invoices } = await paidInvoices([40_000]);
    expect(await refund({ amount: "100", reason: "Goodwill after a late delivery", effect: "CREDIT" })).toMatchObject({ ok: true, status: "SUCCEEDED" });
    expect(await figures()).toEqual({ [invoices[0]!.number]: { balance: 0, paid: 30_000, refunded: 10_000, credit: 10_000 } });
  });

  it("never more than is left: a clear error and nothing saved, and the rest can still go back", async () => {
    const { refund, paymentId } = await paidInvoices([10_000]);
    expect(await refund({ amount: "100.01", reason: "Too much", effect: "REOPEN" })).toEqual({ ok: false, fieldErrors: { amount: ["That is more than is left to refund on this payment."] } });
    expect(await refund({ amount: "60", reason: "Part", effect: "REOPEN" })).toMatchObject({ ok: true });
    expect(await refund({ amount: "40.01", reason: "Rest and a cent", effect: "REOPEN" })).toMatchObject({ ok: false });
    expect(await refund({ amount: "40", reason: "Rest", effect: "REOPEN" })).toMatchObject({ ok: true });
    expect(await refund({ amount: "1", reason: "More", effect: "REOPEN" })).toEqual({ ok: false, fieldErrors: { amount: ["This payment is refunded in full already."] } });
    expect(await db.refund.count({ where: { paymentId } })).toBe(2);
  });

  it("100 refunds of one payment at once: the total refunded never exceeds the payment", async () => {
    const { refund, paymentId } = await paidInvoices([10_000]);
    const results = await Promise.all(Array.from({ length: 100 }, () => refund({ amount: "3.00", reason: "Concurrent", effect: "REOPEN" })));
    const ok = results.filter((r) => r.ok).length;
    const total = (await db.refund.aggregate({ where: { paymentId, status: { in: ["PENDING", "SUCCEEDED"] } }, _sum: { amountCents: true } }))._sum.amountCents ?? 0;
    expect(ok).toBe(33);
    expect(total).toBe(9_900);
    expect(total).toBeLessThanOrEqual(10_000);
  }, 60_000);

  it("a refund that fails later (card 5126) reopens nothing and takes back a credit it had given", async () => {
    const { figures, refund, invoices, paymentId } = await paidInvoices([20_000], "refund-fails");
    expect(await refund({ amount: "50", reason: "Partial goodwill", effect: "CREDIT" })).toMatchObject({ ok: true, status: "SUCCEEDED" });
    const n = invoices[0]!.number;
    expect(await figures()).toEqual({ [n]: { balance: 0, paid: 15_000, refunded: 5_000, credit: 5_000 } });
    const stored = await db.refund.findFirstOrThrow({ where: { paymentId } });
    await finishSimulatedRefund(stored.id, "failed");
    expect(await db.refund.findUniqueOrThrow({ where: { id: stored.id } })).toMatchObject({ status: "FAILED", failureReason: "expired_or_canceled_card" });
    expect(await figures()).toEqual({ [n]: { balance: 0, paid: 20_000, refunded: 0, credit: 0 } });
    expect(await db.activityEvent.findFirst({ where: { type: "refund.failed" } })).toMatchObject({ summary: expect.stringContaining("nothing changes") });
  });
});

describe("refunding a bank debit", () => {
  it("is pending (nothing changes) until the bank confirms it", async () => {
    const { figures, refund, invoices, paymentId } = await paidInvoices([12_000], "bank");
    const result = await refund({ amount: "120", reason: "Service not delivered", effect: "REOPEN" });
    expect(result).toMatchObject({ ok: true, status: "PENDING" });
    const n = invoices[0]!.number;
    expect(await figures()).toEqual({ [n]: { balance: 0, paid: 12_000, refunded: 0, credit: 0 } });
    const stored = await db.refund.findFirstOrThrow({ where: { paymentId } });
    await finishSimulatedRefund(stored.id, "succeeded");
    expect(await figures()).toEqual({ [n]: { balance: 12_000, paid: 0, refunded: 12_000, credit: 0 } });
  });
});

describe("refund events", () => {
  it("a repeated event applies once, an older one arriving late changes nothing, and a dashboard refund is recorded", async () => {
    const { refund, paymentId, figures, invoices } = await paidInvoices([10_000], "bank");
    await refund({ amount: "20", reason: "Partial", effect: "REOPEN" });
    const stored = await db.refund.findFirstOrThrow({ where: { paymentId }, include: { payment: true } });
    const object = (status: "pending" | "succeeded") =>
      refundObject({ id: stored.providerRefundId!, amount: 2_000, currency: "usd", paymentIntent: stored.payment.providerPaymentId!, status, created: new Date(), metadata: { refundId: stored.id }, methodType: "us_bank_account" });
    const later = new Date(Date.now() + 60_000);
    const succeeded = eventObject({ id: `evt_r_${stored.id}_ok`, type: "refund.updated", object: object("succeeded"), created: later });
    expect(await processPaymentEvent(succeeded, "stripe")).toBe("applied");
    expect(await processPaymentEvent(succeeded, "stripe")).toBe("duplicate");
    const stale = eventObject({ id: `evt_r_${stored.id}_old`, type: "refund.updated", object: object("pending"), created: new Date(Date.now() - 60_000) });
    expect(await processPaymentEvent(stale, "stripe")).toBe("unchanged");
    expect(await figures()).toEqual({ [invoices[0]!.number]: { balance: 2_000, paid: 8_000, refunded: 2_000, credit: 0 } });

    // A refund made in Stripe's dashboard: no refund row yet, found by its payment.
    const dashboard = refundObject({ id: "re_dashboard_1", amount: 3_000, currency: "usd", paymentIntent: stored.payment.providerPaymentId!, status: "succeeded", created: new Date(), metadata: {}, methodType: "us_bank_account" });
    expect(await processPaymentEvent(eventObject({ id: "evt_dash_1", type: "refund.created", object: dashboard, created: new Date() }), "stripe")).toBe("applied");
    expect(await db.refund.findUniqueOrThrow({ where: { providerRefundId: "re_dashboard_1" } })).toMatchObject({ reason: "Refunded in Stripe's dashboard", status: "SUCCEEDED", effect: "REOPEN" });
    expect(await figures()).toEqual({ [invoices[0]!.number]: { balance: 5_000, paid: 5_000, refunded: 5_000, credit: 0 } });

    // One for a payment nobody knows is recorded as an event and applied to nothing.
    const stray = refundObject({ id: "re_stray", amount: 100, currency: "usd", paymentIntent: "pi_unknown", status: "succeeded", created: new Date(), metadata: {}, methodType: "card" });
    expect(await processPaymentEvent(eventObject({ id: "evt_stray", type: "refund.created", object: stray, created: new Date() }), "stripe")).toBe("ignored");
  });
});
