// The owner's view of payment plans: the list with what each plan charges next, and one plan's schedule,
// payments and history. Every query is scoped to the owner's business.
import type { InstalmentStatus, PaymentMethod, PlanStatus } from "~/generated/prisma/client";
import { dateInZone, fromDbDate } from "~/modules/dates/calendar";
import { onlineMethodOf, type MethodPricing } from "~/modules/payments/pricing";
import { db } from "~/utils/db.server";
import { describeSavedMethod, instalmentCharge } from "./plans.server";

type InstalmentRow = { sequence: number; dueDate: Date; amountCents: number; feeCents: number; status: InstalmentStatus; attempts: number; nextAttemptOn: Date | null; lastFailure: string | null };
type PlanRow = {
  status: PlanStatus;
  createdAt: Date;
  activatedAt: Date | null;
  completedAt: Date | null;
  defaultedAt: Date | null;
  cancelledAt: Date | null;
  paymentMethod: PaymentMethod | null;
  instalments: InstalmentRow[];
};

const methodOf = (pm: PaymentMethod | null) => onlineMethodOf(pm?.type);
const usable = (pm: PaymentMethod | null) => (pm && !pm.detachedAt ? pm : null);

/** What the plan has collected and what is still to collect; an ended plan collects nothing more. */
function progressOf(plan: PlanRow) {
  const paid = plan.instalments.filter((i) => i.status === "PAID");
  const paidCents = paid.reduce((s, i) => s + i.amountCents, 0);
  const totalCents = plan.instalments.reduce((s, i) => s + i.amountCents, 0);
  return {
    paidCount: paid.length,
    processingCount: plan.instalments.filter((i) => i.status === "PROCESSING").length,
    totalCount: plan.instalments.length,
    paidCents,
    totalCents,
    leftCents: plan.status === "COMPLETED" ? 0 : totalCents - paidCents,
  };
}

/** The next off-session charge of an ACTIVE plan: a scheduled instalment's due date or a failed one's retry. */
function nextChargeOf(plan: PlanRow, pricing: MethodPricing) {
  if (plan.status !== "ACTIVE") return null;
  const candidates = plan.instalments.flatMap((i) => {
    if (i.status === "SCHEDULED") return [{ i, on: fromDbDate(i.dueDate) }];
    if (i.status === "FAILED" && i.nextAttemptOn) return [{ i, on: fromDbDate(i.nextAttemptOn) }];
    return [];
  });
  const next = candidates.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.i.sequence - b.i.sequence))[0];
  if (!next) return null;
  const pm = usable(plan.paymentMethod);
  return {
    sequence: next.i.sequence,
    on: next.on,
    isRetry: next.i.status === "FAILED",
    amountCents: instalmentCharge(next.i, methodOf(pm), pricing).totalCents,
    methodText: pm ? describeSavedMethod(pm) : null,
  };
}

function failingOf(plan: PlanRow) {
  const failed = plan.instalments.find((i) => i.status === "FAILED");
  if (!failed) return null;
  return { sequence: failed.sequence, attempts: failed.attempts, lastFailure: failed.lastFailure, nextAttemptOn: failed.nextAttemptOn ? fromDbDate(failed.nextAttemptOn) : null };
}

function endedAtOf(plan: PlanRow) {
  return plan.completedAt ?? plan.defaultedAt ?? plan.cancelledAt ?? null;
}

async function businessOf(businessId: string) {
  const business = await db.business.findUniqueOrThrow({ where: { id: businessId }, select: { timeZone: true, cardSurchargeBps: true, achDiscountBps: true } });
  return { timeZone: business.timeZone, pricing: { cardSurchargeBps: business.cardSurchargeBps, achDiscountBps: business.achDiscountBps } };
}

