// The owner's money dashboard, as pure arithmetic on invoice figures and payments (unit-tested against
// hand-computed fixtures). Definitions, in the business's time zone:
// - outstanding: what is owed on issued invoices (balance); overdue: what is due now on overdue ones;
// - aging: each invoice's balance by days past its due date: current (not yet due), 1-30, 31-60, 61-90, 90+;
// - DSO (days sales outstanding, the standard "period method"): outstanding ÷ billed in the last
//   `dsoDays` days × `dsoDays`, rounded to a tenth of a day; null when nothing was billed;
// - realization rate: collected ÷ billed on invoices issued in the last `realizationDays` days, in basis
//   points (10 000 = 100%), rounded down; discounts, write-offs and unpaid balances lower it;
// - collected this month: payments that succeeded from the 1st of the current month to today;
// - bad debt written off: what was left of invoices the owner wrote off as uncollectible, by the day it was
//   written off, this month and in the last 12 months (a settlement's forgiven rest is not bad debt);
// - what led to each payment: its explicit attribution (plan, settlement, early-pay discount), else an open
//   promise, else the last reminder tier sent before it, else "unprompted".
import { addDays, addMonths, daysBetween, type CalendarDate } from "~/modules/dates/calendar";
import type { InvoiceFigures } from "~/modules/invoices/balance";

export const AGING_BUCKETS = ["current", "1-30", "31-60", "61-90", "90+"] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

export type DashboardInvoice = { issueDate: CalendarDate; dueDate: CalendarDate; figures: Pick<InvoiceFigures, "totalCents" | "paidCents" | "balanceCents" | "dueNowCents" | "status"> };
export type DashboardPayment = { amountCents: number; succeededOn: CalendarDate; source: PaymentSource };
export type PaymentSource = { kind: "plan" | "settlement" | "discount" | "promise" | "tier" | "unprompted"; tier?: string };

export function agingBucket(dueDate: CalendarDate, today: CalendarDate): AgingBucket {
  const late = daysBetween(dueDate, today);
  if (late <= 0) return "current";
  if (late <= 30) return "1-30";
  if (late <= 60) return "31-60";
  if (late <= 90) return "61-90";
  return "90+";
}

export function sourceLabel(source: PaymentSource): string {
  switch (source.kind) {
    case "plan":
      return "Payment plan";
    case "settlement":
      return "Settlement offer";
    case "discount":
      return "Early-pay discount";
    case "promise":
      return "Promise to pay";
    case "tier":
      return `After the ${source.tier ?? "reminder"}`;
    default:
      return "Before any reminder";
  }
}

/** Where a payment came from: the explicit attribution first, then a promise, then the last reminder. */
export function paymentSource(input: { attribution: string | null; hadOpenPromise: boolean; lastTierName: string | null }): PaymentSource {
  const a = input.attribution ?? "";
  if (a.startsWith("plan:")) return { kind: "plan" };
  if (a.startsWith("settlement:")) return { kind: "settlement" };
  if (a === "early-pay-discount") return { kind: "discount" };
  if (input.hadOpenPromise) return { kind: "promise" };
  if (input.lastTierName) return { kind: "tier", tier: input.lastTierName };
  return { kind: "unprompted" };
}

export type Dashboard = ReturnType<typeof dashboardFigures>;
type DashboardInput = Parameters<typeof dashboardFigures>[0];
type WithCurrency<T> = T & { currency: string };

/**
 * The dashboard once per currency (decision 033): each figure adds only amounts in that currency, and nothing is
 * converted. The business's currency comes first and is always there; the others follow by code.
 */
export function dashboardByCurrency(
  input: Omit<DashboardInput, "invoices" | "payments" | "refunds" | "disputes" | "badDebts"> & {
    businessCurrency: string;
    invoices: readonly WithCurrency<DashboardInvoice>[];
    payments: readonly WithCurrency<DashboardPayment>[];
    refunds?: readonly WithCurrency<NonNullable<DashboardInput["refunds"]>[number]>[];
    disputes?: readonly WithCurrency<NonNullable<DashboardInput["disputes"]>[number]>[];
    badDebts?: readonly WithCurrency<NonNullable<DashboardInput["badDebts"]>[number]>[];
  },
): { currency: string; figures: Dashboard }[] {
  const { businessCurrency, invoices, payments, refunds = [], disputes = [], badDebts = [], ...rest } = input;
  const codes = new Set<string>([businessCurrency]);
  for (const list of [invoices, payments, refunds, disputes, badDebts]) for (const item of list) codes.add(item.currency);
  const order = [businessCurrency, ...[...codes].filter((c) => c !== businessCurrency).sort()];
  const only = <T extends { currency: string }>(list: readonly T[], code: string) => list.filter((item) => item.currency === code);
  return order.map((currency) => ({
    currency,
    figures: dashboardFigures({ ...rest, invoices: only(invoices, currency), payments: only(payments, currency), refunds: only(refunds, currency), disputes: only(disputes, currency), badDebts: only(badDebts, currency) }),
  }));
}

