import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateInZone, type CalendarDate } from "~/modules/dates/calendar";
import { translateRefusal } from "~/modules/i18n/refusal";
import { translator } from "~/modules/i18n/translator.server";
import { buildSchedule, minimumFirstPayment, oddCentsNote, PlanRuleError, type Frequency, type PlanRules, type Schedule } from "./schedule";

const english = translator("en");
const note = (s: Schedule, tr = english) => {
  const found = oddCentsNote(s);
  return found ? translateRefusal(tr, found) : null;
};
/** The refusal of a schedule, in words. */
const refusalOf = (build: () => unknown, tr = english) => {
  try {
    build();
  } catch (error) {
    if (error instanceof PlanRuleError) return translateRefusal(tr, error.refusal);
    throw error;
  }
  return null;
};

const rules: PlanRules = {
  enabled: true,
  minBalanceCents: 10_000,
  minInstalments: 2,
  maxInstalments: 6,
  frequencies: ["WEEKLY", "BIWEEKLY", "MONTHLY"],
  maxDurationDays: 200,
  minFirstPaymentBps: 0,
  minFirstPaymentCents: 0,
  feeCents: 0,
};

describe("instalment schedules", () => {
  it("starts today, adds up exactly, and puts the odd cents on the first instalment", () => {
    const s = buildSchedule(rules, 100_000, 3, "MONTHLY", "2026-01-31" as CalendarDate);
    expect(s.instalments).toEqual([
      { sequence: 1, dueDate: "2026-01-31", amountCents: 33_334, feeCents: 0 },
      { sequence: 2, dueDate: "2026-02-28", amountCents: 33_333, feeCents: 0 },
      { sequence: 3, dueDate: "2026-03-31", amountCents: 33_333, feeCents: 0 },
    ]);
    expect(note(s)).toBe("Instalment 1 is $0.01 more than the others, so that the total is exact.");
  });
  it("keeps to month ends in leap years and adds the plan fee", () => {
    const s = buildSchedule({ ...rules, feeCents: 2_500 }, 60_000, 2, "MONTHLY", "2028-01-31" as CalendarDate);
    expect(s.instalments.map((i) => i.dueDate)).toEqual(["2028-01-31", "2028-02-29"]);
    expect(s.totalCents).toBe(62_500);
    expect(s.instalments.map((i) => i.feeCents)).toEqual([2_500, 0]);
    expect(note(s)).toBeNull();
  });
  it("takes a fee larger than the first instalment from the next ones", () => {
    const s = buildSchedule({ ...rules, minBalanceCents: 0, feeCents: 5_000 }, 1_000, 4, "WEEKLY", "2026-11-22" as CalendarDate);
    expect(s.instalments.map((i) => [i.amountCents, i.feeCents])).toEqual([[1_500, 1_500], [1_500, 1_500], [1_500, 1_500], [1_500, 500]]);
  });
  it("names the later instalments that carry an odd cent", () => {
    const s = buildSchedule({ ...rules, minFirstPaymentBps: 5_000 }, 100_000, 4, "WEEKLY", "2026-11-22" as CalendarDate);
    expect(note(s)).toBe("Instalment 1 is $333.34 more than the others; instalments 2 and 3 are $0.01 more, so that the total is exact.");
  });
  it("raises the first instalment to the owner's minimum", () => {
    const s = buildSchedule({ ...rules, minFirstPaymentBps: 5_000 }, 100_000, 4, "WEEKLY", "2026-11-22" as CalendarDate);
    expect(s.instalments.map((i) => i.amountCents)).toEqual([50_000, 16_667, 16_667, 16_666]);
    expect(minimumFirstPayment({ ...rules, minFirstPaymentCents: 30_000 }, 100_000)).toBe(30_000);
  });
  it("refuses what the rules do not allow, saying what to change", () => {
    expect(refusalOf(() => buildSchedule({ ...rules, enabled: false }, 100_000, 3, "MONTHLY", "2026-11-22" as CalendarDate))).toBe("Payment plans are not offered.");
    expect(refusalOf(() => buildSchedule(rules, 5_000, 3, "MONTHLY", "2026-11-22" as CalendarDate))).toBe("Plans start at a balance of $100.00.");
    expect(refusalOf(() => buildSchedule(rules, 100_000, 7, "MONTHLY", "2026-11-22" as CalendarDate))).toBe("Choose between 2 and 6 instalments.");
    expect(() => buildSchedule({ ...rules, frequencies: ["MONTHLY"] }, 100_000, 3, "WEEKLY", "2026-11-22" as CalendarDate)).toThrow(PlanRuleError);
    expect(refusalOf(() => buildSchedule({ ...rules, maxDurationDays: 60 }, 100_000, 4, "MONTHLY", "2026-11-22" as CalendarDate))).toMatch(/at most 60 days/);
  });
  it("takes today in the business's time zone and keeps calendar days across daylight-saving changes", () => {
    // 23:30 in New York on the night clocks go back (1 November 2026) is already 2 November in UTC.
    const today = dateInZone(new Date("2026-11-02T04:30:00Z"), "America/New_York");
    expect(today).toBe("2026-11-01");
    expect(buildSchedule(rules, 30_000, 3, "WEEKLY", today).instalments.map((i) => i.dueDate)).toEqual(["2026-11-01", "2026-11-08", "2026-11-15"]);
    // Across the spring change (14 March 2027), a week is 7 calendar days, not 168 hours.
    expect(buildSchedule(rules, 30_000, 3, "WEEKLY", "2027-03-07" as CalendarDate).instalments.map((i) => i.dueDate)).toEqual(["2027-03-07", "2027-03-14", "2027-03-21"]);
    expect(buildSchedule(rules, 30_000, 2, "BIWEEKLY", "2027-03-13" as CalendarDate).instalments.map((i) => i.dueDate)).toEqual(["2027-03-13", "2027-03-27"]);
  });
  it("keeps monthly dates on the first date's day, or the month's last day when it is shorter", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 2, max: 6 }), (dayOffset, count) => {
        const today = new Date(Date.UTC(2024, 0, 1 + dayOffset)).toISOString().slice(0, 10) as CalendarDate;
        const firstDay = Number(today.slice(8, 10));
        const s = buildSchedule(rules, 100_000, count, "MONTHLY", today);
        s.instalments.forEach((i, n) => {
          const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 + n];
          const expectedMonth = new Date(Date.UTC(y, m, 1));
          const daysInMonth = new Date(Date.UTC(expectedMonth.getUTCFullYear(), expectedMonth.getUTCMonth() + 1, 0)).getUTCDate();
          expect(i.dueDate.slice(0, 7)).toBe(expectedMonth.toISOString().slice(0, 7));
          expect(Number(i.dueDate.slice(8, 10))).toBe(Math.min(firstDay, daysInMonth));
        });
      }),
    );
  });
  it("always sums to the balance plus fee, never below the minimum first payment, with dates in order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 10 ** 9 }),
        fc.integer({ min: 2, max: 6 }),
        fc.constantFrom<Frequency>("WEEKLY", "BIWEEKLY", "MONTHLY"),
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 3650 }),
        (balance, count, frequency, firstBps, fee, dayOffset) => {
          const today = new Date(Date.UTC(2024, 0, 1 + dayOffset)).toISOString().slice(0, 10) as CalendarDate;
          const r = { ...rules, minFirstPaymentBps: firstBps, feeCents: fee };
          const s = buildSchedule(r, balance, count, frequency, today);
          expect(s.instalments.reduce((sum, i) => sum + i.amountCents, 0)).toBe(balance + fee);
          expect(s.instalments.reduce((sum, i) => sum + i.feeCents, 0)).toBe(fee);
          for (const i of s.instalments) expect(i.feeCents).toBeLessThanOrEqual(i.amountCents);
          expect(s.instalments[0]!.dueDate).toBe(today);
          expect(s.instalments[0]!.amountCents).toBeGreaterThanOrEqual(minimumFirstPayment(r, balance + fee));
          for (let i = 1; i < s.instalments.length; i++) {
            expect(s.instalments[i]!.dueDate > s.instalments[i - 1]!.dueDate).toBe(true);
            expect(s.instalments[i]!.amountCents).toBeGreaterThan(0);
          }
        },
      ),
    );
  });
});