/** The business's plans, newest first, with counts per status for the filter tabs. */
export async function listPlans(businessId: string, options: { status?: PlanStatus | "ALL"; customerId?: string } = {}) {
  const status = options.status ?? "ALL";
  const { timeZone, pricing } = await businessOf(businessId);
  const scope = { businessId, ...(options.customerId ? { customerId: options.customerId } : {}) };
  const [plans, grouped] = await Promise.all([
    db.plan.findMany({
      where: { ...scope, ...(status === "ALL" ? {} : { status }) },
      include: {
        customer: { select: { id: true, name: true, companyName: true } },
        paymentMethod: true,
        invoices: { include: { invoice: { select: { id: true, number: true } } }, orderBy: { invoice: { number: "asc" } } },
        instalments: { orderBy: { sequence: "asc" } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    }),
    db.plan.groupBy({ by: ["status"], where: scope, _count: { _all: true } }),
  ]);
  const counts: Record<PlanStatus | "ALL", number> = { PENDING: 0, ACTIVE: 0, COMPLETED: 0, DEFAULTED: 0, CANCELLED: 0, ALL: 0 };
  for (const g of grouped) {
    counts[g.status] = g._count._all;
    counts.ALL += g._count._all;
  }
  return {
    counts,
    plans: plans.map((plan) => {
      const ended = endedAtOf(plan);
      return {
        id: plan.id,
        status: plan.status,
        frequency: plan.frequency,
        currency: plan.currency,
        customer: plan.customer,
        invoiceNumbers: plan.invoices.map((i) => i.invoice.number),
        progress: progressOf(plan),
        nextCharge: nextChargeOf(plan, pricing),
        failing: plan.status === "ACTIVE" ? failingOf(plan) : null,
        createdOn: dateInZone(plan.createdAt, timeZone),
        activatedOn: plan.activatedAt ? dateInZone(plan.activatedAt, timeZone) : null,
        endedOn: ended ? dateInZone(ended, timeZone) : null,
      };
    }),
  };
}

export type OwnerPlanRow = Awaited<ReturnType<typeof listPlans>>["plans"][number];

/** One plan as the owner sees it; a plan of another business is a 404. */
export async function getPlanForOwner(businessId: string, planId: string) {
  const plan = await db.plan.findFirst({
    where: { id: planId, businessId },
    include: {
      customer: { select: { id: true, name: true, companyName: true, email: true } },
      paymentMethod: true,
      invoices: { include: { invoice: { select: { id: true, number: true, dueDate: true } } }, orderBy: { invoice: { number: "asc" } } },
      instalments: {
        orderBy: { sequence: "asc" },
        include: {
          payments: {
            orderBy: { createdAt: "asc" },
            select: { id: true, status: true, amountCents: true, methodDetails: true, method: true, offSession: true, failureMessage: true, receiptNumber: true, createdAt: true },
          },
        },
      },
    },
  });
  if (!plan) throw new Response("Not found", { status: 404 });
  const { timeZone, pricing } = await businessOf(businessId);
  const [events, cancelledBy] = await Promise.all([
    db.activityEvent.findMany({ where: { businessId, data: { path: ["planId"], equals: plan.id } }, orderBy: { id: "desc" }, take: 200 }),
    plan.cancelledById ? db.user.findFirst({ where: { id: plan.cancelledById, businessId }, select: { name: true } }) : null,
  ]);
  const ended = endedAtOf(plan);
  const pm = plan.paymentMethod;
  return {
    id: plan.id,
    status: plan.status,
    frequency: plan.frequency,
    instalmentCount: plan.instalmentCount,
    currency: plan.currency,
    principalCents: plan.principalCents,
    feeCents: plan.feeCents,
    termsText: plan.termsText,
    acceptedAt: plan.acceptedAt,
    cancelReason: plan.cancelReason,
    cancelledBy: cancelledBy?.name ?? null,
    customer: plan.customer,
    method: pm ? { text: describeSavedMethod(pm), type: pm.type, removed: pm.detachedAt !== null } : null,
    invoices: plan.invoices.map((i) => ({ id: i.invoice.id, number: i.invoice.number, amountCents: i.amountCents })),
    progress: progressOf(plan),
    nextCharge: nextChargeOf(plan, pricing),
    failing: plan.status === "ACTIVE" ? failingOf(plan) : null,
    createdOn: dateInZone(plan.createdAt, timeZone),
    activatedOn: plan.activatedAt ? dateInZone(plan.activatedAt, timeZone) : null,
    endedOn: ended ? dateInZone(ended, timeZone) : null,
    schedule: plan.instalments.map((i) => ({
      id: i.id,
      sequence: i.sequence,
      dueDate: fromDbDate(i.dueDate),
      amountCents: i.amountCents,
      feeCents: i.feeCents,
      chargeCents: instalmentCharge(i, methodOf(pm), pricing).totalCents,
      status: i.status,
      attempts: i.attempts,
      lastFailure: i.lastFailure,
      nextAttemptOn: i.nextAttemptOn ? fromDbDate(i.nextAttemptOn) : null,
      paidOn: i.paidAt ? dateInZone(i.paidAt, timeZone) : null,
      payments: i.payments,
    })),
    history: historyOf(events),
  };
}

/**
 * The plan's activity, newest first. A plan over several invoices logs one row per invoice for the same
 * moment: those read as one entry.
 */
function historyOf(events: { id: bigint; type: string; summary: string; actor: string; occurredAt: Date }[]) {
  const entries: { id: string; type: string; summary: string; actor: string; occurredAt: Date }[] = [];
  for (const e of events) {
    const last = entries.at(-1);
    if (last && last.type === e.type && last.summary === e.summary && Math.abs(last.occurredAt.getTime() - e.occurredAt.getTime()) < 5_000) continue;
    entries.push({ id: e.id.toString(), type: e.type, summary: e.summary, actor: e.actor, occurredAt: e.occurredAt });
  }
  return entries;
}

export type OwnerPlanDetail = Awaited<ReturnType<typeof getPlanForOwner>>;
