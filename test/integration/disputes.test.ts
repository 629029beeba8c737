// Disputes and bank returns (issue 18) through the simulator's Stripe-shaped events and the one event handler:
// a chargeback holds its amount and is never chased, won restores it, lost makes it owed again and waits for the
// owner; an inquiry withdraws nothing; a bank debit returned days after success reopens its invoice and tells the
// customer; events repeated or out of order change nothing twice; the ledger balances after each.
import { afterEach, describe, expect, it } from "vitest";
import { addDays, type CalendarDate } from "../../app/modules/dates/calendar";
import { loadPayerProfile } from "../../app/modules/customers/payer-profile.server";
import { chaseAfterLostDispute } from "../../app/modules/disputes/disputes.server";
import { listCustomerInvoices } from "../../app/modules/invoices/invoices.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { verifyLedger } from "../../app/modules/ledger/ledger.server";
import { startPayment } from "../../app/modules/payments/checkout.server";
import { listCustomerPayments } from "../../app/modules/payments/history.server";
import { processPaymentEvent } from "../../app/modules/payments/events.server";
import { confirmSimulatedPayment, decideSimulatedDispute, runSimulatorLater, settleSimulatedBankDebit } from "../../app/modules/payments/simulator.server";
import { bankChargeObject, disputeObject, eventObject, paymentIntentObject } from "../../app/modules/payments/stripe-objects";
import { requestRefund } from "../../app/modules/refunds/refunds.server";
import { DEFAULT_TIERS } from "../../app/modules/reminders/default-tiers";
import { findCandidates, runReminders } from "../../app/modules/reminders/engine.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice, createOwner } from "../fixtures/factories";

const CARD = (number: string) => ({ method: "CARD" as const, card: { number, expMonth: 12, expYear: 2035, cvc: "123" } });
const BANK = (accountNumber: string) => ({ method: "US_BANK_ACCOUNT" as const, bank: { holderName: "Ada", routingNumber: "110000000", accountNumber } });
const ISSUED = "2026-11-01" as CalendarDate;
/** Noon in New York on a day after the invoice's due date (1 December): outside quiet hours. */
const noon = (day: CalendarDate) => new Date(`${day}T17:00:00Z`);

async function paid(amountCents: number, how: { card: string } | { bank: string }) {
  const business = await createBusiness();
  await db.reminderTier.createMany({ data: DEFAULT_TIERS.map((t) => ({ ...t, businessId: business.id })) });
  const { user } = await createOwner(business.id);
  const customer = await createCustomer(business.id, { name: "Ada Lovelace" });
  const invoice = await createInvoice(business.id, customer.id, { amountCents, issueDate: ISSUED, dueInDays: 30 });
  const bank = "bank" in how;
  const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: bank ? "US_BANK_ACCOUNT" : "CARD" });
  if (bank) {
    await confirmSimulatedPayment(customer.id, paymentId, BANK(how.bank));
    await settleSimulatedBankDebit(paymentId, how.bank);
  } else {
    expect(await confirmSimulatedPayment(customer.id, paymentId, CARD(how.card))).toBe("SUCCEEDED");
  }
  const figures = async (day: CalendarDate = ISSUED) => {
    const [i] = await listCustomerInvoices(customer.id, day);
    return i!.figures;
  };
  return { business, user, customer, invoice, paymentId, figures };
}

const ledgerOk = async (businessId: string) => expect((await verifyLedger(businessId)).problems).toEqual([]);

afterEach(async () => {
  await stopBoss();
});

