import { describe, expect, it } from "vitest";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice, recordPayment } from "../fixtures/factories";

describe("guarantees kept by the database itself", () => {
  it("keeps the activity log append-only: updates and deletes are refused", async () => {
    const business = await createBusiness();
    const event = await db.activityEvent.create({ data: { businessId: business.id, actor: "SYSTEM", type: "test.event", summary: "kept forever" } });
    await expect(db.activityEvent.update({ where: { id: event.id }, data: { summary: "rewritten" } })).rejects.toThrow(/append-only/);
    await expect(db.activityEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect((await db.activityEvent.findUniqueOrThrow({ where: { id: event.id } })).summary).toBe("kept forever");
  });

  it("grants at most one early-pay discount per invoice, but allows a new one after a withdrawal", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id);
    const p1 = await recordPayment(business.id, customer.id, invoice.id, 9_800);
    const p2 = await recordPayment(business.id, customer.id, invoice.id, 9_800, "FAILED");
    const first = await db.discount.create({ data: { invoiceId: invoice.id, paymentId: p1.id, amountCents: 200 } });
    await expect(db.discount.create({ data: { invoiceId: invoice.id, paymentId: p2.id, amountCents: 200 } })).rejects.toThrow();
    await db.discount.update({ where: { id: first.id }, data: { status: "WITHDRAWN" } });
    await expect(db.discount.create({ data: { invoiceId: invoice.id, paymentId: p2.id, amountCents: 200 } })).resolves.toBeTruthy();
  });

  it("refuses an invoice line whose amount is not exactly quantity times unit price", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id);
    await expect(
      db.invoiceLine.create({ data: { invoiceId: invoice.id, position: 2, description: "Hours", quantityMilli: 1500, unitAmountCents: 1001, amountCents: 1501 } }),
    ).rejects.toThrow();
    await expect(
      db.invoiceLine.create({ data: { invoiceId: invoice.id, position: 2, description: "Hours", quantityMilli: 1500, unitAmountCents: 1000, amountCents: 1500 } }),
    ).resolves.toBeTruthy();
  });

  it("refuses non-positive money and a reminder gap under three days", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id);
    await expect(recordPayment(business.id, customer.id, invoice.id, 0)).rejects.toThrow();
    await expect(db.business.update({ where: { id: business.id }, data: { reminderMinGapDays: 2 } })).rejects.toThrow();
  });

  it("remembers each (invoice, tier) reminder once", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id);
    const tier = await db.reminderTier.create({
      data: { businessId: business.id, position: 1, kind: "GENTLE", name: "Gentle", offsetDays: 3, subject: "s", body: "b" },
    });
    const r1 = await db.reminder.create({ data: { businessId: business.id, customerId: customer.id } });
    const r2 = await db.reminder.create({ data: { businessId: business.id, customerId: customer.id } });
    await db.reminderItem.create({ data: { reminderId: r1.id, invoiceId: invoice.id, tierId: tier.id } });
    await expect(db.reminderItem.create({ data: { reminderId: r2.id, invoiceId: invoice.id, tierId: tier.id } })).rejects.toThrow();
  });
});
