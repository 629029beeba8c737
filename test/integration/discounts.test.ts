import { afterEach, describe, expect, it } from "vitest";
import { fromDbDate, type CalendarDate } from "../../app/modules/dates/calendar";
import { listCustomerInvoices, listCustomerInvoicesWithOffers } from "../../app/modules/invoices/invoices.server";
import { earlyPayOffers } from "../../app/modules/discounts/offers.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { PaymentInputError, startPayment } from "../../app/modules/payments/checkout.server";
import { confirmSimulatedPayment, settleSimulatedBankDebit } from "../../app/modules/payments/simulator.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { setInvoiceDiscountTerms } from "../../app/modules/discounts/policy.server";
import { emailInvoice } from "../../app/modules/portal-access/send-link.server";
import { DEFAULT_TIERS } from "../../app/modules/reminders/default-tiers";
import { runReminders } from "../../app/modules/reminders/engine.server";
import { createBusiness, createCustomer, createInvoice, createOwner } from "../fixtures/factories";

const CARD = { method: "CARD" as const, card: { number: "4242424242424242", expMonth: 12, expYear: 2035, cvc: "123" } };
const noon = (day: string) => new Date(`${day}T17:00:00Z`);

async function setup() {
  const business = await createBusiness();
  await db.discountPolicy.create({ data: { businessId: business.id, enabled: true, kind: "PERCENT", percentBps: 200, windowDays: 10 } });
  const customer = await createCustomer(business.id);
  const invoice = await createInvoice(business.id, customer.id, { amountCents: 100_000, issueDate: "2026-11-21" as CalendarDate, dueInDays: 30 });
  const figures = async () => (await listCustomerInvoices(customer.id, fromDbDate(invoice.dueDate))).find((i) => i.id === invoice.id)!.figures;
  return { business, customer, invoice, figures };
}

afterEach(async () => {
  await setClockOffset(0);
  await stopBoss();
});

