import { logActivity } from "~/modules/activity/activity.server";
import type { CalendarDate } from "~/modules/dates/calendar";
import { listCustomerInvoices, type InvoiceSummary } from "~/modules/invoices/invoices.server";
import { listCustomerPayments } from "~/modules/payments/history.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

export function listCustomers(businessId: string) {
  return db.customer.findMany({
    where: { businessId, archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, companyName: true, email: true },
  });
}

/** Each customer's balance and overdue amount, from the invoices' computed figures. */
export function listCustomerBalances<C extends { id: string }>(customers: readonly C[], invoices: readonly InvoiceSummary[]) {
  return customers.map((c) => {
    const own = invoices.filter((i) => i.customer.id === c.id);
    return {
      ...c,
      balanceCents: own.reduce((s, i) => s + i.figures.balanceCents, 0),
      overdueCents: own.filter((i) => i.figures.status === "OVERDUE").reduce((s, i) => s + i.figures.dueNowCents, 0),
    };
  });
}

/** Everything the owner's customer page shows; null when the customer is not this business's. */
export async function getCustomerOverview(businessId: string, customerId: string, day: CalendarDate) {
  const customer = await db.customer.findFirst({ where: { id: customerId, businessId } });
  if (!customer) return null;
  const [invoices, payments, activity, activeLinks, fees, settlements] = await Promise.all([
    listCustomerInvoices(customer.id, day),
    listCustomerPayments(customer.id, 50),
    db.activityEvent.findMany({ where: { customerId: customer.id }, orderBy: { id: "desc" }, take: 50 }),
    db.portalAccessToken.count({ where: { customerId: customer.id, revokedAt: null, expiresAt: { gt: now() } } }),
    db.lateFee.findMany({ where: { invoice: { customerId: customer.id } }, include: { invoice: { select: { number: true } } }, orderBy: { createdAt: "asc" } }),
    db.settlementOffer.findMany({ where: { invoice: { customerId: customer.id }, status: { in: ["OPEN", "ACCEPTED"] } }, orderBy: { createdAt: "desc" } }),
  ]);
  return {
    customer,
    invoices,
    payments,
    activeLinks,
    settlements: Object.fromEntries(settlements.map((o) => [o.invoiceId, { status: o.status, amountCents: o.amountCents, expiresOn: o.expiresOn.toISOString().slice(0, 10) }])),
    fees: fees.map((f) => ({ id: f.id, invoiceNumber: f.invoice.number, amountCents: f.amountCents, description: f.description, status: f.status, waiveReason: f.waiveReason })),
    activity: activity.map((a) => ({ id: a.id.toString(), type: a.type, summary: a.summary, actor: a.actor, occurredAt: a.occurredAt })),
  };
}

/**
 * The owner's switches on who may set up a plan online: "plans not allowed" for this customer, and
 * "risky payer" (refused plans while the plan rules exclude risky payers). Logged with the owner.
 */
export async function setPlanAccess(businessId: string, ownerId: string, customerId: string, input: { plansAllowed: boolean; risky: boolean }) {
  await db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({ where: { id: customerId, businessId } });
    if (!customer) throw new Response("Not found", { status: 404 });
    const wasRisky = customer.markedRiskyAt !== null;
    await tx.customer.update({ where: { id: customer.id }, data: { plansAllowed: input.plansAllowed, markedRiskyAt: input.risky ? (customer.markedRiskyAt ?? now()) : null } });
    const changes: string[] = [];
    if (customer.plansAllowed !== input.plansAllowed) changes.push(input.plansAllowed ? "plans allowed again" : "plans not allowed");
    if (wasRisky !== input.risky) changes.push(input.risky ? "marked as a risky payer" : "no longer marked as a risky payer");
    if (changes.length === 0) return;
    await logActivity(tx, { businessId, customerId: customer.id, actor: "OWNER", actorUserId: ownerId, type: "customer.plan_access", summary: `Payment plans: ${changes.join("; ")}` });
  });
}
