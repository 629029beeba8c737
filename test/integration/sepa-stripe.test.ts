import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CalendarDate } from "../../app/modules/dates/calendar";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { startPayment } from "../../app/modules/payments/checkout.server";
import { processPaymentEvent } from "../../app/modules/payments/events.server";
import { confirmSepaPayment, SepaInputError } from "../../app/modules/payments/sepa.server";
import { eventObject } from "../../app/modules/payments/stripe-objects";
import { db } from "../../app/utils/db.server";
import { resetEnvCache } from "../../app/utils/env.server";
import { createBusiness, createCustomer, createInvoice } from "../fixtures/factories";
import { startFakeStripe } from "../support/fake-stripe";

let fake: Awaited<ReturnType<typeof startFakeStripe>>;

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
  await stopBoss();
  await fake.close();
});

describe("SEPA Direct Debit through the Stripe gateway (the real SDK against a local stand-in)", () => {
  it("creates a sepa_debit intent, confirms it with the IBAN and mandate_data, and keeps Stripe's mandate and reference", async () => {
    const business = await createBusiness({ currency: "EUR" });
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id, { amountCents: 25_000, currency: "EUR", issueDate: "2026-11-01" as CalendarDate });
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "SEPA_DEBIT" });
    const created = fake.requests.find((r) => r.path === "/v1/payment_intents" && r.form["metadata[paymentId]"] === paymentId);
    expect(created?.form).toMatchObject({ currency: "eur", "allowed_payment_method_types[0]": "sepa_debit", amount: "25000" });

    // Our own check comes first: a typo never reaches Stripe.
    await expect(confirmSepaPayment(customer.id, paymentId, { iban: "DE89370400440532013001", holderName: "Jenny Rosen", email: "jenny@example.test" }, { ipAddress: "198.51.100.4", userAgent: "UA" })).rejects.toThrow(SepaInputError);
    expect(fake.requests.filter((r) => r.path === "/v1/payment_methods")).toHaveLength(0);

    expect(await confirmSepaPayment(customer.id, paymentId, { iban: "DE89 3704 0044 0532 0130 00", holderName: "Jenny Rosen", email: "jenny@example.test" }, { ipAddress: "198.51.100.4", userAgent: "Mozilla/5.0" })).toBe("PENDING");
    const method = fake.requests.find((r) => r.path === "/v1/payment_methods");
    expect(method?.form).toMatchObject({ type: "sepa_debit", "sepa_debit[iban]": "DE89370400440532013000", "billing_details[name]": "Jenny Rosen", "billing_details[email]": "jenny@example.test" });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { sepaMandate: true } });
    const confirm = fake.requests.find((r) => r.path === `/v1/payment_intents/${payment.providerPaymentId}/confirm`);
    expect(confirm?.form).toMatchObject({
      "mandate_data[customer_acceptance][type]": "online",
      "mandate_data[customer_acceptance][online][ip_address]": "198.51.100.4",
      "mandate_data[customer_acceptance][online][user_agent]": "Mozilla/5.0",
      "mandate_data[customer_acceptance][accepted_at]": String(Math.floor(payment.sepaMandate!.acceptedAt.getTime() / 1000)),
    });
    const stripeMandate = [...fake.mandates.values()][0]!;
    expect(payment.sepaMandate).toMatchObject({ providerMandateId: stripeMandate.id, reference: stripeMandate.payment_method_details.sepa_debit!.reference, ibanLast4: "3000", type: "single_use" });

    // The webhook is the source of truth: Stripe's processing event moves the payment on.
    const intent = { ...fake.intents.get(payment.providerPaymentId!)!, payment_method: null };
    expect(await processPaymentEvent(eventObject({ type: "payment_intent.processing", object: intent, created: new Date() }), "stripe")).toBe("applied");
    // Stripe's event names the payment method by id only: the account shown is the one the customer entered.
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ status: "PROCESSING", methodDetails: "SEPA Direct Debit ···3000" });
  });
});
