import { afterEach, describe, expect, it } from "vitest";
import { fromDbDate, type CalendarDate } from "../../app/modules/dates/calendar";
import { listCustomerInvoices } from "../../app/modules/invoices/invoices.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { PaymentInputError, startPayment } from "../../app/modules/payments/checkout.server";
import { processPaymentEvent } from "../../app/modules/payments/events.server";
import { confirmSepaPayment, SepaInputError } from "../../app/modules/payments/sepa.server";
import { settleSimulatedSepaDebit } from "../../app/modules/payments/simulator.server";
import { runPlanCharges } from "../../app/modules/plans/charges.server";
import { PlanInputError, startPlan } from "../../app/modules/plans/plans.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice } from "../fixtures/factories";

const ACCEPTANCE = { ipAddress: "203.0.113.7", userAgent: "Mozilla/5.0 (integration test)" };
const SEPA = (iban: string) => ({ iban, holderName: "Jenny Rosen", email: "jenny@example.test" });

/** A business that bills in euros, a customer and one invoice of €500.00. */
async function euroWorld(amountCents = 50_000) {
  const business = await createBusiness({ currency: "EUR", timeZone: "Europe/Berlin" });
  const customer = await createCustomer(business.id, { name: "Jenny Rosen" });
  const invoice = await createInvoice(business.id, customer.id, { amountCents, currency: "EUR", issueDate: "2026-11-01" as CalendarDate, dueInDays: 30 });
  const day = fromDbDate(invoice.issueDate);
  const figures = async () => (await listCustomerInvoices(customer.id, day)).find((i) => i.id === invoice.id)!.figures;
  return { business, customer, invoice, figures };
}

const settleJobs = (paymentId: string) => db.$queryRaw<{ iban: string | null }[]>`select data->>'iban' as iban from pgboss.job where name = 'simulator-settle' and data->>'paymentId' = ${paymentId}`;

afterEach(async () => {
  setClockOffset(0);
  await stopBoss();
});

