// What the portal shows of plans: the quote a customer builds a plan from, their plans, and one plan.
import { fromDbDate, type CalendarDate } from "~/modules/dates/calendar";
import { listCustomerInvoices } from "~/modules/invoices/invoices.server";
import { savedMethodParts } from "~/modules/payments/method-text";
import { currencyOfInvoices, onlineMethodOf, type OnlineMethod } from "~/modules/payments/pricing";
import { today } from "~/utils/clock.server";
import { Prisma, type PlanPolicy } from "~/generated/prisma/client";
import { db, modelColumns, readRows } from "~/utils/db.server";
import { CURRENT_PLAN_STATUSES, decideEligibility, describeSavedMethod, type EligibilityCustomer, instalmentCharge, planEligibility, planPrincipal } from "./plans.server";
import { getPlanPolicy, rulesOf } from "./policy.server";
import { rulesIn, type Frequency } from "./schedule";

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
    SEPA_DEBIT: await planPrincipal(business.id, invoices, "SEPA_DEBIT", day, db),
  } satisfies Record<OnlineMethod, unknown>;
  return {
    allowed: eligibility.allowed,
    refusal: eligibility.allowed ? null : eligibility.refusal,
    rules: rulesIn(rulesOf(eligibility.policy), currencyOfInvoices(invoices, business.currency) ?? business.currency, business.currency),
    today: day,
    timeZone: business.timeZone,
    businessName: business.name,
    // The invoices' currency decides the methods offered (startPlan refuses invoices of two currencies).
    currency: currencyOfInvoices(invoices, business.currency) ?? business.currency,
    pricing: { cardSurchargeBps: business.cardSurchargeBps, achDiscountBps: business.achDiscountBps },
    invoices: invoices.map((i) => ({ id: i.id, number: i.number, dueDate: i.dueDate, dueNowCents: i.figures.dueNowCents, overdue: i.figures.status === "OVERDUE" })),
    dueCents: principal.CARD.dueCents,
    principalCents: { CARD: principal.CARD.principalCents, US_BANK_ACCOUNT: principal.US_BANK_ACCOUNT.principalCents, SEPA_DEBIT: principal.SEPA_DEBIT.principalCents },
    discountCents: { CARD: principal.CARD.discountCents, US_BANK_ACCOUNT: principal.US_BANK_ACCOUNT.discountCents, SEPA_DEBIT: principal.SEPA_DEBIT.discountCents },
  };
}

/** Whether a "Pay over time" offer makes sense for these invoices (to show the link at all). */
export async function canOfferPlan(customerId: string, invoiceIds: readonly string[], loaded?: EligibilityCustomer) {
  if (invoiceIds.length === 0) return false;
  const eligibility = await planEligibility(customerId, invoiceIds, db, loaded);
  return eligibility.allowed;
}

type PlanStatus = "PENDING" | "ACTIVE" | "COMPLETED" | "DEFAULTED" | "CANCELLED";
type PlanRow = {
  id: string;
  status: PlanStatus;
  frequency: Frequency;
  instalmentCount: number;
  method: { type: string; brand: string | null; last4: string; bankName: string | null } | null;
  instalments: { sequence: number; dueDate: CalendarDate; amountCents: number; feeCents: number; status: string; nextAttemptOn: CalendarDate | null }[];
  invoices: { id: string; number: string }[];
};

// The business's plan policy, the customer's latest broken plan and their plans with instalments, saved method
// and invoices: one statement, on every portal home page (docs/decisions/018-hot-reads.md).
export const PLAN_ACCOUNT_SQL = `
  select ${modelColumns(Prisma.PlanPolicyScalarFieldEnum, "pp", { frequencies: "text[]" })},
    (select max(x."defaultedAt") from "Plan" x where x."customerId" = $2 and x.status = 'DEFAULTED') as "lastDefaultedAt",
    coalesce((select json_agg(json_build_object(
        'id', p.id, 'status', p.status, 'frequency', p.frequency, 'instalmentCount', p."instalmentCount",
        'method', case when pm.id is null then null else json_build_object('type', pm.type, 'brand', pm.brand, 'last4', pm.last4, 'bankName', pm."bankName") end,
        'instalments', coalesce((select json_agg(json_build_object('sequence', x.sequence, 'dueDate', x."dueDate", 'amountCents', x."amountCents", 'feeCents', x."feeCents",
          'status', x.status, 'nextAttemptOn', x."nextAttemptOn") order by x.sequence) from "Instalment" x where x."planId" = p.id), '[]'),
        'invoices', coalesce((select json_agg(json_build_object('id', i.id, 'number', i.number) order by i.number)
          from "PlanInvoice" pi join "Invoice" i on i.id = pi."invoiceId" where pi."planId" = p.id), '[]')
      ) order by p."createdAt" desc, p.id)
      from "Plan" p left join "PaymentMethod" pm on pm.id = p."paymentMethodId"
      where p."customerId" = $2 and p.status <> 'PENDING'), '[]') as plans
  from (select 1) as one left join "PlanPolicy" pp on pp."businessId" = $1`;

