// Instalment schedules for self-serve plans (issue 4 builds the checkout and the charging job on this).
// Instalment 1 is due today; amounts add up to the balance plus the plan fee exactly, the odd cents go to
// the first instalment (paid now), and monthly dates keep to the first date's day (31 Jan, 28 Feb, 31 Mar).
import { addDays, addMonths, daysBetween, type CalendarDate } from "~/modules/dates/calendar";
import { applyBps, formatMoney, splitEvenly, type Cents } from "~/modules/money/money";

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

export type Instalment = { sequence: number; dueDate: CalendarDate; amountCents: Cents };
export type Schedule = { instalments: Instalment[]; principalCents: Cents; feeCents: Cents; totalCents: Cents; lastDate: CalendarDate };

export class PlanRuleError extends Error {}

export function dueDateOf(first: CalendarDate, frequency: Frequency, index: number): CalendarDate {
  if (frequency === "WEEKLY") return addDays(first, 7 * index);
  if (frequency === "BIWEEKLY") return addDays(first, 14 * index);
  return addMonths(first, index);
}

/** The first instalment the rules require: the larger of the amount and the share of the total. */
export function minimumFirstPayment(rules: PlanRules, totalCents: Cents): Cents {
  return Math.min(totalCents, Math.max(rules.minFirstPaymentCents, applyBps(totalCents, rules.minFirstPaymentBps, "up")));
}

export function buildSchedule(rules: PlanRules, balanceCents: Cents, count: number, frequency: Frequency, today: CalendarDate, currency = "USD"): Schedule {
  const money = (c: Cents) => formatMoney(c, currency);
  if (!rules.enabled) throw new PlanRuleError("Payment plans are not offered.");
  if (balanceCents < rules.minBalanceCents) throw new PlanRuleError(`Plans start at a balance of ${money(rules.minBalanceCents)}.`);
  if (!Number.isInteger(count) || count < rules.minInstalments || count > rules.maxInstalments) {
    throw new PlanRuleError(`Choose between ${rules.minInstalments} and ${rules.maxInstalments} instalments.`);
  }
  if (!rules.frequencies.includes(frequency)) throw new PlanRuleError("That frequency is not offered.");
  const lastDate = dueDateOf(today, frequency, count - 1);
  if (daysBetween(today, lastDate) > rules.maxDurationDays) throw new PlanRuleError(`A plan can last at most ${rules.maxDurationDays} days: choose fewer instalments or a shorter frequency.`);

  const totalCents = balanceCents + rules.feeCents;
  const even = splitEvenly(totalCents, count);
  const floor = minimumFirstPayment(rules, totalCents);
  const amounts = even[0]! >= floor ? even : [floor, ...splitEvenly(totalCents - floor, count - 1)];
  if (amounts.some((a) => a <= 0)) throw new PlanRuleError("The balance is too small for that many instalments.");
  return {
    instalments: amounts.map((amountCents, i) => ({ sequence: i + 1, dueDate: dueDateOf(today, frequency, i), amountCents })),
    principalCents: balanceCents,
    feeCents: rules.feeCents,
    totalCents,
    lastDate,
  };
}
