import { afterEach, describe, expect, it } from "vitest";
import { addDays, fromDbDate, toDbDate, type CalendarDate } from "../../app/modules/dates/calendar";
import { listCustomerInvoices } from "../../app/modules/invoices/invoices.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { DEFAULT_TIERS } from "../../app/modules/reminders/default-tiers";
import { findCandidates, runReminders } from "../../app/modules/reminders/engine.server";
import { makePromise } from "../../app/modules/reminders/promises.server";
import { askQuestion, resolveQuestion } from "../../app/modules/reminders/questions.server";
import { seedDemo } from "../../app/modules/demo/seed.server";
import { db } from "../../app/utils/db.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { createBusiness, createCustomer, createInvoice, createOwner, recordPayment } from "../fixtures/factories";

/** 10:00 in New York on the given day. */
const at = (day: string) => new Date(`${day}T15:00:00Z`);

async function world(dueOn = "2026-11-01", amounts = [50_000]) {
  const business = await createBusiness();
  await db.reminderTier.createMany({ data: DEFAULT_TIERS.map((t) => ({ ...t, businessId: business.id })) });
  const { user } = await createOwner(business.id);
  const customer = await createCustomer(business.id, { name: "Ada Lovelace" });
  const invoices = [];
  for (const a of amounts) invoices.push(await createInvoice(business.id, customer.id, { amountCents: a, issueDate: addDays(dueOn as CalendarDate, -30), dueInDays: 30 }));
  return { business, owner: user, customer, invoices };
}

const sentTiers = async (invoiceId: string) =>
  (await db.reminderItem.findMany({ where: { invoiceId }, include: { tier: true }, orderBy: { tier: { position: "asc" } } })).map((i) => i.tier.kind);
const customerEmails = (customerId: string) => db.outboxEmail.findMany({ where: { customerId, template: "reminder" }, orderBy: { createdAt: "asc" } });

afterEach(async () => {
  await setClockOffset(0);
  await stopBoss();
});

