import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeInvoiceFigures, type BalanceInput } from "~/modules/invoices/balance";
import { refundableAfterDisputes } from "~/modules/refunds/refunds";
import { dashboardFigures } from "~/modules/dashboard/figures";
import type { CalendarDate } from "~/modules/dates/calendar";
import { allocateDispute, disputeFeeCents, disputeStatusOf } from "./disputes";

describe("a dispute's status", () => {
  it("reads Stripe's statuses: inquiries withdraw nothing, won / warning_closed / lost are final", () => {
    expect(disputeStatusOf("needs_response")).toEqual({ status: "OPEN", inquiry: false });
    expect(disputeStatusOf("under_review")).toEqual({ status: "OPEN", inquiry: false });
    expect(disputeStatusOf("warning_needs_response")).toEqual({ status: "OPEN", inquiry: true });
    expect(disputeStatusOf("warning_closed")).toEqual({ status: "WON", inquiry: true });
    expect(disputeStatusOf("won")).toEqual({ status: "WON", inquiry: false });
    expect(disputeStatusOf("lost")).toEqual({ status: "LOST", inquiry: false });
  });

  it("costs the sum of its balance transactions' fees (a fee given back is negative)", () => {
    expect(disputeFeeCents([{ fee: 1_500 }])).toBe(1_500);
    expect(disputeFeeCents([{ fee: 1_500 }, { fee: -1_500 }])).toBe(0);
    expect(disputeFeeCents(null)).toBe(0);
  });
});

describe("allocating a disputed amount", () => {
  it("falls on the last invoice first, never more than an invoice still holds, and the parts add up", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ paid: fc.integer({ min: 1, max: 100_000 }), refunded: fc.integer({ min: 0, max: 100_000 }), disputed: fc.integer({ min: 0, max: 100_000 }) }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 400_000 }),
        (rows, amount) => {
          const parts = rows.map((r, i) => ({ invoiceId: `i${i}`, paidCents: r.paid, refundedCents: Math.min(r.refunded, r.paid), disputedCents: Math.min(r.disputed, r.paid - Math.min(r.refunded, r.paid)) }));
          const { invoiceParts, extrasCents } = allocateDispute(amount, parts);
          expect(invoiceParts.reduce((s, p) => s + p.amountCents, 0) + extrasCents).toBe(amount);
          for (const p of invoiceParts) {
            const held = parts.find((x) => x.invoiceId === p.invoiceId)!;
            expect(p.amountCents).toBeGreaterThan(0);
            expect(p.amountCents).toBeLessThanOrEqual(held.paidCents - held.refundedCents - held.disputedCents);
          }
          const room = parts.reduce((s, p) => s + p.paidCents - p.refundedCents - p.disputedCents, 0);
          expect(extrasCents).toBe(Math.max(0, amount - room));
        },
      ),
    );
  });
});

