import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, PaymentInputError, type Payable } from "./allocation";
import { quoteAll, quoteMethod } from "./pricing";
import { simulatorFormSchema } from "./simulator-form";
import { bankOutcome, cardOutcome, luhnValid } from "./simulator-outcomes";
import { applyEvent } from "./state";

describe("method prices", () => {
  it("shows a card surcharge and an ACH discount, rounded half-up to the cent", () => {
    const q = quoteAll(128_000, { cardSurchargeBps: 250, achDiscountBps: 100 });
    expect(q.CARD).toEqual({ method: "CARD", principalCents: 128_000, adjustmentCents: 3_200, totalCents: 131_200 });
    expect(q.US_BANK_ACCOUNT).toEqual({ method: "US_BANK_ACCOUNT", principalCents: 128_000, adjustmentCents: -1_280, totalCents: 126_720 });
    expect(quoteMethod(150, "US_BANK_ACCOUNT", { cardSurchargeBps: 0, achDiscountBps: 100 }).totalCents).toBe(148); // 1.5 cents rounds to 2
  });
  it("always charges principal plus adjustment, never below zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 10 }), fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 1_000 }), (principal, card, ach) => {
        for (const q of Object.values(quoteAll(principal, { cardSurchargeBps: card, achDiscountBps: ach }))) {
          expect(q.totalCents).toBe(q.principalCents + q.adjustmentCents);
          expect(q.totalCents).toBeGreaterThan(0);
        }
      }),
    );
  });
});

const inv = (id: string, dueDate: string, dueNowCents: number): Payable => ({ id, number: id.toUpperCase(), dueDate, dueNowCents });

describe("allocating a payment to invoices", () => {
  it("pays the oldest due date first", () => {
    const invoices = [inv("b", "2026-12-01", 40_000), inv("a", "2026-11-01", 30_000)];
    expect(allocate(invoices, 45_000, 0, "USD")).toEqual([{ invoiceId: "a", amountCents: 30_000 }, { invoiceId: "b", amountCents: 15_000 }]);
    expect(allocate(invoices, null, 0, "USD")).toEqual([{ invoiceId: "a", amountCents: 30_000 }, { invoiceId: "b", amountCents: 40_000 }]);
  });
  it("accepts a payment below the minimum when it pays everything left", () => {
    expect(allocate([inv("a", "2026-11-01", 3_000)], 3_000, 5_000, "USD")).toEqual([{ invoiceId: "a", amountCents: 3_000 }]);
    expect(() => allocate([inv("a", "2026-11-01", 30_000)], 3_000, 5_000, "USD")).toThrow("A part payment must be at least $50.00.");
  });
  it("refuses nothing to pay, zero and more than is owed", () => {
    expect(() => allocate([inv("a", "2026-11-01", 0)], null, 0, "USD")).toThrow(PaymentInputError);
    expect(() => allocate([inv("a", "2026-11-01", 100)], 0, 0, "USD")).toThrow("Enter an amount greater than zero.");
    expect(() => allocate([inv("a", "2026-11-01", 100)], 101, 0, "USD")).toThrow("That is more than you owe on these invoices ($1.00).");
  });
  it("always allocates exactly the amount paid, never more than an invoice's due amount", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 8 }), fc.double({ min: 0.0001, max: 1, noNaN: true }), (dues, share) => {
        const invoices = dues.map((d, i) => inv(`i${i}`, `2026-11-${String((i % 28) + 1).padStart(2, "0")}`, d));
        const total = dues.reduce((a, b) => a + b, 0);
        const amount = Math.max(1, Math.floor(total * share));
        const allocations = allocate(invoices, amount, 0, "USD");
        expect(allocations.reduce((s, a) => s + a.amountCents, 0)).toBe(amount);
        for (const a of allocations) {
          expect(a.amountCents).toBeGreaterThan(0);
          expect(a.amountCents).toBeLessThanOrEqual(invoices.find((i) => i.id === a.invoiceId)!.dueNowCents);
        }
      }),
    );
  });
});

describe("payment state from events", () => {
  const t = (s: number) => new Date(Date.UTC(2026, 10, 22, 12, 0, s));
  it("moves forward and treats success as final", () => {
    let s = applyEvent({ status: "PENDING", lastEventAt: null }, { status: "PROCESSING", at: t(1) });
    expect(s).toEqual({ next: { status: "PROCESSING", lastEventAt: t(1) }, changed: true });
    s = applyEvent(s.next, { status: "SUCCEEDED", at: t(5) });
    expect(s.next.status).toBe("SUCCEEDED");
    expect(applyEvent(s.next, { status: "FAILED", at: t(9) }).changed).toBe(false);
  });
  it("ignores an older event that arrives late", () => {
    const failed = { status: "FAILED" as const, lastEventAt: t(9) };
    expect(applyEvent(failed, { status: "PROCESSING", at: t(2) }).changed).toBe(false);
    expect(applyEvent(failed, { status: "PROCESSING", at: t(12) }).next.status).toBe("PROCESSING");
  });
  it("ends in the same state for any order of the same events", () => {
    const events = [
      { status: "PROCESSING" as const, at: t(1) },
      { status: "FAILED" as const, at: t(3) },
      { status: "PROCESSING" as const, at: t(6) },
      { status: "SUCCEEDED" as const, at: t(8) },
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), fc.array(fc.nat({ max: 3 }), { maxLength: 4 }), (order, repeats) => {
        let state = { status: "PENDING" as const, lastEventAt: null } as Parameters<typeof applyEvent>[0];
        for (const e of [...order, ...repeats.map((i) => events[i]!)]) state = applyEvent(state, e).next;
        expect(state.status).toBe("SUCCEEDED");
      }),
    );
  });
});

describe("the simulator's test numbers", () => {
  it("gives Stripe's outcomes", () => {
    expect(cardOutcome("4242 4242 4242 4242")).toEqual({ kind: "succeeded", brand: "visa" });
    expect(cardOutcome("4000000000000002")).toMatchObject({ kind: "declined", declineCode: "generic_decline", message: "Your card was declined." });
    expect(cardOutcome("4000000000009995")).toMatchObject({ kind: "declined", declineCode: "insufficient_funds" });
    expect(cardOutcome("4111111111111111")).toMatchObject({ kind: "declined", declineCode: "test_mode_live_card" });
    expect(bankOutcome("110000000", "000123456789")).toEqual({ kind: "succeeded" });
    expect(bankOutcome("110000000", "000111111113")).toMatchObject({ kind: "failed", code: "account_closed" });
    expect(bankOutcome("021000021", "000123456789")).toBeNull();
  });
  it("checks card numbers with Luhn", () => {
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(luhnValid("4242424242424241")).toBe(false);
  });
  it("validates the checkout form like the Payment Element", () => {
    const schema = simulatorFormSchema("2026-11-22");
    expect(schema.safeParse({ method: "CARD", cardNumber: "4242 4242 4242 4242", expiry: "11 / 26", cvc: "123" }).success).toBe(true);
    const expired = schema.safeParse({ method: "CARD", cardNumber: "4242424242424242", expiry: "10/26", cvc: "123" });
    expect(expired.success).toBe(false);
    expect(expired.error?.issues[0]?.message).toBe("checkout.card.expired");
    const bank = schema.safeParse({ method: "US_BANK_ACCOUNT", holderName: "Ada", routingNumber: "11000000", accountNumber: "12", mandate: undefined });
    expect(bank.error?.issues.map((i) => i.message)).toEqual(["checkout.bank.routing", "checkout.bank.account", "checkout.bank.mandate"]);
  });
});
