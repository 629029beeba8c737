import { afterEach, describe, expect, it } from "vitest";
import type { CalendarDate } from "../../app/modules/dates/calendar";
import { collectionsCsv, collectionsPack, collectionsPdf, HandoverInputError, markHandedOver } from "../../app/modules/collections/handover.server";
import { addCallNote } from "../../app/modules/customers/customers.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { DEFAULT_TIERS } from "../../app/modules/reminders/default-tiers";
import { runReminders } from "../../app/modules/reminders/engine.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice, createOwner, recordPayment } from "../fixtures/factories";
import { looksLikePdf, pdfText } from "../support/pdf-text";

afterEach(async () => {
  await stopBoss();
});

describe("handing an account to a collection agency", () => {
  it("exports a statement and the whole correspondence as PDF and CSV, then stops every reminder once handed over", async () => {
    const business = await createBusiness();
    await db.reminderTier.createMany({ data: DEFAULT_TIERS.map((t) => ({ ...t, businessId: business.id })) });
    const { user } = await createOwner(business.id);
    const customer = await createCustomer(business.id, { name: "Edsger Dijkstra" });
    const a = await createInvoice(business.id, customer.id, { amountCents: 39_000, issueDate: "2026-09-26" as CalendarDate, dueInDays: 30 });
    const b = await createInvoice(business.id, customer.id, { amountCents: 12_500, issueDate: "2026-10-01" as CalendarDate, dueInDays: 30 });
    await recordPayment(business.id, customer.id, b.id, 5_000);
    await runReminders({ businessId: business.id, at: new Date("2026-11-20T15:00:00Z") });
    await addCallNote(business.id, user.id, customer.id, { body: "Called: says the invoice is with their accountant.", outcome: "other" });

    const pack = (await collectionsPack(business.id, customer.id))!;
    expect(pack.invoices.map((i) => i.number).sort()).toEqual([a.number, b.number].sort());
    expect(pack.totals).toEqual([expect.objectContaining({ currency: "USD", principalCents: 51_500, paidCents: 5_000, balanceCents: 46_500, interestCents: 0 })]);
    expect(pack.correspondence.some((c) => c.kind === "email.reminder" && c.text.includes(a.number))).toBe(true);
    expect(pack.correspondence.some((c) => c.text.includes("with their accountant"))).toBe(true);

    const pdf = await collectionsPdf(pack);
    expect(looksLikePdf(pdf)).toBe(true);
    const text = pdfText(pdf);
    for (const n of [a.number, b.number]) expect(text).toContain(n);
    expect(text).toContain("Correspondence and activity log");
    expect(text).toContain("with their accountant");

    const csv = collectionsCsv(pack);
    expect(csv.split("\r\n")[0]).toBe("record,date,invoice,description,currency,principal,fees,interest,paid,adjustments,balance");
    expect(csv).toContain(`,USD,390.00,`);
    expect(csv).toContain(`invoice,2026-09-26,${a.number},"due 2026-10-26`);
    expect(csv).toMatch(/\r\nemail,/);

    await expect(markHandedOver(business.id, user.id, customer.id, " ")).rejects.toBeInstanceOf(HandoverInputError);
    await markHandedOver(business.id, user.id, customer.id, "Harbor Recovery LLC");
    await expect(markHandedOver(business.id, user.id, customer.id, "Harbor Recovery LLC")).rejects.toThrow("already handed over");
    const before = await db.outboxEmail.count({ where: { customerId: customer.id, template: "reminder" } });
    await runReminders({ businessId: business.id, at: new Date("2026-12-15T15:00:00Z") });
    expect(await db.outboxEmail.count({ where: { customerId: customer.id, template: "reminder" } })).toBe(before);
    expect(await db.activityEvent.count({ where: { customerId: customer.id, type: "customer.handed_over" } })).toBe(1);
    expect(await collectionsPack((await createBusiness()).id, customer.id)).toBeNull();
  });
  it("keeps an account billed in two currencies apart: one total per currency, each amount in its own exponent", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id, { name: "Kenji Sato" });
    await createInvoice(business.id, customer.id, { amountCents: 20_000, issueDate: "2026-09-26" as CalendarDate, dueInDays: 30 });
    await createInvoice(business.id, customer.id, { amountCents: 120_000, issueDate: "2026-09-26" as CalendarDate, dueInDays: 30, currency: "JPY" });
    const pack = (await collectionsPack(business.id, customer.id))!;
    expect(pack.totals).toEqual([expect.objectContaining({ currency: "JPY", principalCents: 120_000, balanceCents: 120_000 }), expect.objectContaining({ currency: "USD", principalCents: 20_000, balanceCents: 20_000 })]);
    const csv = collectionsCsv(pack);
    expect(csv).toContain(",JPY,120000,");
    expect(csv).toContain(",USD,200.00,");
    const text = pdfText(await collectionsPdf(pack));
    expect(text).toContain("Total JPY");
    expect(text).toContain("¥120,000");
    expect(text).not.toContain("$1,400");
  });
});
