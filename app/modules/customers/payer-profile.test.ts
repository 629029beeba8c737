import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, type CalendarDate } from "~/modules/dates/calendar";
import { computePayerProfile, formatRate, type PayerGroup, type PayerHistory } from "./payer-profile";

const DUE = "2026-06-30" as CalendarDate;
/** A paid invoice due on 30 June, paid `late` days after (0 = on the due day, negative = early). */
const paid = (late: number) => ({ dueDate: DUE, paidOn: addDays(DUE, late) });
const history = (h: Partial<PayerHistory>): PayerHistory => ({
  paidInvoices: [],
  overdueInvoices: [],
  promisesKept: 0,
  promisesBroken: 0,
  plansCompleted: 0,
  plansDefaulted: 0,
  ...h,
});

describe("computePayerProfile, against hand-computed fixtures", () => {
  it("a customer with no history is new, with no rate and no average", () => {
    expect(computePayerProfile(history({}))).toMatchObject({
      group: "new",
      ratedInvoices: 0,
      onTimeRateBps: null,
      averageDaysLate: null,
      reason: "No paid or overdue invoices yet",
    });
  });

  it("9 of 10 paid on time, one 3 days late: 90%, 3 days, reliable", () => {
    const p = computePayerProfile(history({ paidInvoices: [...Array.from({ length: 9 }, () => paid(-2)), paid(3)] }));
    expect(p).toMatchObject({ group: "reliable", ratedInvoices: 10, paidOnTime: 9, onTimeRateBps: 9000, lateInvoices: 1, averageDaysLate: 3 });
    expect(p.reason).toBe("Paid 9 of 10 invoices on time");
  });

  it("paying on the due day itself is on time", () => {
    expect(computePayerProfile(history({ paidInvoices: [paid(0)] }))).toMatchObject({ group: "reliable", onTimeRateBps: 10000, averageDaysLate: null, reason: "Paid 1 of 1 invoice on time" });
  });

  it("counts open overdue invoices as late, by the days overdue so far", () => {
    // Rated: 3 paid + 1 overdue = 4; on time 1 → 2500 bps; late days 5, 10, 15 → 10.
    const p = computePayerProfile(history({ paidInvoices: [paid(0), paid(5), paid(10)], overdueInvoices: [{ daysOverdue: 15 }] }));
    expect(p).toMatchObject({ group: "sporadic", ratedInvoices: 4, paidOnTime: 1, onTimeRateBps: 2500, lateInvoices: 3, averageDaysLate: 10, longestOverdueDays: 15 });
    expect(p.reason).toBe("Paid 1 of 4 invoices on time, 10 days late on average");
  });

  it("rounds the rate to the nearest basis point and the average to one decimal, half up", () => {
    // 2 of 3 = 6666.67 bps → 6667; late days 1, 2 → 1.5.
    expect(computePayerProfile(history({ paidInvoices: [paid(0), paid(-1), paid(1)], overdueInvoices: [] }))).toMatchObject({ onTimeRateBps: 6667 });
    expect(computePayerProfile(history({ paidInvoices: [paid(1), paid(2)] }))).toMatchObject({ onTimeRateBps: 0, averageDaysLate: 1.5 });
    // Late days 1, 1, 2 → 1.333 → 1.3; 1 of 4 = 2500; 1 of 8 = 1250.
    expect(computePayerProfile(history({ paidInvoices: [paid(1), paid(1), paid(2)] }))).toMatchObject({ averageDaysLate: 1.3 });
    expect(computePayerProfile(history({ paidInvoices: [paid(0), paid(1), paid(1)], overdueInvoices: [{ daysOverdue: 2 }] }))).toMatchObject({ onTimeRateBps: 2500, averageDaysLate: 1.3 });
    expect(computePayerProfile(history({ paidInvoices: [paid(0), ...Array.from({ length: 7 }, () => paid(2))] }))).toMatchObject({ onTimeRateBps: 1250, averageDaysLate: 2 });
    // Late days 1, 2, 2, 2 → 1.75 → 1.8 (half up).
    expect(computePayerProfile(history({ paidInvoices: [paid(1), paid(2), paid(2), paid(2)] }))).toMatchObject({ averageDaysLate: 1.8 });
  });

  it("reliable up to 7 days late on average; 8 makes a 90% payer sporadic", () => {
    const onTime = Array.from({ length: 9 }, () => paid(0));
    expect(computePayerProfile(history({ paidInvoices: [...onTime, paid(7)] })).group).toBe("reliable");
    const p = computePayerProfile(history({ paidInvoices: [...onTime, paid(8)] }));
    expect(p.group).toBe("sporadic");
    expect(p.reason).toBe("Paid 9 of 10 invoices on time, 8 days late on average");
  });

  it("under 90% on time is sporadic even when the late ones were a day late", () => {
    // 8 of 9 = 8888.89 → 8889 bps.
    const p = computePayerProfile(history({ paidInvoices: [...Array.from({ length: 8 }, () => paid(0)), paid(1)] }));
    expect(p).toMatchObject({ group: "sporadic", onTimeRateBps: 8889, averageDaysLate: 1 });
  });

  it("one broken promise makes a punctual payer sporadic and says so", () => {
    const p = computePayerProfile(history({ paidInvoices: Array.from({ length: 5 }, () => paid(0)), promisesBroken: 1, promisesKept: 2 }));
    expect(p).toMatchObject({ group: "sporadic", brokenPromises: 1, promisesKept: 2, brokenPlans: 0 });
    expect(p.reason).toBe("Paid 5 of 5 invoices on time; broke 1 promise");
  });

  it("two broken commitments (promises or plans) make an avoider", () => {
    const p = computePayerProfile(history({ paidInvoices: [paid(0)], promisesBroken: 1, plansDefaulted: 1 }));
    expect(p).toMatchObject({ group: "avoider", brokenPromises: 1, brokenPlans: 1, reason: "Broke 1 promise and 1 plan" });
    expect(computePayerProfile(history({ promisesBroken: 3 })).reason).toBe("Broke 3 promises");
    expect(computePayerProfile(history({ plansDefaulted: 2, plansCompleted: 1 })).reason).toBe("Broke 2 plans");
  });

  it("an invoice 60 days overdue makes an avoider; 59 days does not", () => {
    expect(computePayerProfile(history({ paidInvoices: [paid(0)], overdueInvoices: [{ daysOverdue: 60 }] }))).toMatchObject({
      group: "avoider",
      reason: "An invoice is 60 days overdue",
    });
    // 1 of 2 on time = 5000 bps, not under 50%: sporadic.
    expect(computePayerProfile(history({ paidInvoices: [paid(0)], overdueInvoices: [{ daysOverdue: 59 }] }))).toMatchObject({
      group: "sporadic",
      onTimeRateBps: 5000,
      averageDaysLate: 59,
      reason: "Paid 1 of 2 invoices on time, 59 days late on average",
    });
  });

  it("rarely on time and a month late on average is an avoider, once there are two invoices to judge", () => {
    // Late days 30, 40, 31 → 33.67 → 33.7.
    const p = computePayerProfile(history({ paidInvoices: [paid(30), paid(40), paid(31)] }));
    expect(p).toMatchObject({ group: "avoider", onTimeRateBps: 0, averageDaysLate: 33.7, reason: "Paid 0 of 3 invoices on time, 33.7 days late on average" });
    expect(computePayerProfile(history({ paidInvoices: [paid(45)] })).group).toBe("sporadic");
  });

  it("kept promises and completed plans alone are a reliable start", () => {
    expect(computePayerProfile(history({ promisesKept: 1, plansCompleted: 1 }))).toMatchObject({ group: "reliable", reason: "Kept every promise and plan so far" });
  });
});

