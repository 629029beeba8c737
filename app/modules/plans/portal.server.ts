// What the portal shows of plans: the quote a customer builds a plan from, their plans, and one plan.
import { fromDbDate, type CalendarDate } from "~/modules/dates/calendar";
import { listCustomerInvoices } from "~/modules/invoices/invoices.server";
import type { OnlineMethod } from "~/modules/payments/pricing";
import { today } from "~/utils/clock.server";
import { db, readRows } from "~/utils/db.server";
import { CURRENT_PLAN_STATUSES, describeSavedMethod, type EligibilityCustomer, instalmentCharge, planEligibility, planPrincipal } from "./plans.server";
import { rulesOf } from "./policy.server";
import type { Frequency } from "./schedule";

/**
 * Everything the "Pay over time" page needs to show the exact schedule before the customer agrees:
 * the owner's rules, what the plan would cover with each method (an early-pay discount may go with it),
 * and today in the business's time zone. The schedule itself is computed from these, on both sides.
 */
export async function planQuote(customerId: string, requestedInvoiceIds: readonly string[]) {
  const customer = await db.customer.findUniqueOrThrow({ where: { id: customerId }, include: { business: true } });
  const { business } = customer;
  const day = today(business.timeZone);
  const onPlan = new Set(
    (await db.planInvoice.findMany({ where: { plan: { customerId, status: { in: [...CURRENT_PLAN_STATUSES] } } }, select: { invoiceId: true } })).map((p) => p.invoiceId),
  );
  const payable = (await listCustomerInvoices(customerId, day)).filter((i) => i.figures.dueNowCents > 0 && !onPlan.has(i.id));
  const invoices = requestedInvoiceIds.length ? payable.filter((i) => requestedInvoiceIds.includes(i.id)) : payable;
  const eligibility = await planEligibility(customerId, invoices.map((i) => i.id));
  const principal = {
    CARD: await planPrincipal(business.id, invoices, "CARD", day, db),
    US_BANK_ACCOUNT: await planPrincipal(business.id, invoices, "US_BANK_ACCOUNT", day, db),
  } satisfies Record<OnlineMethod, unknown>;
  return {
    allowed: eligibility.allowed,
    reason: eligibility.allowed ? null : eligibility.reason,
    rules: rulesOf(eligibility.policy),
    today: day,
    timeZone: business.timeZone,
    businessName: business.name,
    currency: business.currency,
    pricing: { cardSurchargeBps: business.cardSurchargeBps, achDiscountBps: business.achDiscountBps },
    invoices: invoices.map((i) => ({ id: i.id, number: i.number, dueDate: i.dueDate, dueNowCents: i.figures.dueNowCents, overdue: i.figures.status === "OVERDUE" })),
    dueCents: principal.CARD.dueCents,
    principalCents: { CARD: principal.CARD.principalCents, US_BANK_ACCOUNT: principal.US_BANK_ACCOUNT.principalCents },
    discountCents: { CARD: principal.CARD.discountCents, US_BANK_ACCOUNT: principal.US_BANK_ACCOUNT.discountCents },
  };
}

/** Whether a "Pay over time" offer makes sense for these invoices (to show the link at all). */
export async function canOfferPlan(customerId: string, invoiceIds: readonly string[], loaded?: EligibilityCustomer) {
  if (invoiceIds.length === 0) return false;
  const eligibility = await planEligibility(customerId, invoiceIds, db, loaded);
  return eligibility.allowed;
}

export type PlanSummary = Awaited<ReturnType<typeof listCustomerPlans>>[number];

/** A customer's plans, newest first, with the next charge of a current one. */
export async function listCustomerPlans(customerId: string, pricing: { cardSurchargeBps: number; achDiscountBps: number }) {
  const where = { customerId, status: { not: "PENDING" } } as const;
  // Most customers have no plan: one cheap query says so, rather than a query per `include` (each compiled) for nothing.
  if ((await readRows(`select 1 from "Plan" where "customerId" = $1 and status <> 'PENDING' limit 1`, [customerId])).length === 0) return [];
  const plans = await db.plan.findMany({
    where,
    orderBy: { createdAt: "desc" },
    include: { instalments: { orderBy: { sequence: "asc" } }, paymentMethod: true, invoices: { include: { invoice: { select: { id: true, number: true } } } } },
  });
  return plans.map((p) => {
    const method: OnlineMethod = p.paymentMethod?.type === "US_BANK_ACCOUNT" ? "US_BANK_ACCOUNT" : "CARD";
    const next = p.status === "ACTIVE" ? p.instalments.find((i) => i.status === "SCHEDULED" || i.status === "FAILED") : undefined;
    return {
      id: p.id,
      status: p.status,
      frequency: p.frequency as Frequency,
      instalmentCount: p.instalmentCount,
      paidCount: p.instalments.filter((i) => i.status === "PAID").length,
      invoices: p.invoices.map((i) => ({ id: i.invoice.id, number: i.invoice.number })),
      methodText: describeSavedMethod(p.paymentMethod),
      missed: p.status === "ACTIVE" && p.instalments.some((i) => i.status === "FAILED"),
      next: next
        ? { sequence: next.sequence, on: (next.status === "FAILED" && next.nextAttemptOn ? fromDbDate(next.nextAttemptOn) : fromDbDate(next.dueDate)) as CalendarDate | null, amountCents: instalmentCharge(next, method, pricing).totalCents }
        : null,
    };
  });
}