describe("a card chargeback", () => {
  it("holds the amount (not paid, never chased), alerts the owner with the deadline, and blocks refunds", async () => {
    const { business, customer, invoice, paymentId, figures, user } = await paid(50_000, { card: "4000000000000259" });
    expect((await figures()).status).toBe("PAID");
    await runSimulatorLater({ kind: "dispute", paymentId, reason: "fraudulent", status: "needs_response" });

    const f = await figures();
    expect(f).toMatchObject({ status: "DISPUTED", paidCents: 0, disputedCents: 50_000, balanceCents: 50_000, dueNowCents: 0, underDispute: true });
    const dispute = await db.dispute.findFirstOrThrow({ where: { paymentId } });
    expect(dispute).toMatchObject({ status: "OPEN", amountCents: 50_000, feeCents: 1_500, reason: "fraudulent", inquiry: false });
    expect(dispute.evidenceDueBy).not.toBeNull();
    const alert = await db.outboxEmail.findFirstOrThrow({ where: { template: "dispute-alert", businessId: business.id } });
    expect(alert.subject).toMatch(/^Chargeback on Ada Lovelace's payment of \$500\.00: respond by /);
    expect(alert.text).toContain("Dispute fee");
    expect(alert.text).toContain("$15.00");
    expect(await db.activityEvent.count({ where: { invoiceId: invoice.id, type: "dispute.opened" } })).toBe(1);
    await ledgerOk(business.id);

    // Stripe refuses to refund a disputed charge; so does the form, in words.
    expect(await requestRefund(business.id, { id: user.id, name: "Olive" }, paymentId, { amount: "10", reason: "Goodwill", effect: "REOPEN" })).toMatchObject({ ok: false });

    // Overdue now, but held: the engine records why and emails nobody.
    const day = addDays(ISSUED, 45);
    const [candidate] = await findCandidates(noon(day), business.id);
    expect(candidate).toMatchObject({ invoiceId: invoice.id, underDispute: true });
    expect(Number(candidate!.dueNowCents)).toBe(0);
    const run = await runReminders({ businessId: business.id, at: noon(day) });
    expect(run.customersEmailed).toBe(0);
    expect(await db.reminderSkip.findFirst({ where: { invoiceId: invoice.id } })).toMatchObject({ reason: "under_dispute" });
    expect(await db.outboxEmail.count({ where: { customerId: customer.id, template: "reminder" } })).toBe(0);
  });

  it("won: the money counts as paid again and the owner is told", async () => {
    const { business, paymentId, figures } = await paid(20_000, { card: "4000000000000259" });
    await runSimulatorLater({ kind: "dispute", paymentId, reason: "fraudulent", status: "needs_response" });
    const dispute = await db.dispute.findFirstOrThrow({ where: { paymentId } });
    await decideSimulatedDispute(dispute.id, "won");
    expect(await figures()).toMatchObject({ status: "PAID", paidCents: 20_000, disputedCents: 0, underDispute: false });
    expect(await db.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).toMatchObject({ status: "WON", gatewayStatus: "won", feeCents: 1_500 });
    expect(await db.outboxEmail.count({ where: { template: "dispute-alert", businessId: business.id, subject: { startsWith: "Chargeback won" } } })).toBe(1);
    await ledgerOk(business.id);
  });

  it("lost: owed again, reminders wait for the owner, who chooses to chase it; the payer profile counts it", async () => {
    const { business, user, customer, invoice, paymentId, figures } = await paid(20_000, { card: "4000000000000259" });
    await runSimulatorLater({ kind: "dispute", paymentId, reason: "product_not_received", status: "needs_response" });
    const dispute = await db.dispute.findFirstOrThrow({ where: { paymentId } });
    await decideSimulatedDispute(dispute.id, "lost");
    const day = addDays(ISSUED, 45);
    expect(await figures(day)).toMatchObject({ status: "OVERDUE", paidCents: 0, disputeLostCents: 20_000, balanceCents: 20_000, dueNowCents: 20_000, underDispute: false });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).remindersPausedAt).not.toBeNull();
    expect(await db.outboxEmail.count({ where: { template: "dispute-alert", businessId: business.id, subject: { startsWith: "Chargeback lost" } } })).toBe(1);
    await ledgerOk(business.id);

    await runReminders({ businessId: business.id, at: noon(day) });
    expect(await db.outboxEmail.count({ where: { customerId: customer.id, template: "reminder" } })).toBe(0);
    expect(await chaseAfterLostDispute(business.id, user.id, invoice.id)).toMatchObject({ ok: true });
    await runReminders({ businessId: business.id, at: noon(day) });
    const reminder = await db.outboxEmail.findFirstOrThrow({ where: { customerId: customer.id, template: "reminder" } });
    expect(reminder.text).toContain("$200.00");
    const profile = await loadPayerProfile(business, customer.id, day);
    expect(profile.paymentsReversed).toBe(1);
    expect(await listCustomerPayments(customer.id)).toMatchObject([{ id: paymentId, status: "SUCCEEDED", returned: false, chargedBack: true }]);
  });

  it("an inquiry withdraws nothing, shows as disputed, and closes without a chargeback", async () => {
    const { business, paymentId, figures } = await paid(15_000, { card: "4000000000001976" });
    await runSimulatorLater({ kind: "dispute", paymentId, reason: "fraudulent", status: "warning_needs_response" });
    expect(await figures()).toMatchObject({ status: "PAID", paidCents: 15_000, disputedCents: 0, underDispute: true });
    const dispute = await db.dispute.findFirstOrThrow({ where: { paymentId } });
    expect(dispute).toMatchObject({ inquiry: true, feeCents: 0 });
    await decideSimulatedDispute(dispute.id, "won");
    expect(await db.dispute.findUniqueOrThrow({ where: { id: dispute.id } })).toMatchObject({ status: "WON", gatewayStatus: "warning_closed" });
    expect(await figures()).toMatchObject({ status: "PAID", underDispute: false });
    await ledgerOk(business.id);
  });

  it("events repeated and out of order: a dispute before its payment's success waits for it; a close before the open is final", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id, { amountCents: 30_000, issueDate: ISSUED });
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const intentId = `pi_test_${paymentId.replace(/-/g, "")}`;
    await db.payment.update({ where: { id: paymentId }, data: { providerPaymentId: intentId } });
    const t = (s: number) => new Date(Date.UTC(2026, 10, 5, 12, 0, s));
    const dispute = (status: "needs_response" | "lost") =>
      disputeObject({ id: "dp_order", amount: 30_000, currency: "usd", paymentIntent: intentId, charge: "ch_order", status, reason: "fraudulent", created: t(10), evidenceDueBy: t(100), methodType: "card", feeCents: 1_500 });
    const intent = paymentIntentObject({ id: intentId, amount: payment.amountCents, currency: "usd", customer: null, status: "succeeded", methodType: "card", created: t(0), metadata: { paymentId } });

    const closed = eventObject({ id: "evt_closed", type: "charge.dispute.closed", object: dispute("lost"), created: t(30) });
    const opened = eventObject({ id: "evt_opened", type: "charge.dispute.created", object: dispute("needs_response"), created: t(10) });
    const succeeded = eventObject({ id: "evt_pi_ok", type: "payment_intent.succeeded", object: intent, created: t(1) });
    expect(await processPaymentEvent(closed, "stripe")).toBe("waiting");
    expect(await processPaymentEvent(closed, "stripe")).toBe("duplicate");
    expect(await db.dispute.count({ where: { paymentId } })).toBe(0);
    expect(await processPaymentEvent(succeeded, "stripe")).toBe("applied");
    // The waiting close was applied with the success: the dispute exists, final, lost.
    expect(await db.dispute.findFirstOrThrow({ where: { paymentId } })).toMatchObject({ status: "LOST" });
    expect(await processPaymentEvent(opened, "stripe")).toBe("unchanged");
    expect(await db.dispute.findFirstOrThrow({ where: { paymentId } })).toMatchObject({ status: "LOST" });
    expect(await db.webhookEvent.findUniqueOrThrow({ where: { id: "evt_closed" } })).toMatchObject({ waitingFor: null, processedAt: expect.any(Date) });
    const [i] = await listCustomerInvoices(customer.id, ISSUED);
    expect(i!.figures).toMatchObject({ paidCents: 0, disputeLostCents: 30_000, balanceCents: 30_000 });
    await ledgerOk(business.id);
  });
});

