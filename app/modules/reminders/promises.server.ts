// Promises to pay: the customer picks a date (up to the owner's maximum); reminders for those invoices
// pause until then; a date that passes unpaid marks the promise broken and the sequence resumes a tier up.
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { addDays, calendarDate, dateInZone, formatDate, fromDbDate, isCalendarDate, toDbDate } from "~/modules/dates/calendar";
import { customerWords } from "~/modules/email/customer-words.server";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { TranslatedError } from "~/modules/i18n/errors";
import { listCustomerInvoices } from "~/modules/invoices/invoices.server";
import { formatMoney } from "~/modules/money/money";
import { now, today } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export class PromiseInputError extends TranslatedError {}

export async function makePromise(customerId: string, invoiceIds: string[], dateInput: string) {
  const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId }, include: { business: true } });
  const { business } = customer;
  const day = today(business.timeZone);
  if (!isCalendarDate(dateInput)) throw new PromiseInputError("promise.dateRequired");
  const date = calendarDate(dateInput);
  const latest = addDays(day, business.promiseMaxDays);
  if (date < day) throw new PromiseInputError("promise.notPast");
  if (date > latest) throw new PromiseInputError("promise.tooLate", { date: { day: latest }, days: business.promiseMaxDays });
  const invoices = (await listCustomerInvoices(customerId, day)).filter((i) => invoiceIds.includes(i.id) && i.figures.dueNowCents > 0);
  if (invoices.length === 0 || invoices.length !== new Set(invoiceIds).size) throw new PromiseInputError("promise.nothing");
  const amount = invoices.reduce((s, i) => s + i.figures.dueNowCents, 0);

  return db.$transaction(async (tx) => {
    const open = await tx.promiseToPay.findMany({ where: { customerId, status: "OPEN", invoices: { some: { invoiceId: { in: invoiceIds } } } } });
    if (open.length) await tx.promiseToPay.updateMany({ where: { id: { in: open.map((p) => p.id) } }, data: { status: "CANCELLED", resolvedAt: now() } });
    const promise = await tx.promiseToPay.create({
      data: { customerId, promisedFor: toDbDate(date), amountCents: amount, createdAt: now(), invoices: { create: invoices.map((i) => ({ invoiceId: i.id })) } },
    });
    const numbers = invoices.map((i) => i.number).join(", ");
    const words = customerWords(customer, business);
    await enqueueEmail(tx, {
      template: "promise-confirmation",
      to: customer.email,
      replyTo: business.supportEmail,
      businessId: business.id,
      customerId,
      dedupeKey: `promise:${promise.id}`,
      props: {
        locale: words.locale,
        brand: brandOf(business),
        customerName: customer.name,
        amountText: words.money(amount, business.currency),
        dateText: words.day(date),
        invoiceNumbers: numbers,
        portalUrl: `${getEnv().APP_URL}/portal`,
      },
    });
    for (const i of invoices) {
      await logActivity(tx, {
        businessId: business.id,
        customerId,
        invoiceId: i.id,
        actor: "CUSTOMER",
        type: "promise.made",
        summary: `Promised to pay ${formatMoney(amount, business.currency)} for ${numbers} by ${formatDate(date)}; reminders pause until then`,
        data: { promiseId: promise.id },
      });
    }
    return promise;
  });
}

/** Open promises whose date has passed: kept when nothing is due on their invoices any more, else broken. */
export async function settlePromises(at: Date) {
  // Only promises whose date may have passed somewhere: no business is more than a day ahead of UTC.
  const due = await db.promiseToPay.findMany({
    where: { status: "OPEN", promisedFor: { lt: toDbDate(addDays(dateInZone(at, "UTC"), 1)) } },
    include: { customer: { include: { business: true } }, invoices: true },
  });
  let settled = 0;
  for (const promise of due) {
    const { business } = promise.customer;
    const day = dateInZone(at, business.timeZone);
    if (fromDbDate(promise.promisedFor) >= day) continue;
    const invoices = (await listCustomerInvoices(promise.customerId, day)).filter((i) => promise.invoices.some((p) => p.invoiceId === i.id));
    const kept = invoices.every((i) => i.figures.dueNowCents === 0);
    await db.$transaction(async (tx) => {
      const changed = await tx.promiseToPay.updateMany({ where: { id: promise.id, status: "OPEN" }, data: { status: kept ? "KEPT" : "BROKEN", resolvedAt: at } });
      if (changed.count === 0) return;
      settled++;
      for (const i of invoices) {
        await logActivity(tx, {
          businessId: business.id,
          customerId: promise.customerId,
          invoiceId: i.id,
          actor: "SYSTEM",
          type: kept ? "promise.kept" : "promise.broken",
          summary: kept ? `Promise to pay by ${formatDate(fromDbDate(promise.promisedFor))} was kept` : `Promise to pay by ${formatDate(fromDbDate(promise.promisedFor))} was broken; reminders resume at the next tier`,
          data: { promiseId: promise.id },
        });
      }
    });
  }
  return settled;
}
