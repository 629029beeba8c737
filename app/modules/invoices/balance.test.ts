import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CalendarDate } from "~/modules/dates/calendar";
import { computeInvoiceFigures, type BalanceInput, type PaymentStatus } from "./balance";

const TODAY = "2026-11-22" as CalendarDate;
const invoice = (over: Partial<BalanceInput> = {}): BalanceInput => ({
  state: "ISSUED",
  dueDate: "2026-12-22" as CalendarDate,
  lines: [{ amountCents: 60_000 }, { amountCents: 40_000 }],
  allocations: [],
  discounts: [],
  lateFees: [],
  adjustments: [],
  ...over,
});
const paid = (amountCents: number, paymentStatus: PaymentStatus = "SUCCEEDED") => ({ amountCents, paymentStatus });

describe("computeInvoiceFigures", () => {
  it("is open with the whole total due when nothing happened", () => {
    expect(computeInvoiceFigures(invoice(), TODAY)).toMatchObject({ status: "OPEN", totalCents: 100_000, balanceCents: 100_000, dueNowCents: 100_000, daysOverdue: 0, partlyPaid: false });
  });
  it("is due soon within seven days of the due date, and overdue the day after it", () => {
    expect(computeInvoiceFigures(invoice({ dueDate: "2026-11-29" as CalendarDate }), TODAY).status).toBe("DUE_SOON");
    expect(computeInvoiceFigures(invoice({ dueDate: "2026-11-30" as CalendarDate }), TODAY).status).toBe("OPEN");
    expect(computeInvoiceFigures(invoice({ dueDate: TODAY }), TODAY)).toMatchObject({ status: "DUE_SOON", daysOverdue: 0 });
    expect(computeInvoiceFigures(invoice({ dueDate: "2026-11-17" as CalendarDate }), TODAY)).toMatchObject({ status: "OVERDUE", daysOverdue: 5 });
  });
  it("is partly paid after a part payment, and overdue wins once the date has passed", () => {
    expect(computeInvoiceFigures(invoice({ allocations: [paid(30_000)] }), TODAY)).toMatchObject({ status: "PARTLY_PAID", balanceCents: 70_000, paidCents: 30_000, partlyPaid: true });
    expect(computeInvoiceFigures(invoice({ allocations: [paid(30_000)], dueDate: "2026-11-02" as CalendarDate }), TODAY)).toMatchObject({ status: "OVERDUE", daysOverdue: 20, partlyPaid: true });
  });
  it("does not count an ACH payment in flight as paid, but stops chasing it", () => {
    const f = computeInvoiceFigures(invoice({ allocations: [paid(100_000, "PROCESSING")], dueDate: "2026-11-01" as CalendarDate }), TODAY);
    expect(f).toMatchObject({ status: "PROCESSING", paidCents: 0, processingCents: 100_000, balanceCents: 100_000, dueNowCents: 0, daysOverdue: 0 });
    const part = computeInvoiceFigures(invoice({ allocations: [paid(40_000, "PROCESSING")], dueDate: "2026-11-01" as CalendarDate }), TODAY);
    expect(part).toMatchObject({ status: "OVERDUE", dueNowCents: 60_000, daysOverdue: 21 });
  });
  it("ignores failed, pending and cancelled payments", () => {
    const f = computeInvoiceFigures(invoice({ allocations: [paid(10_000, "FAILED"), paid(10_000, "PENDING"), paid(10_000, "CANCELED")] }), TODAY);
    expect(f).toMatchObject({ status: "OPEN", paidCents: 0, balanceCents: 100_000 });
  });
  it("is paid when payments, discounts, credits and write-offs cover the total and fees", () => {
    const f = computeInvoiceFigures(
      invoice({
        allocations: [paid(90_000)],
        discounts: [
          { amountCents: 2_000, status: "GRANTED", paymentStatus: "SUCCEEDED" },
          { amountCents: 5_000, status: "WITHDRAWN", paymentStatus: "FAILED" },
          { amountCents: 700, status: "GRANTED", paymentStatus: "PENDING" },
        ],
        lateFees: [{ amountCents: 3_000, status: "APPLIED" }, { amountCents: 9_999, status: "WAIVED" }],
        adjustments: [{ amountCents: 6_000, kind: "CREDIT" }, { amountCents: 5_000, kind: "WRITE_OFF" }],
      }),
      TODAY,
    );
    expect(f).toMatchObject({ status: "PAID", subtotalCents: 100_000, feesCents: 3_000, totalCents: 103_000, discountCents: 2_000, creditCents: 6_000, writtenOffCents: 5_000, balanceCents: 0, overpaidCents: 0 });
  });
  it("reports an overpayment instead of a negative balance", () => {
    expect(computeInvoiceFigures(invoice({ allocations: [paid(100_000), paid(500)] }), TODAY)).toMatchObject({ status: "PAID", balanceCents: 0, overpaidCents: 500 });
  });
  it("keeps drafts and void invoices out of chasing", () => {
    expect(computeInvoiceFigures(invoice({ state: "DRAFT", dueDate: "2026-01-01" as CalendarDate }), TODAY)).toMatchObject({ status: "DRAFT", daysOverdue: 0 });
    expect(computeInvoiceFigures(invoice({ state: "VOID", dueDate: "2026-01-01" as CalendarDate }), TODAY)).toMatchObject({ status: "VOID", daysOverdue: 0 });
  });

  const amount = fc.integer({ min: 1, max: 5_000_000 });
  const anyInvoice = fc.record({
    state: fc.constantFrom("DRAFT", "ISSUED", "VOID" as const),
    dueDate: fc.integer({ min: -200, max: 200 }).map((n) => new Date(Date.UTC(2026, 10, 22 + n)).toISOString().slice(0, 10) as CalendarDate),
    lines: fc.array(fc.record({ amountCents: amount }), { minLength: 1, maxLength: 6 }),
    allocations: fc.array(fc.record({ amountCents: amount, paymentStatus: fc.constantFrom("PENDING", "PROCESSING", "SUCCEEDED", "FAILED", "CANCELED" as const) }), { maxLength: 6 }),
    discounts: fc.array(
      fc.record({ amountCents: amount, status: fc.constantFrom("GRANTED", "WITHDRAWN" as const), paymentStatus: fc.constantFrom("PENDING", "PROCESSING", "SUCCEEDED", "FAILED", "CANCELED" as const) }),
      { maxLength: 2 },
    ),
    lateFees: fc.array(fc.record({ amountCents: amount, status: fc.constantFrom("APPLIED", "WAIVED" as const) }), { maxLength: 4 }),
    adjustments: fc.array(fc.record({ amountCents: amount, kind: fc.constantFrom("CREDIT", "WRITE_OFF" as const) }), { maxLength: 3 }),
  });

  it("always balances to the cent, never negative, in any combination", () => {
    fc.assert(
      fc.property(anyInvoice, (inv) => {
        const f = computeInvoiceFigures(inv, TODAY);
        const sum = (xs: { amountCents: number }[]) => xs.reduce((s, x) => s + x.amountCents, 0);
        expect(f.totalCents).toBe(sum(inv.lines) + sum(inv.lateFees.filter((x) => x.status === "APPLIED")));
        expect(f.balanceCents - f.overpaidCents).toBe(f.totalCents - f.paidCents - f.discountCents - f.creditCents - f.writtenOffCents);
        expect(f.balanceCents).toBeGreaterThanOrEqual(0);
        expect(f.overpaidCents === 0 || f.balanceCents === 0).toBe(true);
        expect(f.dueNowCents).toBeGreaterThanOrEqual(0);
        expect(f.dueNowCents).toBeLessThanOrEqual(f.balanceCents);
        expect(f.status === "PAID").toBe(inv.state === "ISSUED" && f.balanceCents === 0);
        if (f.daysOverdue > 0) expect(f.status).toBe("OVERDUE");
      }),
    );
  });
});