/** One plan as its customer sees it; null when it is not theirs. */
export async function getCustomerPlan(customerId: string, planId: string) {
  const plan = await db.plan.findFirst({
    where: { id: planId, customerId, status: { not: "PENDING" } },
    include: {
      instalments: { orderBy: { sequence: "asc" }, include: { payments: { orderBy: { createdAt: "asc" }, select: { id: true, status: true, amountCents: true, receiptNumber: true, offSession: true } } } },
      paymentMethod: true,
      invoices: { include: { invoice: { select: { id: true, number: true } } } },
      customer: { include: { business: true } },
    },
  });
  if (!plan) return null;
  const { business } = plan.customer;
  const method: OnlineMethod = plan.paymentMethod?.type === "US_BANK_ACCOUNT" ? "US_BANK_ACCOUNT" : "CARD";
  const pricing = { cardSurchargeBps: business.cardSurchargeBps, achDiscountBps: business.achDiscountBps };
  const day = today(business.timeZone);
  const invoices = (await listCustomerInvoices(customerId, day)).filter((i) => plan.invoices.some((p) => p.invoiceId === i.id));
  return {
    id: plan.id,
    status: plan.status,
    frequency: plan.frequency as Frequency,
    instalmentCount: plan.instalmentCount,
    currency: plan.currency,
    feeCents: plan.feeCents,
    termsText: plan.termsText,
    cancelReason: plan.cancelReason,
    method,
    methodText: describeSavedMethod(plan.paymentMethod),
    gateway: plan.paymentMethod?.gateway ?? null,
    invoices: invoices.map((i) => ({ id: i.id, number: i.number, dueNowCents: i.figures.dueNowCents, balanceCents: i.figures.balanceCents })),
    leftCents: invoices.reduce((s, i) => s + i.figures.dueNowCents, 0),
    instalments: plan.instalments.map((i) => ({
      id: i.id,
      sequence: i.sequence,
      dueDate: fromDbDate(i.dueDate),
      amountCents: instalmentCharge(i, method, pricing).totalCents,
      status: i.status,
      attempts: i.attempts,
      lastFailure: i.lastFailure,
      nextAttemptOn: i.nextAttemptOn ? fromDbDate(i.nextAttemptOn) : null,
      receipt: i.payments.find((p) => p.status === "SUCCEEDED") ?? null,
    })),
  };
}

/** The plan a payment belongs to, for the payment page: which instalment, and what comes after it. */
export async function planContextOfPayment(paymentId: string) {
  const payment = await db.payment.findUnique({ where: { id: paymentId }, select: { instalment: { select: { sequence: true, plan: { include: { instalments: { orderBy: { sequence: "asc" } }, customer: { include: { business: true } } } } } } } });
  const instalment = payment?.instalment;
  if (!instalment) return null;
  const { plan } = instalment;
  const { business } = plan.customer;
  return {
    planId: plan.id,
    status: plan.status,
    sequence: instalment.sequence,
    count: plan.instalmentCount,
    businessName: business.name,
    later: plan.instalments.filter((i) => i.sequence > instalment.sequence && (i.status === "SCHEDULED" || i.status === "FAILED")).map((i) => ({ sequence: i.sequence, dueDate: fromDbDate(i.dueDate), amountCents: i.amountCents, feeCents: i.feeCents })),
    pricing: { cardSurchargeBps: business.cardSurchargeBps, achDiscountBps: business.achDiscountBps },
  };
}

/** The current plan an invoice is on, if any. */
export function currentPlanOf(customerId: string, invoiceId: string) {
  return db.planInvoice.findFirst({ where: { invoiceId, plan: { status: { in: [...CURRENT_PLAN_STATUSES] }, customerId } }, select: { planId: true } });
}