export function dashboardFigures(input: {
  today: CalendarDate;
  invoices: readonly DashboardInvoice[];
  payments: readonly DashboardPayment[];
  /** Money given back: a refund that went through this month comes off what was collected this month. */
  refunds?: readonly { amountCents: number; succeededOn: CalendarDate }[];
  /**
   * Chargebacks (inquiries left out: they withdraw nothing): one opened this month and not won comes off what was
   * collected this month, and so does its fee, which the business pays whatever the outcome.
   */
  disputes?: readonly { amountCents: number; feeCents: number; status: "OPEN" | "WON" | "LOST"; openedOn: CalendarDate }[];
  /** Invoices written off as uncollectible: the amount and the day. */
  badDebts?: readonly { amountCents: number; writtenOffOn: CalendarDate }[];
  dsoDays?: number;
  realizationDays?: number;
}) {
  const { today } = input;
  const dsoDays = input.dsoDays ?? 90;
  const realizationDays = input.realizationDays ?? 365;
  const open = input.invoices.filter((i) => i.figures.status !== "VOID" && i.figures.status !== "DRAFT");

  const outstandingCents = open.reduce((s, i) => s + i.figures.balanceCents, 0);
  const overdueCents = open.filter((i) => i.figures.status === "OVERDUE").reduce((s, i) => s + i.figures.dueNowCents, 0);
  const aging = Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0])) as Record<AgingBucket, number>;
  for (const i of open) if (i.figures.balanceCents > 0) aging[agingBucket(i.dueDate, today)] += i.figures.balanceCents;

  const dsoFrom = addDays(today, -(dsoDays - 1));
  const billedForDso = open.filter((i) => i.issueDate >= dsoFrom && i.issueDate <= today).reduce((s, i) => s + i.figures.totalCents, 0);
  const dso = billedForDso > 0 ? Math.round((outstandingCents / billedForDso) * dsoDays * 10) / 10 : null;

  const realizationFrom = addDays(today, -(realizationDays - 1));
  const billedWindow = open.filter((i) => i.issueDate >= realizationFrom && i.issueDate <= today);
  const billedCents = billedWindow.reduce((s, i) => s + i.figures.totalCents, 0);
  const collectedOnBilledCents = billedWindow.reduce((s, i) => s + Math.min(i.figures.paidCents, i.figures.totalCents), 0);
  const realizationBps = billedCents > 0 ? Math.floor((collectedOnBilledCents * 10_000) / billedCents) : null;

  const monthStart = `${today.slice(0, 7)}-01` as CalendarDate;
  const thisMonth = input.payments.filter((p) => p.succeededOn >= monthStart && p.succeededOn <= today);
  const refundedThisMonthCents = (input.refunds ?? []).filter((r) => r.succeededOn >= monthStart && r.succeededOn <= today).reduce((s, r) => s + r.amountCents, 0);
  const disputes = input.disputes ?? [];
  const disputedThisMonth = disputes.filter((d) => d.openedOn >= monthStart && d.openedOn <= today);
  const chargedBackThisMonthCents = disputedThisMonth.filter((d) => d.status !== "WON").reduce((s, d) => s + d.amountCents, 0);
  const disputeFeesThisMonthCents = disputedThisMonth.reduce((s, d) => s + d.feeCents, 0);
  const collectedThisMonthCents = thisMonth.reduce((s, p) => s + p.amountCents, 0) - refundedThisMonthCents - chargedBackThisMonthCents - disputeFeesThisMonthCents;
  const openDisputes = disputes.filter((d) => d.status === "OPEN");

  const badDebts = (input.badDebts ?? []).filter((b) => b.writtenOffOn <= today);
  const yearFrom = addDays(addMonths(today, -12), 1);
  const badDebtThisMonthCents = badDebts.filter((b) => b.writtenOffOn >= monthStart).reduce((s, b) => s + b.amountCents, 0);
  const badDebtLast12MonthsCents = badDebts.filter((b) => b.writtenOffOn >= yearFrom).reduce((s, b) => s + b.amountCents, 0);

  const bySource = new Map<string, { label: string; count: number; amountCents: number }>();
  for (const p of input.payments) {
    const label = sourceLabel(p.source);
    const row = bySource.get(label) ?? { label, count: 0, amountCents: 0 };
    row.count += 1;
    row.amountCents += p.amountCents;
    bySource.set(label, row);
  }

  return {
    outstandingCents,
    overdueCents,
    aging,
    dso,
    dsoDays,
    billedCents,
    collectedOnBilledCents,
    realizationBps,
    realizationDays,
    collectedThisMonthCents,
    refundedThisMonthCents,
    chargedBackThisMonthCents,
    disputeFeesThisMonthCents,
    underDisputeCents: openDisputes.reduce((s, d) => s + d.amountCents, 0),
    openDisputeCount: openDisputes.length,
    disputesLostCents: disputes.filter((d) => d.status === "LOST").reduce((s, d) => s + d.amountCents, 0),
    disputeFeesCents: disputes.reduce((s, d) => s + d.feeCents, 0),
    badDebtThisMonthCents,
    badDebtLast12MonthsCents,
    collectedThisMonthCount: thisMonth.length,
    sources: [...bySource.values()].sort((a, b) => b.amountCents - a.amountCents),
  };
}