describe("a chargeback and a refund on one payment of two invoices", () => {
  it("a refund after a lost chargeback comes out of what each invoice still holds, and the ledger balances", async () => {
    const business = await createBusiness();
    const { user } = await createOwner(business.id);
    const customer = await createCustomer(business.id);
    const a = await createInvoice(business.id, customer.id, { amountCents: 6_000, issueDate: ISSUED, dueInDays: 30 });
    const b = await createInvoice(business.id, customer.id, { amountCents: 4_000, issueDate: ISSUED, dueInDays: 31 });
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [a.id, b.id], amountCents: null, method: "CARD" });
    expect(await confirmSimulatedPayment(customer.id, paymentId, CARD("4242424242424242"))).toBe("SUCCEEDED");
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const lost = disputeObject({ id: "dp_part", amount: 4_000, currency: "usd", paymentIntent: payment.providerPaymentId!, charge: "ch_part", status: "lost", reason: "duplicate", created: new Date(), evidenceDueBy: null, methodType: "card", feeCents: 1_500 });
    expect(await processPaymentEvent(eventObject({ id: "evt_part_lost", type: "charge.dispute.closed", object: lost, created: new Date() }), "stripe")).toBe("applied");
    expect(await requestRefund(business.id, { id: user.id, name: "Olive" }, paymentId, { amount: "60", reason: "Cancelled the work", effect: "REOPEN" })).toMatchObject({ ok: true });
    const byNumber = Object.fromEntries((await listCustomerInvoices(customer.id, ISSUED)).map((i) => [i.number, i.figures.balanceCents]));
    expect(byNumber).toEqual({ [a.number]: 6_000, [b.number]: 4_000 });
    expect(await requestRefund(business.id, { id: user.id, name: "Olive" }, paymentId, { amount: "0.01", reason: "More", effect: "REOPEN" })).toMatchObject({ ok: false });
    await ledgerOk(business.id);
  });

  it("an inquiry that becomes a chargeback alerts the owners again, with the new deadline", async () => {
    const { business, paymentId, figures } = await paid(15_000, { card: "4000000000001976" });
    await runSimulatorLater({ kind: "dispute", paymentId, reason: "fraudulent", status: "warning_needs_response" });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const dispute = await db.dispute.findFirstOrThrow({ where: { paymentId } });
    const escalated = disputeObject({ id: dispute.providerDisputeId, amount: 15_000, currency: "usd", paymentIntent: payment.providerPaymentId!, charge: "ch_x", status: "needs_response", reason: "fraudulent", created: dispute.openedAt, evidenceDueBy: new Date(Date.now() + 10 * 86_400_000), methodType: "card", feeCents: 1_500 });
    await processPaymentEvent(eventObject({ id: "evt_escalated", type: "charge.dispute.updated", object: escalated, created: new Date(Date.now() + 1_000) }), "stripe");
    expect(await figures()).toMatchObject({ status: "DISPUTED", disputedCents: 15_000 });
    const alerts = await db.outboxEmail.findMany({ where: { template: "dispute-alert", businessId: business.id }, orderBy: { createdAt: "asc" } });
    expect(alerts.map((m) => m.subject)).toEqual([expect.stringMatching(/^Inquiry on /), expect.stringMatching(/^Chargeback on .*: respond by /)]);
    await ledgerOk(business.id);
  });
});

