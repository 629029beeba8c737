// Issue 19, currencies (first part): a business bills in its own currency, in that currency's own exponent. A yen
// business's policies, invoices, payments and receipts have no decimals and never round; bank debit (ACH) is
// refused outside US dollars, and offered nowhere else.
import { afterEach, describe, expect, it } from "vitest";
import { discountPolicyForm } from "../../app/modules/discounts/policy.server";
import { lateFeeForm } from "../../app/modules/fees/policy.server";
import { listCustomerInvoices } from "../../app/modules/invoices/invoices.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { PaymentInputError, startPayment } from "../../app/modules/payments/checkout.server";
import { confirmSimulatedPayment } from "../../app/modules/payments/simulator.server";
import { planPolicyForm } from "../../app/modules/plans/policy.server";
import { PlanInputError, startPlan } from "../../app/modules/plans/plans.server";
import { db } from "../../app/utils/db.server";
import { fieldErrorsOf } from "../../app/utils/forms";
import { createBusiness, createCustomer, createInvoice } from "../fixtures/factories";

afterEach(async () => {
  await stopBoss();
});

async function yenBusiness() {
  const business = await db.business.update({ where: { id: (await createBusiness()).id }, data: { currency: "JPY" } });
  const customer = await createCustomer(business.id, { name: "Sato Hanako" });
  const invoice = await db.invoice.update({ where: { id: (await createInvoice(business.id, customer.id, { amountCents: 120_000 })).id }, data: { currency: "JPY" } });
  return { business, customer, invoice };
}

describe("a business that bills in yen", () => {
  it("reads its policies in whole yen, and refuses decimals instead of rounding them", () => {
    expect(discountPolicyForm("JPY").parse({ enabled: "on", kind: "FIXED", amount: "500", windowDays: "10" })).toMatchObject({ amountCents: 500 });
    expect(fieldErrorsOf(discountPolicyForm("JPY").safeParse({ kind: "FIXED", amount: "5.5", windowDays: "10" }).error!.issues).amount).toEqual(['JPY amounts have no decimals: "5.5"']);
    expect(lateFeeForm("JPY").parse({ enabled: "on", graceDays: "5", capAmount: "3000", capPercent: "" })).toMatchObject({ capCents: 3_000 });
    const plans = planPolicyForm("JPY").safeParse({ minBalance: "10000", minInstalments: "2", maxInstalments: "6", frequencies: ["MONTHLY"], maxDurationDays: "365", minFirstPercent: "", minFirstAmount: "", fee: "1500.5", brokenPlanLockoutMonths: "6", retryAfterDays: "3", maxRetries: "2", noticeDaysBefore: "3" });
    expect(fieldErrorsOf(plans.error!.issues).fee).toEqual(['Plan fee: JPY amounts have no decimals: "1500.5"']);
    // The same typed value in dollars is cents: each currency's own exponent.
    expect(discountPolicyForm("USD").parse({ kind: "FIXED", amount: "500", windowDays: "10" })).toMatchObject({ amountCents: 50_000 });
  });

  it("takes a card payment of ¥120,000, and its receipt says ¥120,000", async () => {
    const { customer, invoice } = await yenBusiness();
    const { paymentId } = await startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "CARD" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).toMatchObject({ currency: "JPY", amountCents: 120_000 });
    expect(await confirmSimulatedPayment(customer.id, paymentId, { method: "CARD", card: { number: "4242424242424242", expMonth: 12, expYear: 2035, cvc: "123" } })).toBe("SUCCEEDED");
    const [figures] = await listCustomerInvoices(customer.id, "2026-11-05" as never);
    expect(figures!.figures).toMatchObject({ status: "PAID", paidCents: 120_000 });
    const receipt = await db.outboxEmail.findFirstOrThrow({ where: { customerId: customer.id, template: "receipt" } });
    expect(receipt.text).toContain("¥120,000");
    expect(receipt.text).not.toMatch(/¥120,000\.\d/);
  });

  it("refuses bank debit (ACH) for a payment or a plan, saying to pay by card; nothing is saved", async () => {
    const { customer, invoice } = await yenBusiness();
    await expect(startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "US_BANK_ACCOUNT" })).rejects.toThrow(PaymentInputError);
    await expect(startPayment({ customerId: customer.id, invoiceIds: [invoice.id], amountCents: null, method: "US_BANK_ACCOUNT" })).rejects.toThrow("Bank debit (ACH) takes US dollars only, and this is in JPY: pay by card.");
    await expect(startPlan({ customerId: customer.id, invoiceIds: [invoice.id], count: 3, frequency: "MONTHLY", method: "US_BANK_ACCOUNT" })).rejects.toThrow(PlanInputError);
    expect(await db.payment.count({ where: { customerId: customer.id } })).toBe(0);
    expect(await db.plan.count({ where: { customerId: customer.id } })).toBe(0);
  });
});
