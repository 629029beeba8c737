// Loads customers' payment history for their payer profiles: three queries whatever the number of customers.
import { dateInZone, fromDbDate, type CalendarDate } from "~/modules/dates/calendar";
import { figuresOf, invoiceFiguresInclude } from "~/modules/invoices/invoices.server";
import { db } from "~/utils/db.server";
import { computePayerProfile, type PayerHistory, type PayerProfile } from "./payer-profile";

const emptyHistory = (): PayerHistory & { paidInvoices: PayerHistory["paidInvoices"][number][]; overdueInvoices: { daysOverdue: number }[] } => ({
  paidInvoices: [],
  overdueInvoices: [],
  promisesKept: 0,
  promisesBroken: 0,
  plansCompleted: 0,
  plansDefaulted: 0,
  paymentsReturned: 0,
  chargebacksLost: 0,
});

/**
 * Each customer's history, as of `today` in the business's time zone. A paid invoice counts as paid on the
 * day its last successful payment succeeded; invoices settled only by credits or write-offs are left out
 * (the customer paid nothing, and the owner chose to forgive it). Only this business's rows are read.
 */
export async function loadPayerHistories(business: { id: string; timeZone: string }, customerIds: readonly string[], today: CalendarDate) {
  const histories = new Map(customerIds.map((id) => [id, emptyHistory()]));
  if (customerIds.length === 0) return histories as Map<string, PayerHistory>;
  const ids = [...customerIds];
  const [invoices, promises, plans, returned, lost] = await Promise.all([
    db.invoice.findMany({
      where: { businessId: business.id, customerId: { in: ids }, state: "ISSUED" },
      include: {
        ...invoiceFiguresInclude,
        allocations: { select: { amountCents: true, payment: { select: { status: true, succeededAt: true, createdAt: true } } } },
      },
    }),
    db.promiseToPay.groupBy({
      by: ["customerId", "status"],
      where: { customerId: { in: ids }, customer: { businessId: business.id }, status: { in: ["KEPT", "BROKEN"] } },
      _count: { _all: true },
    }),
    db.plan.groupBy({
      by: ["customerId", "status"],
      where: { businessId: business.id, customerId: { in: ids }, status: { in: ["COMPLETED", "DEFAULTED"] } },
      _count: { _all: true },
    }),
    db.payment.groupBy({ by: ["customerId"], where: { businessId: business.id, customerId: { in: ids }, returnedAt: { not: null } }, _count: { _all: true } }),
    db.dispute.findMany({ where: { businessId: business.id, status: "LOST", inquiry: false, payment: { customerId: { in: ids }, method: "CARD" } }, select: { payment: { select: { customerId: true } } } }),
  ]);
  for (const row of returned) {
    const history = histories.get(row.customerId);
    if (history) history.paymentsReturned = (history.paymentsReturned ?? 0) + row._count._all;
  }
  for (const row of lost) {
    const history = histories.get(row.payment.customerId);
    if (history) history.chargebacksLost = (history.chargebacksLost ?? 0) + 1;
  }

  for (const invoice of invoices) {
    const history = histories.get(invoice.customerId);
    if (!history) continue;
    const figures = figuresOf(invoice, today);
    if (figures.status === "OVERDUE") history.overdueInvoices.push({ daysOverdue: figures.daysOverdue });
    if (figures.status !== "PAID") continue;
    const paidAt = invoice.allocations
      .filter((a) => a.payment.status === "SUCCEEDED")
      .map((a) => (a.payment.succeededAt ?? a.payment.createdAt).getTime())
      .reduce((latest, t) => Math.max(latest, t), -Infinity);
    if (paidAt === -Infinity) continue;
    history.paidInvoices.push({ dueDate: fromDbDate(invoice.dueDate), paidOn: dateInZone(new Date(paidAt), business.timeZone) });
  }
  for (const row of promises) {
    const history = histories.get(row.customerId);
    if (!history) continue;
    if (row.status === "KEPT") history.promisesKept += row._count._all;
    else history.promisesBroken += row._count._all;
  }
  for (const row of plans) {
    const history = histories.get(row.customerId);
    if (!history) continue;
    if (row.status === "COMPLETED") history.plansCompleted += row._count._all;
    else history.plansDefaulted += row._count._all;
  }
  return histories as Map<string, PayerHistory>;
}

/** Payer profiles for many customers at once (the customer list). */
export async function loadPayerProfiles(business: { id: string; timeZone: string }, customerIds: readonly string[], today: CalendarDate) {
  const histories = await loadPayerHistories(business, customerIds, today);
  return new Map([...histories].map(([id, history]) => [id, computePayerProfile(history)] as const));
}

/** One customer's payer profile (the customer page); the customer must be the business's. */
export async function loadPayerProfile(business: { id: string; timeZone: string }, customerId: string, today: CalendarDate): Promise<PayerProfile> {
  const histories = await loadPayerHistories(business, [customerId], today);
  return computePayerProfile(histories.get(customerId) ?? emptyHistory());
}