export type PlanAccount = Awaited<ReturnType<typeof loadPlanAccount>>;
export type PlanSummary = PlanAccount["plans"][number];

/**
 * A customer's plans, newest first, with the next charge of a current one, and what deciding on a new plan
 * needs besides (planOffered): one statement.
 */
export async function loadPlanAccount(customer: { id: string; businessId: string }, pricing: { cardSurchargeBps: number; achDiscountBps: number }) {
  const [row] = await readRows<PlanAccountRow>(PLAN_ACCOUNT_SQL, [customer.businessId, customer.id]);
  const account = planAccountFromRow(row!, pricing);
  return account.policy ? { ...account, policy: account.policy } : { ...account, policy: await getPlanPolicy(customer.businessId) };
}

export type PlanAccountRow = PlanPolicy & { lastDefaultedAt: Date | null; plans: PlanRow[] };

/** The plan account from PLAN_ACCOUNT_SQL's row (also the bench's bare server's); `policy` is null when the business never saved one. */
export function planAccountFromRow(row: PlanAccountRow, pricing: { cardSurchargeBps: number; achDiscountBps: number }) {
  const { lastDefaultedAt, plans: rows, ...saved } = row;
  const plans = rows.map((p) => {
    const method: OnlineMethod = onlineMethodOf(p.method?.type);
    const next = p.status === "ACTIVE" ? p.instalments.find((i) => i.status === "SCHEDULED" || i.status === "FAILED") : undefined;
    return {
      id: p.id,
      status: p.status,
      frequency: p.frequency,
      instalmentCount: p.instalmentCount,
      paidCount: p.instalments.filter((i) => i.status === "PAID").length,
      invoices: p.invoices,
      methodText: describeSavedMethod(p.method),
      savedMethod: savedMethodParts(p.method),
      missed: p.status === "ACTIVE" && p.instalments.some((i) => i.status === "FAILED"),
      next: next ? { sequence: next.sequence, on: (next.status === "FAILED" && next.nextAttemptOn ? next.nextAttemptOn : next.dueDate) as CalendarDate | null, amountCents: instalmentCharge(next, method, pricing).totalCents } : null,
    };
  });
  return { plans, policy: saved.businessId ? (saved as PlanPolicy) : null, lastDefaultedAt };
}

/**
 * Whether to offer "Pay over time" for these invoices of the customer, from their plan account: the same rules
 * as planEligibility, which setting up the plan checks again in its transaction. The customer's invoices can only
 * be on their own plans, so which are on a current plan is read from the account.
 */
export function planOffered(account: PlanAccount, customer: EligibilityCustomer, invoiceIds: readonly string[]) {
  if (invoiceIds.length === 0) return false;
  const current = account.plans.filter((p) => (CURRENT_PLAN_STATUSES as readonly string[]).includes(p.status));
  const onPlanNumbers = current.flatMap((p) => p.invoices.filter((i) => invoiceIds.includes(i.id)).map((i) => i.number));
  return decideEligibility(customer, { policy: account.policy, lastDefaultedAt: account.lastDefaultedAt, onPlanNumbers }).allowed;
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
  const method: OnlineMethod = onlineMethodOf(plan.paymentMethod?.type);
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
    acceptedAt: plan.acceptedAt,
    cancelReason: plan.cancelReason,
    method,
    methodText: describeSavedMethod(plan.paymentMethod),
    savedMethod: savedMethodParts(plan.paymentMethod),
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
