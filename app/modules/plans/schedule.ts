// Instalment schedules for self-serve plans. Instalment 1 is due today; amounts add up to the balance plus
// the plan fee exactly, odd cents go to the first instalments (and the schedule says which), the fee is
// taken from the first instalments first, and monthly dates keep to the first date's day (31 Jan, 28 Feb, 31 Mar).
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

export type Instalment = { sequence: number; dueDate: CalendarDate; amountCents: Cents; feeCents: Cents };
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

/** Which instalments carry the cents that do not divide evenly, in words; null when they all match. */
export function oddCentsNote(schedule: Schedule, currency = "USD"): string | null {
  const rest = schedule.instalments.slice(1).map((i) => i.amountCents);
  if (rest.length === 0) return null;
  const base = Math.min(...rest);
  const larger = schedule.instalments.filter((i, index) => index > 0 && i.amountCents > base).map((i) => i.sequence);
  const first = schedule.instalments[0]!;
  const parts: string[] = [];
  if (first.amountCents > base) parts.push(`Instalment 1 is ${formatMoney(first.amountCents - base, currency)} more than the others`);
  if (larger.length) parts.push(`instalment${larger.length > 1 ? "s" : ""} ${larger.join(" and ")} ${larger.length > 1 ? "are" : "is"} ${formatMoney(1, currency)} more`);
  if (parts.length === 0) return null;
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}, so that the total is exact.`;
}

export const FREQUENCY_LABELS: Record<Frequency, string> = { WEEKLY: "Every week", BIWEEKLY: "Every two weeks", MONTHLY: "Every month" };