describe("a bank debit returned after it succeeded", () => {
  it("reopens the invoice, withdraws nothing twice, tells the customer why and how to pay, and counts in the payer profile", async () => {
    const { business, customer, invoice, paymentId, figures } = await paid(40_000, { bank: "000444444440" });
    expect((await figures()).status).toBe("PAID");
    await runSimulatorLater({ kind: "bank-return", paymentId, code: "insufficient_funds", message: "The bank account had insufficient funds." });
    await runSimulatorLater({ kind: "bank-return", paymentId, code: "insufficient_funds", message: "The bank account had insufficient funds." });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(payment).toMatchObject({ status: "FAILED", failureCode: "insufficient_funds", receiptNumber: expect.stringMatching(/^R-/) });
    expect(payment.returnedAt).not.toBeNull();
    expect(await figures()).toMatchObject({ status: "OPEN", paidCents: 0, balanceCents: 40_000, dueNowCents: 40_000 });
    const emails = await db.outboxEmail.findMany({ where: { customerId: customer.id, template: "payment-returned" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe(`Your bank returned your payment of $400.00 to ${business.name}`);
    expect(emails[0]!.text).toContain("insufficient funds");
    expect(emails[0]!.text).toMatch(/\/portal\/access\//);
    expect(await db.activityEvent.count({ where: { invoiceId: invoice.id, type: "payment.returned" } })).toBe(1);
    expect((await loadPayerProfile(business, customer.id, ISSUED)).paymentsReversed).toBe(1);
    expect(await listCustomerPayments(customer.id)).toMatchObject([{ id: paymentId, status: "FAILED", returned: true, chargedBack: false }]);
    await ledgerOk(business.id);
  });

  it("a return whose event arrives before the payment's success waits for it, then applies", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id, { amountCents: 9_000, issueDate: ISSUED });
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "US_BANK_ACCOUNT" });
    // Processing here; its success's webhook is late.
    expect(await confirmSimulatedPayment(customer.id, paymentId, BANK("000123456789"))).toBe("PROCESSING");
    const figures = async () => (await listCustomerInvoices(customer.id, ISSUED))[0]!.figures;
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const returned = bankChargeObject({ id: "ch_early", amount: 9_000, currency: "usd", paymentIntent: payment.providerPaymentId!, status: "failed", created: new Date(), failureCode: "insufficient_funds", failureMessage: "The bank account had insufficient funds.", bankName: "STRIPE TEST BANK", last4: "6789" });
    expect(await processPaymentEvent(eventObject({ id: "evt_early_return", type: "charge.failed", object: returned, created: new Date(Date.now() + 3 * 86_400_000) }), "stripe")).toBe("waiting");
    const succeeded = paymentIntentObject({ id: payment.providerPaymentId!, amount: 9_000, currency: "usd", customer: null, status: "succeeded", methodType: "us_bank_account", created: payment.createdAt, metadata: { paymentId } });
    expect(await processPaymentEvent(eventObject({ id: "evt_late_success", type: "payment_intent.succeeded", object: succeeded, created: new Date(Date.now() + 86_400_000) }), "stripe")).toBe("applied");
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ status: "FAILED", failureCode: "insufficient_funds" });
    expect(await figures()).toMatchObject({ balanceCents: 9_000 });
    expect(await db.outboxEmail.count({ where: { customerId: customer.id, template: "payment-returned" } })).toBe(1);
    expect(await db.activityEvent.count({ where: { invoiceId: invoice.id, type: "payment.returned" } })).toBe(1);
    await ledgerOk(business.id);
  });

  it("also when the return comes as a newer payment_intent.payment_failed, and not when a failure is older than the success", async () => {
    const { business, paymentId, figures } = await paid(10_000, { bank: "000123456789" });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const failed = (created: Date, id: string) =>
      eventObject({
        id,
        type: "payment_intent.payment_failed",
        object: paymentIntentObject({
          id: payment.providerPaymentId!,
          amount: payment.amountCents,
          currency: "usd",
          customer: null,
          status: "requires_payment_method",
          methodType: "us_bank_account",
          created: payment.createdAt,
          metadata: { paymentId },
          lastPaymentError: { type: "invalid_request_error", code: "account_closed", message: "The bank account has been closed." } as never,
        }),
        created,
      });
    expect(await processPaymentEvent(failed(new Date(payment.lastEventAt!.getTime() - 60_000), "evt_old_fail"), "stripe")).toBe("unchanged");
    expect((await figures()).status).toBe("PAID");
    expect(await processPaymentEvent(failed(new Date(payment.lastEventAt!.getTime() + 3 * 86_400_000), "evt_return"), "stripe")).toBe("applied");
    expect(await figures()).toMatchObject({ status: "OPEN", balanceCents: 10_000 });
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).failureMessage).toBe("The bank account has been closed.");
    await ledgerOk(business.id);
  });

  it("a bank debit disputed by its account holder is a return: it cannot be contested", async () => {
    const { business, paymentId, figures } = await paid(12_000, { bank: "000123456789" });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const object = disputeObject({ id: "dp_bank", amount: 12_000, currency: "usd", paymentIntent: payment.providerPaymentId!, charge: "ch_bank", status: "lost", reason: "debit_not_authorized", created: new Date(), evidenceDueBy: null, methodType: "us_bank_account", feeCents: 0 });
    expect(await processPaymentEvent(eventObject({ id: "evt_bank_dispute", type: "charge.dispute.created", object, created: new Date() }), "stripe")).toBe("applied");
    expect(await figures()).toMatchObject({ status: "OPEN", balanceCents: 12_000, disputeLostCents: 0 });
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ status: "FAILED", failureCode: "debit_not_authorized" });
    expect(await db.outboxEmail.count({ where: { template: "dispute-alert", businessId: business.id, subject: { contains: "bank reversed" } } })).toBe(1);
    await ledgerOk(business.id);
  });
});
