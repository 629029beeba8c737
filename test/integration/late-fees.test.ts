import { afterEach, describe, expect, it } from "vitest";
import { addDays, fromDbDate, type CalendarDate } from "../../app/modules/dates/calendar";
import { waiveLateFee } from "../../app/modules/fees/late-fees.server";
import { listCustomerInvoices } from "../../app/modules/invoices/invoices.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { DEFAULT_TIERS } from "../../app/modules/reminders/default-tiers";
import { runReminders } from "../../app/modules/reminders/engine.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice, createOwner, recordPayment } from "../fixtures/factories";

const at = (day: string) => new Date(`${day}T15:00:00Z`);

async function world(enabled = true) {
  const business = await createBusiness();
  await db.reminderTier.createMany({ data: DEFAULT_TIERS.map((t) => ({ ...t, businessId: business.id, lateFeeFixedCents: t.kind === "FIRM" ? 2_500 : t.kind === "FINAL" ? 5_000 : 0, lateFeeBps: t.kind === "FIRM" ? 100 : 0 })) });
  await db.lateFeePolicy.create({ data: { businessId: business.id, enabled, graceDays: 12, capCents: 0, capBps: 500 } });
  const { user } = await createOwner(business.id);
  const customer = await createCustomer(business.id);
  const invoice = await createInvoice(business.id, customer.id, { amountCents: 100_000, issueDate: addDays("2026-11-01" as CalendarDate, -30), dueInDays: 30 });
  const figures = async () => (await listCustomerInvoices(customer.id, fromDbDate(invoice.dueDate))).find((i) => i.id === invoice.id)!.figures;
  return { business, owner: user, customer, invoice, figures };
}

afterEach(async () => {
  await stopBoss();
});

describe("late fees", () => {
  it("waits for the grace period, charges each tier once, and stops at the cap", async () => {
    const { business, invoice, figures } = await world();
    await runReminders({ businessId: business.id, at: at("2026-11-12") }); // firm tier, but inside the 12-day grace
    expect(await db.lateFee.count({ where: { invoiceId: invoice.id } })).toBe(0);
    await runReminders({ businessId: business.id, at: at("2026-11-14") });
    await runReminders({ businessId: business.id, at: at("2026-11-15") });
    expect(await db.lateFee.findMany({ where: { invoiceId: invoice.id } })).toMatchObject([{ amountCents: 3_500, status: "APPLIED" }]);
    expect(await figures()).toMatchObject({ feesCents: 3_500, totalCents: 103_500, balanceCents: 103_500 });
    await runReminders({ businessId: business.id, at: at("2026-11-23") }); // final: $50 asked, $15 left under the 5% cap
    expect((await db.lateFee.findMany({ where: { invoiceId: invoice.id }, orderBy: { createdAt: "asc" } })).map((f) => f.amountCents)).toEqual([3_500, 1_500]);
    expect((await figures()).feesCents).toBe(5_000);
    expect(await db.activityEvent.count({ where: { invoiceId: invoice.id, type: "fee.applied" } })).toBe(2);
  });

  it("charges nothing when off or while a bank payment is processing", async () => {
    const off = await world(false);
    await runReminders({ businessId: off.business.id, at: at("2026-11-20") });
    expect(await db.lateFee.count({ where: { invoiceId: off.invoice.id } })).toBe(0);
    const ach = await world();
    await recordPayment(ach.business.id, ach.customer.id, ach.invoice.id, 10_000, "PROCESSING");
    await runReminders({ businessId: ach.business.id, at: at("2026-11-20") });
    expect(await db.lateFee.count({ where: { invoiceId: ach.invoice.id } })).toBe(0);
  });

  it("lets the owner waive a fee with a reason, logged, and never re-charges that tier", async () => {
    const { business, owner, invoice, figures } = await world();
    await runReminders({ businessId: business.id, at: at("2026-11-14") });
    const fee = await db.lateFee.findFirstOrThrow({ where: { invoiceId: invoice.id } });
    await waiveLateFee(business.id, owner.id, fee.id, "Long-standing client, first time late");
    expect(await db.lateFee.findUniqueOrThrow({ where: { id: fee.id } })).toMatchObject({ status: "WAIVED", waivedById: owner.id, waiveReason: "Long-standing client, first time late" });
    expect((await figures()).feesCents).toBe(0);
    await runReminders({ businessId: business.id, at: at("2026-11-16") });
    expect(await db.lateFee.count({ where: { invoiceId: invoice.id } })).toBe(1);
    expect((await db.activityEvent.findFirstOrThrow({ where: { invoiceId: invoice.id, type: "fee.waived" } })).summary).toContain("Long-standing client");
  });
});
