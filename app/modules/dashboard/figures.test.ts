import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CalendarDate } from "~/modules/dates/calendar";
import { agingBucket, AGING_BUCKETS, dashboardByCurrency, dashboardFigures, paymentSource, type DashboardInvoice } from "./figures";

const d = (s: string) => s as CalendarDate;
const inv = (issueDate: string, dueDate: string, totalCents: number, paidCents: number, status: DashboardInvoice["figures"]["status"], dueNowCents?: number): DashboardInvoice => ({
  issueDate: d(issueDate),
  dueDate: d(dueDate),
  figures: { totalCents, paidCents, balanceCents: Math.max(0, totalCents - paidCents), dueNowCents: dueNowCents ?? Math.max(0, totalCents - paidCents), status },
});

describe("the money dashboard", () => {
  it("matches a hand-computed book of invoices and payments", () => {
    const today = d("2026-11-20");
    const invoices = [
      inv("2026-11-01", "2026-12-01", 100_000, 0, "OPEN"), // current
      inv("2026-10-01", "2026-11-10", 50_000, 20_000, "OVERDUE"), // 10 days late: 1-30, balance 30 000
      inv("2026-08-15", "2026-09-14", 40_000, 0, "OVERDUE"), // 67 days late: 61-90
      inv("2026-06-01", "2026-07-01", 25_000, 0, "OVERDUE"), // 142 days late: 90+
      inv("2026-09-01", "2026-10-01", 60_000, 60_000, "PAID"), // paid, no balance
      inv("2026-10-05", "2026-11-04", 80_000, 0, "VOID"), // void: ignored everywhere
    ];
    const payments = [
      { amountCents: 20_000, succeededOn: d("2026-11-12"), source: paymentSource({ attribution: null, hadOpenPromise: false, lastTierName: "Gentle reminder" }) },
      { amountCents: 60_000, succeededOn: d("2026-10-20"), source: paymentSource({ attribution: "early-pay-discount", hadOpenPromise: false, lastTierName: null }) },
      { amountCents: 5_000, succeededOn: d("2026-11-01"), source: paymentSource({ attribution: "plan:abc", hadOpenPromise: true, lastTierName: "Firm reminder" }) },
    ];
    const f = dashboardFigures({ today, invoices, payments });
    expect(f.outstandingCents).toBe(100_000 + 30_000 + 40_000 + 25_000);
    expect(f.overdueCents).toBe(30_000 + 40_000 + 25_000);
    expect(f.aging).toEqual({ current: 100_000, "1-30": 30_000, "31-60": 0, "61-90": 40_000, "90+": 25_000 });
    // Billed in the 90 days to 20 Nov (from 23 Aug): 100 000 + 50 000 + 60 000 = 210 000. DSO = 195 000 / 210 000 × 90 = 83.57…
    expect(f.dso).toBe(83.6);
    // Realization over 365 days: billed 275 000 (void excluded), collected 20 000 + 60 000 = 80 000 → 29.09%.
    expect(f.billedCents).toBe(275_000);
    expect(f.collectedOnBilledCents).toBe(80_000);
    expect(f.realizationBps).toBe(2909);
    // This month: 1 and 12 November.
    expect(f.collectedThisMonthCents).toBe(25_000);
    expect(f.collectedThisMonthCount).toBe(2);
    expect(f.sources).toEqual([
      { label: "Early-pay discount", count: 1, amountCents: 60_000 },
      { label: "After the Gentle reminder", count: 1, amountCents: 20_000 },
      { label: "Payment plan", count: 1, amountCents: 5_000 },
    ]);
  });

  it("has no DSO or realization without billing, and counts an invoice due today as current", () => {
    const f = dashboardFigures({ today: d("2026-11-20"), invoices: [], payments: [] });
    expect(f).toMatchObject({ outstandingCents: 0, dso: null, realizationBps: null, collectedThisMonthCents: 0, sources: [] });
    expect(agingBucket(d("2026-11-20"), d("2026-11-20"))).toBe("current");
    expect(agingBucket(d("2026-10-21"), d("2026-11-20"))).toBe("1-30");
    expect(agingBucket(d("2026-10-20"), d("2026-11-20"))).toBe("31-60");
    expect(agingBucket(d("2026-08-22"), d("2026-11-20"))).toBe("61-90");
    expect(agingBucket(d("2026-08-21"), d("2026-11-20"))).toBe("90+");
  });

  it("names what led to a payment: attribution first, then a promise, then the last reminder", () => {
    expect(paymentSource({ attribution: "settlement:x", hadOpenPromise: true, lastTierName: "Final notice" })).toEqual({ kind: "settlement" });
    expect(paymentSource({ attribution: null, hadOpenPromise: true, lastTierName: "Final notice" })).toEqual({ kind: "promise" });
    expect(paymentSource({ attribution: null, hadOpenPromise: false, lastTierName: null })).toEqual({ kind: "unprompted" });
  });

  it("splits the outstanding balance into aging buckets that add up to it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ late: fc.integer({ min: -60, max: 400 }), total: fc.integer({ min: 1, max: 10 ** 7 }), paidShare: fc.integer({ min: 0, max: 100 }) }), { maxLength: 30 }),
        (rows) => {
          const today = d("2026-11-20");
          const invoices = rows.map((r) => {
            const due = new Date(Date.UTC(2026, 10, 20 - r.late)).toISOString().slice(0, 10);
            const paid = Math.floor((r.total * r.paidShare) / 100);
            return inv("2026-01-01", due, r.total, paid, r.late > 0 && paid < r.total ? "OVERDUE" : paid === r.total ? "PAID" : "OPEN");
          });
          const f = dashboardFigures({ today, invoices, payments: [] });
          expect(AGING_BUCKETS.reduce((s, b) => s + f.aging[b], 0)).toBe(f.outstandingCents);
          expect(f.overdueCents).toBeLessThanOrEqual(f.outstandingCents);
        },
      ),
    );
  });
});

