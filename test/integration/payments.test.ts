import { afterEach, describe, expect, it } from "vitest";
import { fromDbDate } from "../../app/modules/dates/calendar";
import { listCustomerInvoices } from "../../app/modules/invoices/invoices.server";
import { PaymentInputError, startPayment } from "../../app/modules/payments/checkout.server";
import { processPaymentEvent } from "../../app/modules/payments/events.server";
import { confirmSimulatedPayment, settleSimulatedBankDebit, simulatorGateway } from "../../app/modules/payments/simulator.server";
import { eventObject } from "../../app/modules/payments/stripe-objects";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice } from "../fixtures/factories";

const CARD = (number: string) => ({ method: "CARD" as const, card: { number, expMonth: 12, expYear: 2035, cvc: "123" } });
const BANK = (accountNumber: string) => ({ method: "US_BANK_ACCOUNT" as const, bank: { holderName: "Ada", routingNumber: "110000000", accountNumber } });

async function setup(amounts: number[] = [50_000], business?: { achDiscountBps?: number; minPartialPaymentCents?: number }) {
  const b = await createBusiness();
  if (business) await db.business.update({ where: { id: b.id }, data: business });
  const customer = await createCustomer(b.id);
  const invoices = [];
  for (const [i, amount] of amounts.entries()) invoices.push(await createInvoice(b.id, customer.id, { amountCents: amount, dueInDays: 10 + i }));
  const today = fromDbDate(invoices[0]!.issueDate);
  const figures = async () => Object.fromEntries((await listCustomerInvoices(customer.id, today)).map((i) => [i.id, i.figures]));
  return { business: b, customer, invoices, figures };
}

afterEach(async () => {
  await stopBoss();
});

describe("paying by card in the simulator", () => {
  it("pays an invoice with 4242: the payment succeeds once, with a receipt, an email and a log", async () => {
    const { customer, invoices, figures } = await setup();
    const invoice = invoices[0]!;
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    expect(await confirmSimulatedPayment(customer.id, paymentId, CARD("4242424242424242"))).toBe("SUCCEEDED");

    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(payment).toMatchObject({ status: "SUCCEEDED", amountCents: 50_000, methodDetails: "Visa ending 4242", idempotencyKey: `payment_${paymentId}_create` });
    expect(payment.receiptNumber).toMatch(/^R-\d{6}$/);
    expect((await figures())[invoice.id]).toMatchObject({ status: "PAID", balanceCents: 0, paidCents: 50_000 });
    expect(await db.outboxEmail.count({ where: { dedupeKey: `receipt:${paymentId}` } })).toBe(1);
    const types = (await db.activityEvent.findMany({ where: { invoiceId: invoice.id }, orderBy: { id: "asc" } })).map((a) => a.type);
    expect(types).toEqual(["payment.started", "payment.succeeded"]);

    // Confirming again (a double click, a replayed form) changes nothing.
    expect(await confirmSimulatedPayment(customer.id, paymentId, CARD("4242424242424242"))).toBe("SUCCEEDED");
    expect(await db.outboxEmail.count({ where: { template: "receipt" } })).toBe(1);
  });

  it("keeps a declined card's payment open with Stripe's reason, and lets the customer retry", async () => {
    const { customer, invoices, figures } = await setup();
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoices[0]!.id], amountCents: null, method: "CARD" });
    expect(await confirmSimulatedPayment(customer.id, paymentId, CARD("4000000000000002"))).toBe("PENDING");
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ failureCode: "generic_decline", failureMessage: "Your card was declined." });
    expect(await confirmSimulatedPayment(customer.id, paymentId, CARD("4000000000009995"))).toBe("PENDING");
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ failureCode: "insufficient_funds" });
    expect((await figures())[invoices[0]!.id]?.balanceCents).toBe(50_000);
    expect(await confirmSimulatedPayment(customer.id, paymentId, CARD("5555555555554444"))).toBe("SUCCEEDED");
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ failureCode: null, methodDetails: "Mastercard ending 4444" });
  });

  it("answers 404 for another customer's payment", async () => {
    const { customer, invoices } = await setup();
    const other = await createCustomer(customer.businessId);
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoices[0]!.id], amountCents: null, method: "CARD" });
    const thrown = await confirmSimulatedPayment(other.id, paymentId, CARD("4242424242424242")).catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(404);
    await expect(startPayment({ customerId: other.id, invoiceIds: [invoices[0]!.id], amountCents: null, method: "CARD" })).rejects.toThrow(PaymentInputError);
  });
});

