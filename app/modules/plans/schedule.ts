// Instalment schedules for self-serve plans. Instalment 1 is due today; amounts add up to the balance plus
// the plan fee exactly, odd cents go to the first instalments (and the schedule says which), the fee is
// taken from the first instalments first, and monthly dates keep to the first date's day (31 Jan, 28 Feb, 31 Mar).
import { addDays, addMonths, daysBetween, type CalendarDate } from "~/modules/dates/calendar";
import type { MessageKey } from "~/modules/i18n/messages/en";
import type { ErrorValue, Refusal } from "~/modules/i18n/refusal";
import { applyBps, splitEvenly, type Cents } from "~/modules/money/money";

export type Frequency = "WEEKLY" | "BIWEEKLY" | "MONTHLY";

export type PlanRules = {
  enabled: boolean;
  minBalanceCents: Cents;
  minInstalments: number;
  maxInstalments: number;
  frequencies: readonly Frequency[];
  maxDurationDays: number;
  minFirstPaymentBps: number;
  minFirstPaymentCents: Cents;
  feeCents: Cents;
};

export type Instalment = { sequence: number; dueDate: CalendarDate; amountCents: Cents; feeCents: Cents };
export type Schedule = { instalments: Instalment[]; principalCents: Cents; feeCents: Cents; totalCents: Cents; lastDate: CalendarDate };

/** A schedule the rules refuse: the message key and values say why, in the reader's language (refusal.ts). */
export class PlanRuleError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: Record<string, ErrorValue> = {},
  ) {
    super(key);
  }

  get refusal(): Refusal {
    return { key: this.key, values: this.values };
  }
}

export function dueDateOf(first: CalendarDate, frequency: Frequency, index: number): CalendarDate {
  if (frequency === "WEEKLY") return addDays(first, 7 * index);
  if (frequency === "BIWEEKLY") return addDays(first, 14 * index);
  return addMonths(first, index);
}

/**
 * The rules for a plan in `currency` (decision 033): the fixed amounts (minimum balance, smallest first payment,
 * plan fee) are in the business's currency and do not apply in another one; the percentage of the first payment,
 * the counts and the durations apply in every currency.
 */
export function rulesIn(rules: PlanRules, currency: string, businessCurrency: string): PlanRules {
  return currency === businessCurrency ? rules : { ...rules, minBalanceCents: 0, minFirstPaymentCents: 0, feeCents: 0 };
}

/** The first instalment the rules require: the larger of the amount and the share of the total. */
export function minimumFirstPayment(rules: PlanRules, totalCents: Cents): Cents {
  return Math.min(totalCents, Math.max(rules.minFirstPaymentCents, applyBps(totalCents, rules.minFirstPaymentBps, "up")));
}

export function buildSchedule(rules: PlanRules, balanceCents: Cents, count: number, frequency: Frequency, today: CalendarDate, currency = "USD"): Schedule {
  if (!rules.enabled) throw new PlanRuleError("plan.rule.notOffered");
  if (balanceCents < rules.minBalanceCents) throw new PlanRuleError("plan.rule.minBalance", { amount: { cents: rules.minBalanceCents, currency } });
  if (!Number.isInteger(count) || count < rules.minInstalments || count > rules.maxInstalments) {
    throw new PlanRuleError("plan.rule.count", { min: rules.minInstalments, max: rules.maxInstalments });
  }
  if (!rules.frequencies.includes(frequency)) throw new PlanRuleError("plan.rule.frequency");
  const lastDate = dueDateOf(today, frequency, count - 1);
  if (daysBetween(today, lastDate) > rules.maxDurationDays) throw new PlanRuleError("plan.rule.tooLong", { days: rules.maxDurationDays });

  const totalCents = balanceCents + rules.feeCents;
  const even = splitEvenly(totalCents, count);
  const floor = minimumFirstPayment(rules, totalCents);
  const amounts = even[0]! >= floor ? even : [floor, ...splitEvenly(totalCents - floor, count - 1)];
  if (amounts.some((a) => a <= 0)) throw new PlanRuleError("plan.rule.tooSmall");
  let feeLeft = rules.feeCents;
  return {
    instalments: amounts.map((amountCents, i) => {
      const feeCents = Math.min(feeLeft, amountCents);
      feeLeft -= feeCents;
      return { sequence: i + 1, dueDate: dueDateOf(today, frequency, i), amountCents, feeCents };
    }),
    principalCents: balanceCents,
    feeCents: rules.feeCents,
    totalCents,
    lastDate,
  };
}

/** Which instalments carry the cents that do not divide evenly, as a message (key and values); null when they all match. */
export function oddCentsNote(schedule: Schedule, currency = "USD"): Refusal | null {
  const rest = schedule.instalments.slice(1).map((i) => i.amountCents);
  if (rest.length === 0) return null;
  const base = Math.min(...rest);
  const larger = schedule.instalments.filter((i, index) => index > 0 && i.amountCents > base).map((i) => String(i.sequence));
  const first = schedule.instalments[0]!;
  const firstMore = first.amountCents > base;
  if (!firstMore && larger.length === 0) return null;
  const extra = { cents: first.amountCents - base, currency };
  if (firstMore && larger.length === 0) return { key: "plan.oddFirst", values: { amount: extra } };
  const later = { count: larger.length, list: { list: larger }, cent: { cents: 1, currency } };
  if (!firstMore) return { key: "plan.oddLater", values: { count: later.count, list: later.list, amount: later.cent } };
  return { key: "plan.oddBoth", values: { amount: extra, ...later } };
}

/** English names of the frequencies (owner pages); customer pages say them with the catalog (plan.frequency.*). */
export const FREQUENCY_LABELS: Record<Frequency, string> = { WEEKLY: "Every week", BIWEEKLY: "Every two weeks", MONTHLY: "Every month" };