describe("the reminder engine", () => {
  it("sends the tier an invoice is in now, once, not every tier it missed", async () => {
    const { business, customer, invoices } = await world("2026-11-01");
    const r = await runReminders({ businessId: business.id, at: at("2026-11-12") });
    expect(r).toMatchObject({ customersEmailed: 1, invoicesReminded: 1 });
    expect(await sentTiers(invoices[0]!.id)).toEqual(["FIRM"]);
    const [email] = await customerEmails(customer.id);
    expect(email?.subject).toBe(`Payment overdue: ${invoices[0]!.number}`);
    expect(email?.text).toContain("11 days overdue");
    expect(email?.text).toMatch(/\/portal\/access\//);

    expect((await runReminders({ businessId: business.id, at: at("2026-11-13") })).customersEmailed).toBe(0);
    expect(await customerEmails(customer.id)).toHaveLength(1);
  });

  it("walks through the tiers, never closer together than the minimum gap, and names the final notice's date", async () => {
    const { business, customer, invoices } = await world("2026-11-01");
    // Gentle is due on the 4th but only 6 days after the courtesy note: the gap holds it to the 5th.
    for (const day of ["2026-10-29", "2026-11-04", "2026-11-05", "2026-11-12", "2026-11-22"]) await runReminders({ businessId: business.id, at: at(day) });
    expect(await sentTiers(invoices[0]!.id)).toEqual(["COURTESY", "GENTLE", "FIRM", "FINAL"]);
    const emails = await customerEmails(customer.id);
    expect(emails.map((e) => e.subject)).toEqual([
      `Invoice ${invoices[0]!.number} is due on Nov 1, 2026`,
      `Friendly reminder: ${invoices[0]!.number} was due on Nov 1, 2026`,
      `Payment overdue: ${invoices[0]!.number}`,
      `Final notice: ${invoices[0]!.number}`,
    ]);
    expect(emails[3]?.text).toContain("December 16, 2026");
    expect(emails[3]?.text).toContain("refer the balance to our collections partner");
  });

  it("holds back a reminder inside the minimum gap, says why once, and sends it after", async () => {
    const { business, customer, invoices } = await world("2026-11-01");
    await runReminders({ businessId: business.id, at: at("2026-11-04") }); // gentle
    await runReminders({ businessId: business.id, at: at("2026-11-09") }); // nothing due
    // Firm is due on the 11th, but the gentle one went out 7 days before only at 10:00 on the 11th.
    await db.reminder.updateMany({ where: { customerId: customer.id }, data: { createdAt: new Date("2026-11-06T15:00:00Z") } });
    await runReminders({ businessId: business.id, at: at("2026-11-11") });
    await runReminders({ businessId: business.id, at: at("2026-11-12") });
    expect(await sentTiers(invoices[0]!.id)).toEqual(["GENTLE"]);
    const skips = await db.activityEvent.findMany({ where: { invoiceId: invoices[0]!.id, type: "reminder.skipped" } });
    expect(skips).toHaveLength(1);
    expect(skips[0]?.summary).toContain("less than the minimum gap");
    await runReminders({ businessId: business.id, at: at("2026-11-13") });
    expect(await sentTiers(invoices[0]!.id)).toEqual(["GENTLE", "FIRM"]);
  });

  it("sends nothing at night in the customer's time zone", async () => {
    const { business, customer, invoices } = await world("2026-11-01");
    await db.customer.update({ where: { id: customer.id }, data: { timeZone: "Asia/Tokyo" } });
    expect((await runReminders({ businessId: business.id, at: at("2026-11-12") })).customersEmailed).toBe(0); // 00:00 in Tokyo
    expect(await sentTiers(invoices[0]!.id)).toEqual([]);
    expect(await runReminders({ businessId: business.id, at: new Date("2026-11-12T01:00:00Z") })).toMatchObject({ customersEmailed: 1 }); // 10:00 in Tokyo
  });

  it("puts all of a customer's invoices in one email", async () => {
    const { business, customer, invoices } = await world("2026-11-01", [10_000, 20_000]);
    await db.invoice.update({ where: { id: invoices[1]!.id }, data: { dueDate: toDbDate("2026-10-20" as CalendarDate) } });
    await runReminders({ businessId: business.id, at: at("2026-11-12") });
    const emails = await customerEmails(customer.id);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.text).toContain(invoices[0]!.number);
    expect(emails[0]?.text).toContain(invoices[1]!.number);
    expect(emails[0]?.subject).toContain("Final notice"); // the most urgent tier sets the tone: the second invoice is 23 days late
  });

  it("never chases paid, processing, paused, questioned or promised invoices, nor a paused customer", async () => {
    const { business, customer, invoices } = await world("2026-11-01", [10_000, 10_000, 10_000, 10_000, 10_000, 10_000]);
    const [paid, processing, paused, questioned, promised] = invoices;
    await recordPayment(business.id, customer.id, paid!.id, 10_000);
    await recordPayment(business.id, customer.id, processing!.id, 10_000, "PROCESSING");
    await db.invoice.update({ where: { id: paused!.id }, data: { remindersPausedAt: new Date() } });
    await setClockOffset(at("2026-11-12").getTime() - Date.now());
    await askQuestion(customer.id, questioned!.id, "AMOUNT_WRONG", "This should be 80 dollars.");
    await makePromise(customer.id, [promised!.id], "2026-11-20");
    const r = await runReminders({ businessId: business.id, at: at("2026-11-12") });
    expect(r.invoicesReminded).toBe(1);
    const reminded = (await db.reminderItem.findMany({ where: { invoice: { customerId: customer.id } } })).map((i) => i.invoiceId);
    expect(reminded).toEqual([invoices[5]!.id]);
    const reasons = (await db.reminderSkip.findMany({ where: { invoiceId: { in: invoices.map((i) => i.id) } } })).map((s) => s.reason).sort();
    expect(reasons).toEqual(["invoice_paused", "open_question", "promise_pending"]);

    await db.customer.update({ where: { id: customer.id }, data: { remindersPausedAt: new Date() } });
    await db.reminderItem.deleteMany({ where: { invoiceId: invoices[5]!.id } });
    expect((await runReminders({ businessId: business.id, at: at("2026-11-25") })).customersEmailed).toBe(0);
  });

  it("resumes chasing when a question is resolved", async () => {
    const { business, owner, customer, invoices } = await world("2026-11-01");
    await setClockOffset(at("2026-11-05").getTime() - Date.now());
    const q = await askQuestion(customer.id, invoices[0]!.id, "NOT_RECEIVED", "Where is the delivery?");
    expect(await db.outboxEmail.count({ where: { template: "question-received", toAddress: (await db.user.findUniqueOrThrow({ where: { id: owner.id } })).email } })).toBe(1);
    await runReminders({ businessId: business.id, at: at("2026-11-05") });
    expect(await sentTiers(invoices[0]!.id)).toEqual([]);
    await resolveQuestion(business.id, owner.id, q.id);
    await runReminders({ businessId: business.id, at: at("2026-11-05") });
    expect(await sentTiers(invoices[0]!.id)).toEqual(["GENTLE"]);
  });

  it("breaks a promise whose date passed unpaid and sends the next tier", async () => {
    const { business, customer, invoices } = await world("2026-11-01");
    await runReminders({ businessId: business.id, at: at("2026-11-04") }); // gentle
    await setClockOffset(at("2026-11-05").getTime() - Date.now());
    await makePromise(customer.id, [invoices[0]!.id], "2026-11-08");
    expect(await db.outboxEmail.count({ where: { customerId: customer.id, template: "promise-confirmation" } })).toBe(1);
    await runReminders({ businessId: business.id, at: at("2026-11-08") });
    expect((await db.promiseToPay.findFirstOrThrow({ where: { customerId: customer.id } })).status).toBe("OPEN");
    await runReminders({ businessId: business.id, at: at("2026-11-12") });
    expect((await db.promiseToPay.findFirstOrThrow({ where: { customerId: customer.id } })).status).toBe("BROKEN");
    expect(await sentTiers(invoices[0]!.id)).toEqual(["GENTLE", "FIRM"]);
  });

  it("refuses a promise past the owner's maximum", async () => {
    const { customer, invoices } = await world("2026-11-01");
    await setClockOffset(at("2026-11-05").getTime() - Date.now());
    await expect(makePromise(customer.id, [invoices[0]!.id], "2026-11-20")).rejects.toThrow("Choose a date no later than November 19, 2026 (14 days from today).");
    await expect(makePromise(customer.id, [invoices[0]!.id], "2026-11-04")).rejects.toThrow("Choose today or a later date.");
  });

  it("alerts the owner at collections instead of emailing the customer", async () => {
    const { business, owner, customer, invoices } = await world("2026-10-01");
    await runReminders({ businessId: business.id, at: at("2026-11-16") });
    expect(await sentTiers(invoices[0]!.id)).toEqual(["COLLECTIONS"]);
    expect(await customerEmails(customer.id)).toHaveLength(0);
    const alert = await db.outboxEmail.findFirstOrThrow({ where: { template: "collections-alert" } });
    expect(alert.toAddress).toBe((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).email);
  });

  it("sends one email when two workers run at once", async () => {
    const { business, customer } = await world("2026-11-01", [10_000, 20_000]);
    await Promise.all(Array.from({ length: 4 }, () => runReminders({ businessId: business.id, at: at("2026-11-12") })));
    expect(await customerEmails(customer.id)).toHaveLength(1);
    expect(await db.reminder.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("computes in SQL the same amount due as the balance function", async () => {
    await seedDemo();
    const business = await db.business.findUniqueOrThrow({ where: { slug: "northwind" } });
    const when = new Date();
    const candidates = await findCandidates(when, business.id);
    expect(candidates.length).toBeGreaterThan(3);
    for (const c of candidates) {
      const [figures] = (await listCustomerInvoices(c.customerId, fromDbDate(c.dueDate))).filter((i) => i.id === c.invoiceId).map((i) => i.figures);
      expect(Number(c.dueNowCents)).toBe(figures?.dueNowCents);
    }
  });
});