describe("paying by bank account (ACH) in the simulator", () => {
  it("is processing first (not paid, not chased), then paid when the bank settles", async () => {
    const { customer, invoices, figures } = await setup([100_000], { achDiscountBps: 100 });
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoices[0]!.id], amountCents: null, method: "US_BANK_ACCOUNT" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ amountCents: 99_000, methodAdjustmentCents: -1_000 });
    expect(await confirmSimulatedPayment(customer.id, paymentId, BANK("000123456789"))).toBe("PROCESSING");
    expect((await figures())[invoices[0]!.id]).toMatchObject({ status: "PROCESSING", paidCents: 0, processingCents: 100_000, dueNowCents: 0, balanceCents: 100_000 });
    const job = await db.$queryRaw<{ n: bigint }[]>`select count(*) as n from pgboss.job where name = 'simulator-settle' and data->>'paymentId' = ${paymentId}`;
    expect(Number(job[0]?.n)).toBe(1);

    await settleSimulatedBankDebit(paymentId, "000123456789");
    expect((await figures())[invoices[0]!.id]).toMatchObject({ status: "PAID", balanceCents: 0 });
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ status: "SUCCEEDED", methodDetails: "STRIPE TEST BANK ending 6789" });
  });

  it("reopens the invoice and emails the customer when the bank returns the debit", async () => {
    const { customer, invoices, figures } = await setup();
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoices[0]!.id], amountCents: null, method: "US_BANK_ACCOUNT" });
    await confirmSimulatedPayment(customer.id, paymentId, BANK("000111111113"));
    await settleSimulatedBankDebit(paymentId, "000111111113");
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ status: "FAILED", failureCode: "account_closed" });
    expect((await figures())[invoices[0]!.id]).toMatchObject({ balanceCents: 50_000, dueNowCents: 50_000, processingCents: 0 });
    const email = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `payment-failed:${paymentId}` } });
    expect(email.toAddress).toBe(customer.email);
    expect(email.text).toContain("The bank account has been closed.");
    expect(email.text).toMatch(/\/portal\/access\//);
  });

  it("refuses bank details Stripe test mode would refuse, changing nothing", async () => {
    const { customer, invoices } = await setup();
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoices[0]!.id], amountCents: null, method: "US_BANK_ACCOUNT" });
    await expect(confirmSimulatedPayment(customer.id, paymentId, { method: "US_BANK_ACCOUNT", bank: { holderName: "Ada", routingNumber: "021000021", accountNumber: "000123456789" } })).rejects.toThrow(/routing number 110000000/);
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("PENDING");
  });
});