describe("SEPA Direct Debit in the simulator", () => {
  it("is processing first under a stored mandate, then paid when the debit settles", async () => {
    const { business, customer, invoice, figures } = await euroWorld();
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "SEPA_DEBIT" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ currency: "EUR", method: "SEPA_DEBIT", status: "PENDING" });

    expect(await confirmSepaPayment(customer.id, paymentId, SEPA("de89 3704 0044 0532 0130 00"), ACCEPTANCE)).toBe("PROCESSING");
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { sepaMandate: true } });
    expect(payment).toMatchObject({ status: "PROCESSING", methodDetails: "SEPA Direct Debit ···3000" });
    // The mandate as Stripe records it: its reference, the words accepted (naming the business), when and from where.
    expect(payment.sepaMandate).toMatchObject({
      type: "single_use",
      status: "active",
      holderName: "Jenny Rosen",
      holderEmail: "jenny@example.test",
      ibanCountry: "DE",
      ibanLast4: "3000",
      bankCode: "37040044",
      ipAddress: ACCEPTANCE.ipAddress,
      userAgent: ACCEPTANCE.userAgent,
      providerMandateId: `mandate_sim_${paymentId.replace(/-/g, "")}`,
    });
    expect(payment.sepaMandate?.reference).toMatch(/^[A-Z0-9]{16}$/);
    expect(payment.sepaMandate?.text).toContain(`you authorise (A) ${business.name} and Stripe`);
    // Never the whole IBAN, anywhere it is kept.
    expect(JSON.stringify(payment)).not.toContain("370400440532013000");
    expect(await figures()).toMatchObject({ status: "PROCESSING", paidCents: 0, processingCents: 50_000, dueNowCents: 0 });
    expect(await settleJobs(paymentId)).toEqual([{ iban: "DE89370400440532013000" }]);

    await settleSimulatedSepaDebit(paymentId, "DE89370400440532013000");
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ status: "SUCCEEDED", methodDetails: "SEPA Direct Debit ···3000" });
    expect(await figures()).toMatchObject({ status: "PAID", balanceCents: 0, paidCents: 50_000 });
    expect(await db.outboxEmail.count({ where: { dedupeKey: `receipt:${paymentId}` } })).toBe(1);
    const types = (await db.activityEvent.findMany({ where: { customerId: customer.id }, orderBy: { id: "asc" } })).map((a) => a.type);
    expect(types).toEqual(["payment.started", "payment.processing", "sepa.mandate_accepted", "payment.succeeded"]);

    // A second submit after the debit started changes nothing.
    expect(await confirmSepaPayment(customer.id, paymentId, SEPA("DE89370400440532013000"), ACCEPTANCE)).toBe("SUCCEEDED");
    expect(await db.sepaMandate.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("fails a debit on Stripe's failing IBAN: the invoice is open again, the customer told once, nothing applied twice", async () => {
    const { customer, invoice, figures } = await euroWorld();
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "SEPA_DEBIT" });
    expect(await confirmSepaPayment(customer.id, paymentId, SEPA("DE62370400440532013001"), ACCEPTANCE)).toBe("PROCESSING");
    await settleSimulatedSepaDebit(paymentId, "DE62370400440532013001");
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ status: "FAILED", failureCode: "insufficient_funds", failureMessage: "The bank account has insufficient funds." });
    const open = await figures();
    expect(open).toMatchObject({ balanceCents: 50_000, dueNowCents: 50_000, processingCents: 0, paidCents: 0 });
    expect(await db.outboxEmail.count({ where: { dedupeKey: `payment-failed:${paymentId}` } })).toBe(1);

    // The same event again (a retried job, a redelivered webhook) and a copy under a new id: no change, no second notice.
    await settleSimulatedSepaDebit(paymentId, "DE62370400440532013001");
    const stored = await db.webhookEvent.findUniqueOrThrow({ where: { id: `evt_sim_${paymentId}_failed` } });
    expect(await processPaymentEvent(stored.payload as never, "simulator")).toBe("duplicate");
    expect(await processPaymentEvent({ ...(stored.payload as object), id: `evt_copy_${paymentId}` } as never, "simulator")).toBe("unchanged");
    expect(await figures()).toEqual(open);
    expect(await db.outboxEmail.count({ where: { template: "payment-failed", customerId: customer.id } })).toBe(1);
    expect(await db.activityEvent.count({ where: { customerId: customer.id, type: "payment.failed" } })).toBe(1);
  });

  it("refuses an IBAN with a typo, and one that is not a test IBAN, keeping the payment open", async () => {
    const { customer, invoice } = await euroWorld();
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "SEPA_DEBIT" });
    await expect(confirmSepaPayment(customer.id, paymentId, SEPA("DE89370400440532013001"), ACCEPTANCE)).rejects.toThrow(/check digits do not match/);
    await expect(confirmSepaPayment(customer.id, paymentId, SEPA("DE44500105175407324931"), ACCEPTANCE)).rejects.toThrow(SepaInputError);
    expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("PENDING");
    expect(await settleJobs(paymentId)).toEqual([]);
    // The retry with a good IBAN uses the same one mandate, now with the right account.
    expect(await confirmSepaPayment(customer.id, paymentId, SEPA("AT611904300234573201"), ACCEPTANCE)).toBe("PROCESSING");
    expect(await db.sepaMandate.findMany({ where: { customerId: customer.id }, select: { ibanCountry: true, ibanLast4: true } })).toEqual([{ ibanCountry: "AT", ibanLast4: "3201" }]);
  });

  it("offers SEPA only for euros and ACH only for dollars, saying so", async () => {
    const { customer, invoice } = await euroWorld();
    await expect(startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "US_BANK_ACCOUNT" })).rejects.toThrow(
      "Bank debit (ACH) takes US dollars only, and this is in EUR: pay by card or SEPA Direct Debit.",
    );
    const usd = await createBusiness();
    const payer = await createCustomer(usd.id);
    const dollars = await createInvoice(usd.id, payer.id, { amountCents: 10_000 });
    await expect(startPayment({ customerId: payer.id, invoiceIds: [dollars.id], amountCents: null, method: "SEPA_DEBIT" })).rejects.toThrow(PaymentInputError);
    await expect(startPayment({ customerId: payer.id, invoiceIds: [dollars.id], amountCents: null, method: "SEPA_DEBIT" })).rejects.toThrow("SEPA Direct Debit takes euros only");
    await expect(startPlan({ customerId: payer.id, invoiceIds: [dollars.id], count: 2, frequency: "WEEKLY", method: "SEPA_DEBIT" })).rejects.toThrow(PlanInputError);
    // A euro invoice of a dollar business (a customer billed in euros): the invoice's currency decides.
    const euros = await createInvoice(usd.id, payer.id, { amountCents: 20_000, currency: "EUR" });
    const { paymentId } = await startPayment({ customerId: payer.id, invoiceIds: [euros.id], amountCents: null, method: "SEPA_DEBIT" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ currency: "EUR", method: "SEPA_DEBIT" });
    expect(await db.payment.count({ where: { customerId: payer.id } })).toBe(1);
  });

  it("runs a plan in euros by SEPA: instalment 1 under a multi-use mandate, instalment 2 debited from the saved account", async () => {
    const { customer, invoice } = await euroWorld(30_000);
    setClockOffset(new Date("2026-12-01T11:00:00Z").getTime() - Date.now());
    const { planId, paymentId } = await startPlan({ customerId: customer.id, invoiceIds: [invoice.id], count: 2, frequency: "WEEKLY", method: "SEPA_DEBIT" });
    expect(await confirmSepaPayment(customer.id, paymentId, SEPA("DE89370400440532013000"), ACCEPTANCE)).toBe("PROCESSING");
    const first = await db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { sepaMandate: true } });
    expect(first.sepaMandate?.type).toBe("multi_use");
    let plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, include: { paymentMethod: true, instalments: { orderBy: { sequence: "asc" } } } });
    expect(plan.status).toBe("ACTIVE");
    expect(plan.paymentMethod).toMatchObject({ type: "SEPA_DEBIT", last4: "3000", providerPaymentMethodId: "pm_sim_sepa_DE89370400440532013000", sepaMandateId: first.sepaMandateId });
    await settleSimulatedSepaDebit(paymentId, "DE89370400440532013000");

    setClockOffset(new Date("2026-12-08T11:00:00Z").getTime() - Date.now());
    expect(await runPlanCharges()).toMatchObject({ charges: 1 });
    plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, include: { paymentMethod: true, instalments: { orderBy: { sequence: "asc" } } } });
    const second = await db.payment.findFirstOrThrow({ where: { instalmentId: plan.instalments[1]!.id } });
    expect(second).toMatchObject({ status: "PROCESSING", method: "SEPA_DEBIT", offSession: true, currency: "EUR", sepaMandateId: first.sepaMandateId, methodDetails: "SEPA Direct Debit ···3000" });
    expect(await runPlanCharges()).toMatchObject({ charges: 0 });
    await settleSimulatedSepaDebit(second.id, "DE89370400440532013000");
    expect((await db.plan.findUniqueOrThrow({ where: { id: planId } })).status).toBe("COMPLETED");
  });
});