describe("formatRate", () => {
  it("writes basis points as a percentage", () => {
    expect(formatRate(9000)).toBe("90%");
    expect(formatRate(8750)).toBe("87.5%");
    expect(formatRate(6667)).toBe("66.67%");
    expect(formatRate(0)).toBe("0%");
    expect(formatRate(null)).toBe("—");
  });
});

const RANK: Record<PayerGroup, number> = { new: 0, reliable: 0, sporadic: 1, avoider: 2 };
const arbHistory: fc.Arbitrary<PayerHistory> = fc.record({
  paidInvoices: fc.array(fc.integer({ min: -30, max: 120 }).map(paid), { maxLength: 15 }),
  overdueInvoices: fc.array(fc.integer({ min: 1, max: 120 }).map((daysOverdue) => ({ daysOverdue })), { maxLength: 5 }),
  promisesKept: fc.nat(3),
  promisesBroken: fc.nat(3),
  plansCompleted: fc.nat(2),
  plansDefaulted: fc.nat(2),
});

describe("computePayerProfile, properties", () => {
  it("keeps its counts consistent and its rate within 0–100%", () => {
    fc.assert(
      fc.property(arbHistory, (h) => {
        const p = computePayerProfile(h);
        expect(p.ratedInvoices).toBe(h.paidInvoices.length + h.overdueInvoices.length);
        expect(p.paidOnTime + p.lateInvoices).toBe(p.ratedInvoices);
        if (p.onTimeRateBps !== null) {
          expect(Number.isInteger(p.onTimeRateBps)).toBe(true);
          expect(Math.abs(p.onTimeRateBps - (p.paidOnTime * 10000) / p.ratedInvoices)).toBeLessThanOrEqual(0.5);
        }
        expect(p.averageDaysLate === null).toBe(p.lateInvoices === 0);
        expect(p.reason.length).toBeGreaterThan(0);
      }),
    );
  });

  it("a broken promise or plan never moves a customer to a better group", () => {
    fc.assert(
      fc.property(arbHistory, fc.boolean(), (h, promise) => {
        const worse = promise ? { ...h, promisesBroken: h.promisesBroken + 1 } : { ...h, plansDefaulted: h.plansDefaulted + 1 };
        expect(RANK[computePayerProfile(worse).group]).toBeGreaterThanOrEqual(RANK[computePayerProfile(h).group]);
      }),
    );
  });

  it("one more invoice paid on time never moves a customer to a worse group", () => {
    fc.assert(
      fc.property(arbHistory, fc.integer({ min: -30, max: 0 }), (h, early) => {
        const better = { ...h, paidInvoices: [...h.paidInvoices, paid(early)] };
        expect(RANK[computePayerProfile(better).group]).toBeLessThanOrEqual(RANK[computePayerProfile(h).group]);
      }),
    );
  });
});