describe("events drive payment state", () => {
  async function processingPayment() {
    const ctx = await setup();
    const { paymentId } = await startPayment({ customerId: ctx.customer.id, invoiceIds: [ctx.invoices[0]!.id], amountCents: null, method: "US_BANK_ACCOUNT" });
    const intent = await simulatorGateway.retrievePaymentIntent((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).providerPaymentId!);
    const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 12, 0, s));
    const event = (id: string, type: string, status: string, s: number) => eventObject({ id, type, object: { ...intent, status }, created: at(s) });
    return { ...ctx, paymentId, event };
  }

  it("applies each event id once, even when ten copies arrive together", async () => {
    const { paymentId, event } = await processingPayment();
    const succeeded = event("evt_dup_1", "payment_intent.succeeded", "succeeded", 10);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => processPaymentEvent(succeeded, "stripe")));
    expect(outcomes.filter((o) => o === "applied")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(9);
    expect(await db.outboxEmail.count({ where: { dedupeKey: `receipt:${paymentId}` } })).toBe(1);
  });

  it("ends in the same state whatever order the events arrive in", async () => {
    for (const order of [
      ["processing", "succeeded"],
      ["succeeded", "processing"],
    ]) {
      const { paymentId, event } = await processingPayment();
      for (const step of order) {
        await processPaymentEvent(
          step === "processing" ? event(`evt_${paymentId}_p`, "payment_intent.processing", "processing", 1) : event(`evt_${paymentId}_s`, "payment_intent.succeeded", "succeeded", 5),
          "stripe",
        );
      }
      expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("SUCCEEDED");
    }
    const { paymentId, event } = await processingPayment();
    await processPaymentEvent(event("evt_late_fail", "payment_intent.payment_failed", "requires_payment_method", 9), "stripe");
    await processPaymentEvent(event("evt_early_processing", "payment_intent.processing", "processing", 2), "stripe");
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("FAILED");
  });

  it("tells the customer of a returned bank debit once, even when its failure arrives before its processing", async () => {
    const { paymentId, customer, event } = await processingPayment();
    const failed = event("evt_return_first", "payment_intent.payment_failed", "requires_payment_method", 9);
    (failed.data.object as { last_payment_error: unknown }).last_payment_error = { type: "invalid_request_error", code: "account_closed", message: "The bank account has been closed." };
    expect(await processPaymentEvent(failed, "stripe")).toBe("applied");
    expect(await processPaymentEvent(event("evt_processing_late", "payment_intent.processing", "processing", 2), "stripe")).toBe("unchanged");
    expect(await processPaymentEvent(event("evt_processing_again", "payment_intent.processing", "processing", 3), "stripe")).toBe("unchanged");
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("FAILED");
    const emails = await db.outboxEmail.findMany({ where: { customerId: customer.id, template: "payment-failed" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.text).toContain("The bank account has been closed.");
  });

  it("records events for unknown payments without failing", async () => {
    const { event } = await processingPayment();
    const stray = event("evt_stray", "payment_intent.succeeded", "succeeded", 3);
    (stray.data.object as { id: string; metadata: object }).id = "pi_unknown";
    (stray.data.object as { metadata: object }).metadata = {};
    expect(await processPaymentEvent(stray, "stripe")).toBe("ignored");
    expect((await db.webhookEvent.findUniqueOrThrow({ where: { id: "evt_stray" } })).error).toMatch(/no payment/);
  });
});

describe("what can be paid", () => {
  it("splits a part payment across invoices, oldest due date first", async () => {
    const { customer, invoices, figures } = await setup([30_000, 40_000]);
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: invoices.map((i) => i.id), amountCents: 45_000, method: "CARD" });
    const allocations = await db.paymentAllocation.findMany({ where: { paymentId } });
    expect(Object.fromEntries(allocations.map((a) => [a.invoiceId, a.amountCents]))).toEqual({ [invoices[0]!.id]: 30_000, [invoices[1]!.id]: 15_000 });
    await confirmSimulatedPayment(customer.id, paymentId, CARD("4242424242424242"));
    const f = await figures();
    expect(f[invoices[0]!.id]).toMatchObject({ status: "PAID" });
    expect(f[invoices[1]!.id]).toMatchObject({ balanceCents: 25_000, partlyPaid: true });
  });

  it("refuses less than the owner's minimum, more than is owed, and nothing", async () => {
    const { customer, invoices } = await setup([30_000], { minPartialPaymentCents: 5_000 });
    const base = { customerId: customer.id, invoiceIds: [invoices[0]!.id], method: "CARD" as const };
    await expect(startPayment({ ...base, amountCents: 4_999 })).rejects.toThrow("A part payment must be at least $50.00.");
    await expect(startPayment({ ...base, amountCents: 30_001 })).rejects.toThrow("That is more than you owe on these invoices ($300.00).");
    await expect(startPayment({ ...base, amountCents: 0 })).rejects.toThrow("Enter an amount greater than zero.");
    expect(await db.payment.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("replaces an unconfirmed payment when the customer starts again, so one balance is never charged twice", async () => {
    const { customer, invoices } = await setup();
    const first = await startPayment({ customerId: customer.id, invoiceIds: [invoices[0]!.id], amountCents: null, method: "CARD" });
    const second = await startPayment({ customerId: customer.id, invoiceIds: [invoices[0]!.id], amountCents: null, method: "CARD" });
    expect((await db.payment.findUniqueOrThrow({ where: { id: first.paymentId } })).status).toBe("CANCELED");
    expect(await confirmSimulatedPayment(customer.id, first.paymentId, CARD("4242424242424242"))).toBe("CANCELED");
    expect(await confirmSimulatedPayment(customer.id, second.paymentId, CARD("4242424242424242"))).toBe("SUCCEEDED");
    await expect(startPayment({ customerId: customer.id, invoiceIds: [invoices[0]!.id], amountCents: null, method: "CARD" })).rejects.toThrow("There is nothing left to pay");
  });
});