describe("early-pay discounts", () => {
  it("are announced in the invoice email and in reminders, with the last day", async () => {
    const { business, customer, invoice } = await setup();
    const { user } = await createOwner(business.id);
    await db.reminderTier.createMany({ data: DEFAULT_TIERS.map((t) => ({ ...t, businessId: business.id })) });
    await setClockOffset(noon("2026-11-25").getTime() - Date.now());
    await emailInvoice(business.id, invoice.id, user.id);
    const sent = await db.outboxEmail.findFirstOrThrow({ where: { customerId: customer.id, template: "invoice-sent" } });
    expect(sent.text).toContain("Pay $980.00 by December 1, 2026 and save $20.00.");
    await db.invoice.update({ where: { id: invoice.id }, data: { dueDate: new Date("2026-11-27T00:00:00Z") } });
    await runReminders({ businessId: business.id, at: noon("2026-11-25") });
    const courtesy = await db.outboxEmail.findFirstOrThrow({ where: { customerId: customer.id, template: "reminder" } });
    expect(courtesy.text).toContain("Pay $980.00 by December 1, 2026 and save $20.00");
  });

  it("follow the owner's terms for one invoice: none, or their own", async () => {
    const { business, customer, invoice } = await setup();
    const { user } = await createOwner(business.id);
    await setClockOffset(noon("2026-11-25").getTime() - Date.now());
    await setInvoiceDiscountTerms(business.id, user.id, { invoiceId: invoice.id, mode: "NONE", percentBps: null, windowDays: null });
    const none = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    expect((await db.payment.findUniqueOrThrow({ where: { id: none.paymentId } })).amountCents).toBe(100_000);
    await setInvoiceDiscountTerms(business.id, user.id, { invoiceId: invoice.id, mode: "CUSTOM", percentBps: 500, windowDays: 3 });
    await setClockOffset(noon("2026-11-24").getTime() - Date.now());
    const custom = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    expect((await db.payment.findUniqueOrThrow({ where: { id: custom.paymentId } })).amountCents).toBe(95_000);
  });

  it("are the same offers on the portal home (read with the list) as earlyPayOffers gives: inherited, none, own terms, granted, no policy", async () => {
    const { business, customer, invoice } = await setup();
    const { user } = await createOwner(business.id);
    const none = await createInvoice(business.id, customer.id, { amountCents: 40_000, issueDate: "2026-11-21" as CalendarDate, dueInDays: 30 });
    const own = await createInvoice(business.id, customer.id, { amountCents: 33_333, issueDate: "2026-11-22" as CalendarDate, dueInDays: 30 });
    const old = await createInvoice(business.id, customer.id, { amountCents: 20_000, issueDate: "2026-11-01" as CalendarDate, dueInDays: 30 });
    const paid = await createInvoice(business.id, customer.id, { amountCents: 10_000, issueDate: "2026-11-21" as CalendarDate, dueInDays: 30 });
    await setInvoiceDiscountTerms(business.id, user.id, { invoiceId: none.id, mode: "NONE", percentBps: null, windowDays: null });
    await setInvoiceDiscountTerms(business.id, user.id, { invoiceId: own.id, mode: "CUSTOM", percentBps: 500, windowDays: 3 });
    await setClockOffset(noon("2026-11-24").getTime() - Date.now());
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [paid.id], amountCents: null, method: "CARD" });
    await confirmSimulatedPayment(customer.id, paymentId, CARD);
    const day = "2026-11-24" as CalendarDate;
    const both = async (businessId: string) => {
      const home = await listCustomerInvoicesWithOffers(customer.id, day);
      const separate = await earlyPayOffers(businessId, home.invoices.map((i) => ({ id: i.id, dueNowCents: i.figures.dueNowCents })), day);
      return { home: home.offers, separate };
    };
    const withPolicy = await both(business.id);
    expect(withPolicy.home).toEqual(withPolicy.separate);
    expect(withPolicy.home).toEqual({
      [invoice.id]: { deadline: "2026-12-01", discountCents: 2_000, payCents: 98_000, achOnly: false },
      [none.id]: null,
      [own.id]: { deadline: "2026-11-25", discountCents: 1_666, payCents: 31_667, achOnly: false },
      [old.id]: null,
      [paid.id]: null,
    });
    await db.discountPolicy.delete({ where: { businessId: business.id } });
    const withoutPolicy = await both(business.id);
    expect(withoutPolicy.home).toEqual(withoutPolicy.separate);
    expect(Object.entries(withoutPolicy.home).filter(([, offer]) => offer !== null).map(([id]) => id)).toEqual([own.id]);
  });

  it("grants the discount with a payment in time, in the same transaction, counted once it is paid", async () => {
    const { customer, invoice, figures } = await setup();
    await setClockOffset(noon("2026-12-01").getTime() - Date.now()); // the 10th day after the invoice date: the last day counts
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ amountCents: 98_000 });
    expect(await db.discount.findMany({ where: { invoiceId: invoice.id } })).toMatchObject([{ paymentId, amountCents: 2_000, status: "GRANTED" }]);
    expect(await figures()).toMatchObject({ balanceCents: 100_000, discountCents: 0 });
    await confirmSimulatedPayment(customer.id, paymentId, CARD);
    expect(await figures()).toMatchObject({ status: "PAID", balanceCents: 0, paidCents: 98_000, discountCents: 2_000 });
  });

  it("gives nothing a day late, and nothing with a part payment", async () => {
    const { customer, invoice } = await setup();
    await setClockOffset(noon("2026-12-02").getTime() - Date.now());
    const late = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    expect((await db.payment.findUniqueOrThrow({ where: { id: late.paymentId } })).amountCents).toBe(100_000);
    await setClockOffset(noon("2026-11-25").getTime() - Date.now());
    const part = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: 50_000, method: "CARD" });
    expect((await db.payment.findUniqueOrThrow({ where: { id: part.paymentId } })).amountCents).toBe(50_000);
    expect(await db.discount.count({ where: { invoiceId: invoice.id, status: "GRANTED" } })).toBe(0);
  });

  it("lets exactly one of 50 concurrent claims hold the discount", async () => {
    const { customer, invoice } = await setup();
    await setClockOffset(noon("2026-11-25").getTime() - Date.now());
    const results = await Promise.allSettled(Array.from({ length: 50 }, () => startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" })));
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(PaymentInputError);
    expect(await db.discount.count({ where: { invoiceId: invoice.id, status: "GRANTED" } })).toBe(1);
    expect(await db.payment.count({ where: { customerId: customer.id, status: "PENDING" } })).toBe(1);
    const pending = await db.payment.findFirstOrThrow({ where: { customerId: customer.id, status: "PENDING" } });
    expect(await confirmSimulatedPayment(customer.id, pending.id, CARD)).toBe("SUCCEEDED");
    expect(await db.discount.count({ where: { invoiceId: invoice.id, status: "GRANTED", paymentId: pending.id } })).toBe(1);
  });

  it("withdraws the discount when its bank payment fails, and tells the customer", async () => {
    const { customer, invoice, figures } = await setup();
    await setClockOffset(noon("2026-11-25").getTime() - Date.now());
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "US_BANK_ACCOUNT" });
    await confirmSimulatedPayment(customer.id, paymentId, { method: "US_BANK_ACCOUNT", bank: { holderName: "Ada", routingNumber: "110000000", accountNumber: "000111111113" } });
    expect(await figures()).toMatchObject({ status: "PROCESSING", discountCents: 2_000 });
    await settleSimulatedBankDebit(paymentId, "000111111113");
    expect(await db.discount.findFirstOrThrow({ where: { invoiceId: invoice.id } })).toMatchObject({ status: "WITHDRAWN" });
    expect(await figures()).toMatchObject({ balanceCents: 100_000, discountCents: 0, dueNowCents: 100_000 });
    const email = await db.outboxEmail.findUniqueOrThrow({ where: { dedupeKey: `payment-failed:${paymentId}` } });
    expect(email.text).toContain("The early-payment discount of $20.00 that came with this payment no longer applies.");
  });

  it("refuses to confirm a discounted payment after the discount's last day", async () => {
    const { customer, invoice } = await setup();
    await setClockOffset(noon("2026-12-01").getTime() - Date.now());
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    await setClockOffset(noon("2026-12-02").getTime() - Date.now());
    await expect(confirmSimulatedPayment(customer.id, paymentId, CARD)).rejects.toThrow("The early-payment discount ended on December 1, 2026.");
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("CANCELED");
    expect(await db.discount.count({ where: { invoiceId: invoice.id, status: "GRANTED" } })).toBe(0);
  });
});