describe("the ledger of an invoice with disputes", () => {
  it("billed + fees − credits − write-offs − (payments − refunds − disputed) = balance; a disputed amount is never due now", () => {
    const status = fc.constantFrom("SUCCEEDED", "PROCESSING", "FAILED") as fc.Arbitrary<"SUCCEEDED" | "PROCESSING" | "FAILED">;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.record({ amountCents: fc.integer({ min: 1, max: 200_000 }), paymentStatus: status }), { maxLength: 5 }),
        fc.array(fc.record({ amountCents: fc.integer({ min: 1, max: 100_000 }), status: fc.constantFrom("SUCCEEDED", "PENDING", "FAILED") as fc.Arbitrary<"SUCCEEDED" | "PENDING" | "FAILED"> }), { maxLength: 3 }),
        fc.array(
          fc.record({ amountCents: fc.integer({ min: 1, max: 100_000 }), status: fc.constantFrom("OPEN", "WON", "LOST") as fc.Arbitrary<"OPEN" | "WON" | "LOST">, inquiry: fc.boolean() }),
          { maxLength: 3 },
        ),
        fc.array(fc.record({ amountCents: fc.integer({ min: 1, max: 50_000 }), kind: fc.constantFrom("CREDIT", "WRITE_OFF") as fc.Arbitrary<"CREDIT"> }), { maxLength: 2 }),
        (lines, allocations, refunds, disputes, adjustments) => {
          const input: BalanceInput = { state: "ISSUED", dueDate: "2026-12-01" as CalendarDate, lines: lines.map((amountCents) => ({ amountCents })), allocations, discounts: [], lateFees: [], adjustments, refunds, disputes };
          const f = computeInvoiceFigures(input, "2026-12-06" as CalendarDate);
          const sum = (xs: { amountCents: number }[]) => xs.reduce((s, x) => s + x.amountCents, 0);
          const payments = sum(allocations.filter((a) => a.paymentStatus === "SUCCEEDED"));
          const processing = sum(allocations.filter((a) => a.paymentStatus === "PROCESSING"));
          const refunded = sum(refunds.filter((r) => r.status === "SUCCEEDED"));
          const open = sum(disputes.filter((d) => d.status === "OPEN" && !d.inquiry));
          const lost = sum(disputes.filter((d) => d.status === "LOST" && !d.inquiry));
          const ledger = sum(lines.map((amountCents) => ({ amountCents }))) - sum(adjustments) - (payments - refunded - open - lost);
          expect(f.balanceCents - f.overpaidCents).toBe(ledger);
          expect(f.disputedCents).toBe(open);
          expect(f.disputeLostCents).toBe(lost);
          expect(f.dueNowCents).toBe(Math.max(0, f.balanceCents - processing - open));
          if (open > 0 && f.dueNowCents === 0 && f.balanceCents > 0) expect(f.status).toBe("DISPUTED");
          expect(f.balanceCents).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("written off as uncollectible reads Written off, not Paid", () => {
    const f = computeInvoiceFigures(
      { state: "ISSUED", dueDate: "2026-12-01" as CalendarDate, lines: [{ amountCents: 10_000 }], allocations: [], discounts: [], lateFees: [], adjustments: [{ amountCents: 10_000, kind: "WRITE_OFF" }], uncollectible: true },
      "2026-12-06" as CalendarDate,
    );
    expect(f.status).toBe("WRITTEN_OFF");
  });
});

describe("refunding a disputed payment", () => {
  it("is refused while a chargeback is open, and never reaches what a lost one took", () => {
    expect(refundableAfterDisputes(10_000, [], [{ amountCents: 10_000, status: "OPEN", inquiry: false }])).toBe(0);
    expect(refundableAfterDisputes(10_000, [], [{ amountCents: 10_000, status: "OPEN", inquiry: true }])).toBe(10_000);
    expect(refundableAfterDisputes(10_000, [{ amountCents: 2_000, status: "SUCCEEDED" }], [{ amountCents: 5_000, status: "LOST", inquiry: false }])).toBe(3_000);
    expect(refundableAfterDisputes(10_000, [], [{ amountCents: 10_000, status: "WON", inquiry: false }])).toBe(10_000);
  });
});

describe("Money with disputes", () => {
  it("takes this month's chargebacks not won and their fees off what was collected this month", () => {
    const f = dashboardFigures({
      today: "2026-12-06" as CalendarDate,
      invoices: [],
      payments: [{ amountCents: 50_000, succeededOn: "2026-12-02" as CalendarDate, source: { kind: "unprompted" } }],
      disputes: [
        { amountCents: 10_000, feeCents: 1_500, status: "OPEN", openedOn: "2026-12-04" as CalendarDate },
        { amountCents: 8_000, feeCents: 1_500, status: "WON", openedOn: "2026-12-03" as CalendarDate },
        { amountCents: 7_000, feeCents: 1_500, status: "LOST", openedOn: "2026-10-03" as CalendarDate },
      ],
    });
    expect(f.collectedThisMonthCents).toBe(50_000 - 10_000 - 3_000);
    expect(f).toMatchObject({ chargedBackThisMonthCents: 10_000, disputeFeesThisMonthCents: 3_000, underDisputeCents: 10_000, openDisputeCount: 1, disputesLostCents: 7_000, disputeFeesCents: 4_500 });
  });
});
