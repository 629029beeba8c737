// Loads what the money dashboard computes from: the business's invoice figures, its succeeded payments of the
// last year, each with what led to it (one set-based query, not one per payment), refunds and bad debt.
import { addDays, dateInZone, type CalendarDate } from "~/modules/dates/calendar";
import { listBusinessInvoices } from "~/modules/invoices/invoices.server";
import { db } from "~/utils/db.server";
import { dashboardByCurrency, paymentSource } from "./figures";

type PaymentRow = { amountCents: number; currency: string; succeededAt: Date; attribution: string | null; hadPromise: boolean; lastTier: string | null };

/** The dashboard for each currency the business has money in (its own first): never added across currencies. */
export async function loadDashboard(businessId: string, businessCurrency: string, timeZone: string, today: CalendarDate) {
  const since = new Date(`${addDays(today, -366)}T00:00:00Z`);
  const [invoices, payments, refunds, disputes, badDebts] = await Promise.all([
    listBusinessInvoices(businessId, today),
    db.$queryRaw<PaymentRow[]>`
      select p."amountCents", p."currency", p."succeededAt", p."attribution",
        exists (
          select 1 from "PaymentAllocation" a
          join "PromiseInvoice" pi on pi."invoiceId" = a."invoiceId"
          join "PromiseToPay" pr on pr."id" = pi."promiseId"
          where a."paymentId" = p."id" and pr."createdAt" <= p."succeededAt"
            and (pr."resolvedAt" is null or pr."resolvedAt" >= p."succeededAt" - interval '1 minute')
        ) as "hadPromise",
        (
          select t."name" from "PaymentAllocation" a
          join "ReminderItem" ri on ri."invoiceId" = a."invoiceId"
          join "Reminder" r on r."id" = ri."reminderId"
          join "ReminderTier" t on t."id" = ri."tierId"
          where a."paymentId" = p."id" and r."createdAt" <= p."succeededAt"
          order by r."createdAt" desc, t."position" desc limit 1
        ) as "lastTier"
      from "Payment" p
      where p."businessId" = ${businessId} and p."status" = 'SUCCEEDED' and p."succeededAt" >= ${since}`,
    db.refund.findMany({ where: { businessId, status: "SUCCEEDED", succeededAt: { gte: since } }, select: { amountCents: true, currency: true, succeededAt: true } }),
    // Card chargebacks of the last year (a bank debit's dispute is a return: its payment no longer counts at all).
    db.dispute.findMany({ where: { businessId, inquiry: false, openedAt: { gte: since }, payment: { method: "CARD" } }, select: { amountCents: true, currency: true, feeCents: true, status: true, openedAt: true } }),
    // Write-offs of invoices marked uncollectible; a settlement's write-off (settlementOfferId) is money forgiven by agreement.
    db.invoiceAdjustment.findMany({
      where: { kind: "WRITE_OFF", settlementOfferId: null, createdAt: { gte: since }, invoice: { businessId, state: "ISSUED", uncollectibleAt: { not: null } } },
      select: { amountCents: true, createdAt: true, invoice: { select: { currency: true } } },
    }),
  ]);
  return dashboardByCurrency({
    today,
    businessCurrency,
    invoices: invoices.map((i) => ({ currency: i.currency, issueDate: i.issueDate, dueDate: i.dueDate, figures: i.figures })),
    payments: payments.map((p) => ({
      currency: p.currency,
      amountCents: p.amountCents,
      succeededOn: dateInZone(p.succeededAt, timeZone),
      source: paymentSource({ attribution: p.attribution, hadOpenPromise: p.hadPromise, lastTierName: p.lastTier }),
    })),
    refunds: refunds.map((r) => ({ currency: r.currency, amountCents: r.amountCents, succeededOn: dateInZone(r.succeededAt!, timeZone) })),
    disputes: disputes.map((d) => ({ currency: d.currency, amountCents: d.amountCents, feeCents: d.feeCents, status: d.status, openedOn: dateInZone(d.openedAt, timeZone) })),
    badDebts: badDebts.map((b) => ({ currency: b.invoice.currency, amountCents: b.amountCents, writtenOffOn: dateInZone(b.createdAt, timeZone) })),
  });
}
