import { afterEach, describe, expect, it } from "vitest";
import type { CalendarDate } from "../../app/modules/dates/calendar";
import { loadDashboard } from "../../app/modules/dashboard/dashboard.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { DEFAULT_TIERS } from "../../app/modules/reminders/default-tiers";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice } from "../fixtures/factories";

afterEach(async () => {
  await stopBoss();
});

async function paid(businessId: string, customerId: string, invoiceId: string, amountCents: number, at: string, attribution: string | null = null) {
  return db.payment.create({
    data: { businessId, customerId, currency: "USD", amountCents, method: "CARD", status: "SUCCEEDED", gateway: "simulator", idempotencyKey: `k-${invoiceId}-${at}`, succeededAt: new Date(at), attribution, allocations: { create: { invoiceId, amountCents } } },
  });
}

describe("the money dashboard from the database", () => {
  it("computes the figures and names what led to each payment: a promise, the last reminder before it, or nothing", async () => {
    const business = await createBusiness();
    const tiers = await Promise.all(DEFAULT_TIERS.map((t) => db.reminderTier.create({ data: { ...t, businessId: business.id } })));
    const gentle = tiers.find((t) => t.kind === "GENTLE")!;
    const firm = tiers.find((t) => t.kind === "FIRM")!;
    const customer = await createCustomer(business.id);
    const a = await createInvoice(business.id, customer.id, { amountCents: 40_000, issueDate: "2026-10-01" as CalendarDate, dueInDays: 30 });
    const b = await createInvoice(business.id, customer.id, { amountCents: 60_000, issueDate: "2026-10-05" as CalendarDate, dueInDays: 30 });
    const c = await createInvoice(business.id, customer.id, { amountCents: 10_000, issueDate: "2026-11-02" as CalendarDate, dueInDays: 30 });

    // Invoice a: a gentle reminder on 3 Nov, a firm one on 10 Nov, paid on 12 Nov → "After the firm reminder".
    for (const [tier, at] of [[gentle, "2026-11-03T15:00:00Z"], [firm, "2026-11-10T15:00:00Z"]] as const) {
      await db.reminder.create({ data: { businessId: business.id, customerId: customer.id, createdAt: new Date(at), items: { create: { invoiceId: a.id, tierId: tier.id } } } });
    }
    await paid(business.id, customer.id, a.id, 40_000, "2026-11-12T16:00:00Z");
    // Invoice b: a promise made on 6 Nov, half paid on 9 Nov while it was open.
    await db.promiseToPay.create({ data: { customerId: customer.id, promisedFor: new Date("2026-11-09"), amountCents: 30_000, createdAt: new Date("2026-11-06T12:00:00Z"), invoices: { create: { invoiceId: b.id } } } });
    await paid(business.id, customer.id, b.id, 30_000, "2026-11-09T12:00:00Z");
    // Invoice c: part paid on 15 November with no reminder, promise or offer before it.
    await paid(business.id, customer.id, c.id, 4_000, "2026-11-15T12:00:00Z");

    const f = (await loadDashboard(business.id, business.currency, business.timeZone, "2026-11-20" as CalendarDate))[0]!.figures;
    expect(f.outstandingCents).toBe(30_000 + 6_000);
    expect(f.overdueCents).toBe(30_000); // b was due on 4 November
    expect(f.aging).toEqual({ current: 6_000, "1-30": 30_000, "31-60": 0, "61-90": 0, "90+": 0 });
    expect(f.collectedThisMonthCents).toBe(74_000);
    expect(f.realizationBps).toBe(Math.floor((74_000 * 10_000) / 110_000));
    expect(f.sources).toEqual([
      { label: "After the Firm reminder", count: 1, amountCents: 40_000 },
      { label: "Promise to pay", count: 1, amountCents: 30_000 },
      { label: "Before any reminder", count: 1, amountCents: 4_000 },
    ]);
  });
});
