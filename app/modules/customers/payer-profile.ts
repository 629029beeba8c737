// A customer's payer profile, computed from their history (never stored): how often they pay on time, how
// late they are when they are late, and the promises and plans they broke. It sorts each customer into one
// of the playbook's groups so the owner can treat them accordingly (deposit, no plans, a call).
import { daysBetween, type CalendarDate } from "~/modules/dates/calendar";

export type PayerHistory = {
  /** Issued invoices that are fully paid, with the business-zone day the last payment on them succeeded. */
  paidInvoices: readonly { dueDate: CalendarDate; paidOn: CalendarDate }[];
  /** Issued invoices still owed and past their due date, with whole days overdue so far (≥ 1). */
  overdueInvoices: readonly { daysOverdue: number }[];
  promisesKept: number;
  promisesBroken: number;
  plansCompleted: number;
  plansDefaulted: number;
  /** Bank payments returned after they had gone through, and chargebacks lost (issue 18): money that came back out. */
  paymentsReturned?: number;
  chargebacksLost?: number;
};

/** "new": nothing to judge yet (no paid or overdue invoice, no promise or plan resolved). */
export type PayerGroup = "new" | "reliable" | "sporadic" | "avoider";

export type PayerProfile = {
  group: PayerGroup;
  /** Invoices the rate is computed over: paid invoices plus open overdue ones (already known to be late). */
  ratedInvoices: number;
  paidOnTime: number;
  /** Share of rated invoices paid by their due date, in basis points (10000 = all), rounded half up; null when none are rated. */
  onTimeRateBps: number | null;
  /** Invoices paid after their due date plus open overdue ones. */
  lateInvoices: number;
  /**
   * Mean days late over late invoices: days from due date to the day paid, and for open overdue invoices the
   * days overdue so far. Rounded half up to one decimal; null when no invoice was late.
   */
  averageDaysLate: number | null;
  longestOverdueDays: number;
  promisesKept: number;
  brokenPromises: number;
  plansCompleted: number;
  brokenPlans: number;
  /** Payments the bank returned after success, plus chargebacks lost: each counts as a broken commitment. */
  paymentsReversed: number;
  /** One line saying why the customer is in the group, e.g. "Paid 9 of 10 invoices on time". */
  reason: string;
};

/**
 * The thresholds, checked in this order:
 * - avoider: broken promises + broken plans ≥ 2; or an open invoice ≥ 60 days overdue; or (with at least
 *   two rated invoices) on time under 50% while ≥ 30 days late on average.
 * - reliable: on time ≥ 90%, ≤ 7 days late on average, no broken promise or plan.
 * - sporadic: everyone else with a history.
 */
export const PAYER_THRESHOLDS = {
  avoiderBrokenCommitments: 2,
  avoiderOverdueDays: 60,
  avoiderMaxOnTimeBps: 5000,
  avoiderMinAverageDaysLate: 30,
  avoiderMinRatedInvoices: 2,
  reliableMinOnTimeBps: 9000,
  reliableMaxAverageDaysLate: 7,
} as const;

export const PAYER_GROUP_LABELS: Record<PayerGroup, string> = {
  new: "New",
  reliable: "Reliable",
  sporadic: "Sporadic",
  avoider: "Avoider",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function brokenText(promises: number, plans: number, reversed = 0) {
  const parts = [promises > 0 ? plural(promises, "promise") : null, plans > 0 ? plural(plans, "plan") : null].filter(Boolean);
  const reversedText = reversed > 0 ? `${plural(reversed, "payment")} reversed (bank return or chargeback)` : null;
  if (parts.length === 0) return reversedText ?? "";
  return `broke ${parts.join(" and ")}${reversedText ? `; ${reversedText}` : ""}`;
}

export function computePayerProfile(history: PayerHistory): PayerProfile {
  const T = PAYER_THRESHOLDS;
  const paidLateDays = history.paidInvoices.map((i) => daysBetween(i.dueDate, i.paidOn)).filter((d) => d > 0);
  const overdueDays = history.overdueInvoices.map((i) => i.daysOverdue);
  const lateDays = [...paidLateDays, ...overdueDays];
  const ratedInvoices = history.paidInvoices.length + history.overdueInvoices.length;
  const paidOnTime = history.paidInvoices.length - paidLateDays.length;
  const onTimeRateBps = ratedInvoices === 0 ? null : Math.floor((paidOnTime * 20000 + ratedInvoices) / (2 * ratedInvoices));
  const averageDaysLate = lateDays.length === 0 ? null : Math.floor((lateDays.reduce((s, d) => s + d, 0) * 20 + lateDays.length) / (2 * lateDays.length)) / 10;
  const longestOverdueDays = Math.max(0, ...overdueDays);
  const brokenPromises = history.promisesBroken;
  const brokenPlans = history.plansDefaulted;
  const paymentsReversed = (history.paymentsReturned ?? 0) + (history.chargebacksLost ?? 0);

  const profile = {
    ratedInvoices,
    paidOnTime,
    onTimeRateBps,
    lateInvoices: lateDays.length,
    averageDaysLate,
    longestOverdueDays,
    promisesKept: history.promisesKept,
    brokenPromises,
    plansCompleted: history.plansCompleted,
    brokenPlans,
    paymentsReversed,
  };
  const onTime = `Paid ${paidOnTime} of ${plural(ratedInvoices, "invoice")} on time`;
  const late = averageDaysLate === null ? "" : `, ${averageDaysLate} days late on average`;
  const broken = brokenPromises + brokenPlans + paymentsReversed;

  if (ratedInvoices === 0 && broken === 0 && history.promisesKept === 0 && history.plansCompleted === 0) {
    return { ...profile, group: "new", reason: "No paid or overdue invoices yet" };
  }
  if (broken >= T.avoiderBrokenCommitments) {
    const text = brokenText(brokenPromises, brokenPlans, paymentsReversed);
    return { ...profile, group: "avoider", reason: text.charAt(0).toUpperCase() + text.slice(1) };
  }
  if (longestOverdueDays >= T.avoiderOverdueDays) {
    return { ...profile, group: "avoider", reason: `An invoice is ${longestOverdueDays} days overdue` };
  }
  if (
    ratedInvoices >= T.avoiderMinRatedInvoices &&
    onTimeRateBps !== null &&
    onTimeRateBps < T.avoiderMaxOnTimeBps &&
    averageDaysLate !== null &&
    averageDaysLate >= T.avoiderMinAverageDaysLate
  ) {
    return { ...profile, group: "avoider", reason: `${onTime}${late}` };
  }
  const onTimeEnough = onTimeRateBps === null || onTimeRateBps >= T.reliableMinOnTimeBps;
  const lateLittle = averageDaysLate === null || averageDaysLate <= T.reliableMaxAverageDaysLate;
  if (onTimeEnough && lateLittle && broken === 0) {
    return { ...profile, group: "reliable", reason: ratedInvoices === 0 ? "Kept every promise and plan so far" : onTime };
  }
  const why = ratedInvoices === 0 ? "No invoice rated yet" : `${onTime}${late}`;
  return { ...profile, group: "sporadic", reason: broken > 0 ? `${why}; ${brokenText(brokenPromises, brokenPlans, paymentsReversed)}` : why };
}

/** "90%" or "87.5%": a rate in basis points for people. */
export function formatRate(bps: number | null) {
  if (bps === null) return "—";
  return `${bps % 100 === 0 ? bps / 100 : (bps / 100).toFixed(bps % 10 === 0 ? 1 : 2)}%`;
}
