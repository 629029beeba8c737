import { afterEach, describe, expect, it } from "vitest";
import { addDays, fromDbDate, type CalendarDate } from "../../app/modules/dates/calendar";
import { listCustomerInvoices } from "../../app/modules/invoices/invoices.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { PaymentInputError, startPayment } from "../../app/modules/payments/checkout.server";
import { confirmSimulatedPayment } from "../../app/modules/payments/simulator.server";
import { runReminders } from "../../app/modules/reminders/engine.server";
import { proposeSettlement } from "../../app/modules/settlements/settlements.server";
import { processPaymentEvent } from "../../app/modules/payments/events.server";
import { disputeObject, eventObject } from "../../app/modules/payments/stripe-objects";
import { verifyLedger } from "../../app/modules/ledger/ledger.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice, createOwner, recordPayment } from "../fixtures/factories";

const CARD = { method: "CARD" as const, card: { number: "4242424242424242", expMonth: 12, expYear: 2035, cvc: "123" } };
const noon = (day: string) => new Date(`${day}T17:00:00Z`);

async function setup() {
  const business = await createBusiness();
  const { user } = await createOwner(business.id);
  const customer = await createCustomer(business.id);
  const invoice = await createInvoice(business.id, customer.id, { amountCents: 800_000, issueDate: addDays("2026-08-01" as CalendarDate, -30), dueInDays: 30 });
  await recordPayment(business.id, customer.id, invoice.id, 100_000);
  await setClockOffset(noon("2026-11-22").getTime() - Date.now());
  const figures = async () => (await listCustomerInvoices(customer.id, fromDbDate(invoice.dueDate))).find((i) => i.id === invoice.id)!.figures;
  return { business, owner: user, customer, invoice, figures };
}

afterEach(async () => {
  await setClockOffset(0);
  await stopBoss();
});

describe("settlement offers", () => {
  it("settles for less when the customer pays the offer: the rest is written off, with who approved it", async () => {
    const { business, owner, customer, invoice, figures } = await setup();
    const offer = await proposeSettlement(business.id, owner.id, invoice.id, "5000", "2026-12-15");
    const email = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `settlement:${offer.id}` } });
    expect(email.subject).toBe(`An offer to settle ${invoice.number} for $5,000.00`);
    expect(email.text).toMatch(/\/portal\/access\//);
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD", settlementOfferId: offer.id });
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).amountCents).toBe(500_000);
    expect(await figures()).toMatchObject({ balanceCents: 700_000 });
    await confirmSimulatedPayment(customer.id, paymentId, CARD);
    expect(await figures()).toMatchObject({ status: "PAID", balanceCents: 0, paidCents: 600_000, writtenOffCents: 200_000 });
    expect(await db.settlementOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ status: "ACCEPTED", paymentId });
    expect(await db.invoiceAdjustment.findFirstOrThrow({ where: { invoiceId: invoice.id } })).toMatchObject({ kind: "WRITE_OFF", amountCents: 200_000, approvedById: owner.id, settlementOfferId: offer.id });
    const log = await db.activityEvent.findFirstOrThrow({ where: { invoiceId: invoice.id, type: "settlement.accepted" } });
    expect(log.summary).toBe("Settlement accepted: $5,000.00 paid, $2,000.00 written off (approved by Test Owner)");
  });

  it("is undone when the payment that settled it is charged back and lost: the whole balance is owed again", async () => {
    const { business, owner, customer, invoice, figures } = await setup();
    const offer = await proposeSettlement(business.id, owner.id, invoice.id, "5000", "2026-12-15");
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD", settlementOfferId: offer.id });
    await confirmSimulatedPayment(customer.id, paymentId, CARD);
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    const lost = disputeObject({ id: "dp_settled", amount: 500_000, currency: "usd", paymentIntent: payment.providerPaymentId!, charge: "ch_settled", status: "lost", reason: "fraudulent", created: new Date(), evidenceDueBy: null, methodType: "card", feeCents: 1_500 });
    expect(await processPaymentEvent(eventObject({ id: "evt_settled_lost", type: "charge.dispute.closed", object: lost, created: new Date() }), "stripe")).toBe("applied");
    expect(await figures()).toMatchObject({ balanceCents: 700_000, writtenOffCents: 0, disputeLostCents: 500_000 });
    expect(await db.settlementOffer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ status: "WITHDRAWN" });
    expect(await db.activityEvent.count({ where: { invoiceId: invoice.id, type: "settlement.undone" } })).toBe(1);
    expect((await verifyLedger(business.id)).problems).toEqual([]);
  });

  it("refuses offers that are not for less, not overdue, or in the past, with a clear error", async () => {
    const { business, owner, customer, invoice } = await setup();
    await expect(proposeSettlement(business.id, owner.id, invoice.id, "7000", "2026-12-15")).rejects.toThrow("A settlement is for less than what is owed");
    await expect(proposeSettlement(business.id, owner.id, invoice.id, "50.001", "2026-12-15")).rejects.toThrow(/more than 2 decimals/);
    await expect(proposeSettlement(business.id, owner.id, invoice.id, "5000", "2026-11-01")).rejects.toThrow("The last day cannot be in the past.");
    const fresh = await createInvoice(business.id, customer.id, { amountCents: 10_000, issueDate: "2026-11-20" as CalendarDate });
    await expect(proposeSettlement(business.id, owner.id, fresh.id, "50", "2026-12-15")).rejects.toThrow("Settlement offers are for overdue invoices.");
    expect(await db.settlementOffer.count({ where: { businessId: business.id } })).toBe(0);
  });

  it("expires at its last day: after it the offer cannot be used", async () => {
    const { business, owner, customer, invoice } = await setup();
    const offer = await proposeSettlement(business.id, owner.id, invoice.id, "5000", "2026-11-25");
    await setClockOffset(noon("2026-11-26").getTime() - Date.now());
    await expect(startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD", settlementOfferId: offer.id })).rejects.toThrow(PaymentInputError);
    await runReminders({ businessId: business.id, at: noon("2026-11-26") });
    expect((await db.settlementOffer.findUniqueOrThrow({ where: { id: offer.id } })).status).toBe("EXPIRED");
  });
});