describe("refunds in the money figures", () => {
  it("a refund that went through this month comes off what was collected this month", () => {
    const today = "2026-12-06" as CalendarDate;
    const f = dashboardFigures({
      today,
      invoices: [],
      payments: [{ amountCents: 10_000, succeededOn: "2026-12-02" as CalendarDate, source: { kind: "unprompted" } }],
      refunds: [
        { amountCents: 2_500, succeededOn: "2026-12-03" as CalendarDate },
        { amountCents: 1_000, succeededOn: "2026-11-30" as CalendarDate },
      ],
    });
    expect(f.collectedThisMonthCents).toBe(7_500);
    expect(f.refundedThisMonthCents).toBe(2_500);
  });
});

describe("bad debt on the money dashboard", () => {
  it("sums invoices written off this month and in the last 12 months, by the day they were written off", () => {
    const today = d("2026-12-15");
    const f = dashboardFigures({
      today,
      // 300.00 billed, 100.00 paid, the 200.00 left written off: nothing outstanding.
      invoices: [{ issueDate: d("2026-01-10"), dueDate: d("2026-02-09"), figures: { totalCents: 30_000, paidCents: 10_000, balanceCents: 0, dueNowCents: 0, status: "WRITTEN_OFF" } }],
      payments: [],
      badDebts: [
        { amountCents: 20_000, writtenOffOn: d("2026-12-01") }, // this month
        { amountCents: 7_500, writtenOffOn: d("2026-12-15") }, // today
        { amountCents: 4_000, writtenOffOn: d("2026-11-30") }, // last month
        { amountCents: 1_000, writtenOffOn: d("2025-12-16") }, // the first day of the 12 months
        { amountCents: 999, writtenOffOn: d("2025-12-15") }, // a year ago today: outside
      ],
    });
    expect(f.badDebtThisMonthCents).toBe(27_500);
    expect(f.badDebtLast12MonthsCents).toBe(32_500);
    // Written off is not collected: the invoice's total stays billed, only what was paid counts.
    expect(f.realizationBps).toBe(3333);
    expect(f.outstandingCents).toBe(0);
    expect(f.aging["90+"]).toBe(0);
  });

  it("is zero without write-offs", () => {
    const f = dashboardFigures({ today: d("2026-12-15"), invoices: [], payments: [] });
    expect([f.badDebtThisMonthCents, f.badDebtLast12MonthsCents]).toEqual([0, 0]);
  });
});

describe("the dashboard per currency (decision 033)", () => {
  const codes = fc.constantFrom("USD", "EUR", "JPY");
  it("each currency's figures add only that currency's amounts; the business's currency comes first, always there", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ currency: codes, total: fc.integer({ min: 1, max: 10_000_000 }), paid: fc.integer({ min: 0, max: 10_000_000 }) }), { maxLength: 30 }),
        fc.array(fc.record({ currency: codes, amount: fc.integer({ min: 1, max: 10_000_000 }) }), { maxLength: 30 }),
        (invoices, payments) => {
          const sections = dashboardByCurrency({
            today: d("2026-11-20"),
            businessCurrency: "USD",
            invoices: invoices.map((i) => ({ currency: i.currency, ...inv("2026-11-01", "2026-12-01", i.total, Math.min(i.paid, i.total), "OPEN") })),
            payments: payments.map((p) => ({ currency: p.currency, amountCents: p.amount, succeededOn: d("2026-11-10"), source: { kind: "unprompted" as const } })),
          });
          expect(sections[0]!.currency).toBe("USD");
          const seen = new Set([...invoices.map((i) => i.currency), ...payments.map((p) => p.currency), "USD"]);
          expect(sections.map((s) => s.currency).sort()).toEqual([...seen].sort());
          for (const { currency, figures } of sections) {
            const own = invoices.filter((i) => i.currency === currency);
            expect(figures.outstandingCents).toBe(own.reduce((s, i) => s + Math.max(0, i.total - Math.min(i.paid, i.total)), 0));
            expect(figures.collectedThisMonthCents).toBe(payments.filter((p) => p.currency === currency).reduce((s, p) => s + p.amount, 0));
          }
        },
      ),
    );
  });
});
