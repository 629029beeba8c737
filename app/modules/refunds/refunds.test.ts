import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeInvoiceFigures, type BalanceInput } from "~/modules/invoices/balance";
import { allocateRefund, RefundError, refundableCents, refundFormSchema } from "./refunds";

describe("which invoices a refund comes out of", () => {
  it("parts add up to the amount, none beyond what an invoice kept, the last invoice first", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ paidCents: fc.integer({ min: 1, max: 1_000_000 }), refundedShare: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.double({ min: 0.0001, max: 1, noNaN: true }),
        (rows, extras, share) => {
          const parts = rows.map((r, i) => ({ invoiceId: `inv${i}`, paidCents: r.paidCents, refundedCents: Math.floor(r.paidCents * r.refundedShare) }));
          const room = parts.reduce((s, p) => s + p.paidCents - p.refundedCents, 0) + extras;
          if (room === 0) return;
          const amount = Math.max(1, Math.floor(room * share));
          const { invoiceParts, extrasCents } = allocateRefund(amount, parts, extras);
          expect(invoiceParts.reduce((s, p) => s + p.amountCents, 0) + extrasCents).toBe(amount);
          for (const p of invoiceParts) {
            const part = parts.find((x) => x.invoiceId === p.invoiceId)!;
            expect(p.amountCents).toBeGreaterThan(0);
            expect(p.amountCents).toBeLessThanOrEqual(part.paidCents - part.refundedCents);
          }
          expect(() => allocateRefund(room + 1, parts, extras)).toThrow(RefundError);
        },
      ),
    );
    expect(allocateRefund(150, [{ invoiceId: "a", paidCents: 100, refundedCents: 0 }, { invoiceId: "b", paidCents: 100, refundedCents: 0 }], 0).invoiceParts).toEqual([
      { invoiceId: "b", amountCents: 100 },
      { invoiceId: "a", amountCents: 50 },
    ]);
  });

  it("what is left of a payment counts pending and succeeded refunds, not failed or cancelled ones", () => {
    expect(refundableCents(10_000, [{ amountCents: 1_000, status: "SUCCEEDED" }, { amountCents: 2_000, status: "PENDING" }, { amountCents: 5_000, status: "FAILED" }, { amountCents: 500, status: "CANCELED" }])).toBe(7_000);
  });

  it("the form says what to fix, never rounds, and never refunds more than is left", () => {
    const schema = refundFormSchema("USD", 5_000);
    const errs = (v: Record<string, string>) => {
      const r = schema.safeParse(v);
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
    };
    expect(schema.parse({ amount: "12.50", reason: "Paid twice", effect: "REOPEN" })).toEqual({ amountCents: 1250, reason: "Paid twice", effect: "REOPEN" });
    expect(errs({ amount: "12.505", reason: "Paid twice", effect: "REOPEN" }).amount).toBeTruthy();
    expect(errs({ amount: "50.01", reason: "Paid twice", effect: "CREDIT" }).amount).toBe("That is more than is left to refund on this payment.");
    expect(errs({ amount: "0", reason: "Paid twice", effect: "CREDIT" }).amount).toBe("Enter an amount more than 0.");
    expect(errs({ amount: "1", reason: "x", effect: "CREDIT" }).reason).toMatch(/at least 3 characters/);
    expect(errs({ amount: "1", reason: "Paid twice", effect: "MAYBE" }).effect).toMatch(/owed again, or settled as a credit/);
  });
});

describe("the ledger of an invoice", () => {
  it("billed + fees − discounts − credits − write-offs − (payments − refunds) = balance, to the cent, for any sequence", () => {
    const status = fc.constantFrom("SUCCEEDED", "PROCESSING", "FAILED", "PENDING", "CANCELED") as fc.Arbitrary<"SUCCEEDED">;
    const refundStatus = fc.constantFrom("SUCCEEDED", "PENDING", "FAILED", "CANCELED") as fc.Arbitrary<"SUCCEEDED">;
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.record({ amountCents: fc.integer({ min: 1, max: 200_000 }), paymentStatus: status }), { maxLength: 6 }),
        fc.array(fc.record({ amountCents: fc.integer({ min: 1, max: 100_000 }), status: refundStatus }), { maxLength: 4 }),
        fc.array(fc.record({ amountCents: fc.integer({ min: 1, max: 50_000 }), kind: fc.constantFrom("CREDIT", "WRITE_OFF") as fc.Arbitrary<"CREDIT" | "WRITE_OFF"> }), { maxLength: 3 }),
        fc.array(fc.record({ amountCents: fc.integer({ min: 1, max: 5_000 }), status: fc.constantFrom("APPLIED", "WAIVED") as fc.Arbitrary<"APPLIED"> }), { maxLength: 3 }),
        (lines, allocations, refunds, adjustments, lateFees) => {
          const input: BalanceInput = { state: "ISSUED", dueDate: "2026-12-01" as never, lines: lines.map((amountCents) => ({ amountCents })), allocations, discounts: [], lateFees, adjustments, refunds };
          const f = computeInvoiceFigures(input, "2026-12-06" as never);
          const billed = lines.reduce((s, c) => s + c, 0);
          const fees = lateFees.filter((x) => x.status === "APPLIED").reduce((s, x) => s + x.amountCents, 0);
          const credits = adjustments.filter((a) => a.kind === "CREDIT").reduce((s, a) => s + a.amountCents, 0);
          const writeOffs = adjustments.filter((a) => a.kind === "WRITE_OFF").reduce((s, a) => s + a.amountCents, 0);
          const payments = allocations.filter((a) => a.paymentStatus === "SUCCEEDED").reduce((s, a) => s + a.amountCents, 0);
          const refunded = refunds.filter((r) => r.status === "SUCCEEDED").reduce((s, r) => s + r.amountCents, 0);
          const ledger = billed + fees - credits - writeOffs - (payments - refunded);
          expect(f.balanceCents - f.overpaidCents).toBe(ledger);
          expect(f.refundedCents).toBe(refunded);
          expect(f.balanceCents).toBeGreaterThanOrEqual(0);
          expect(f.overpaidCents).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
