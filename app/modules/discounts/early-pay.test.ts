import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CalendarDate } from "~/modules/dates/calendar";
import { earlyPayOffer, offerAppliesTo, termsFor, type DiscountTerms } from "./early-pay";

const twoTen: DiscountTerms = { kind: "PERCENT", percentBps: 200, amountCents: 0, windowDays: 10, achOnly: false, combinesWithPlan: false };
const issued = "2026-11-21" as CalendarDate;
const inherit = { discountOverride: "INHERIT" as const, discountKind: null, discountPercentBps: null, discountAmountCents: null, discountWindowDays: null };

describe("early-pay discount terms", () => {
  it("takes the business policy unless the invoice overrides it", () => {
    expect(termsFor({ ...twoTen, enabled: true }, inherit)).toMatchObject({ percentBps: 200, windowDays: 10 });
    expect(termsFor({ ...twoTen, enabled: false }, inherit)).toBeNull();
    expect(termsFor({ ...twoTen, enabled: true }, { ...inherit, discountOverride: "NONE" })).toBeNull();
    expect(termsFor(null, { discountOverride: "CUSTOM", discountKind: "FIXED", discountPercentBps: null, discountAmountCents: 5_000, discountWindowDays: 5 })).toMatchObject({ kind: "FIXED", amountCents: 5_000, windowDays: 5 });
  });
  it("saves 2% of the balance until the whole last day of the window", () => {
    expect(earlyPayOffer(twoTen, issued, "2026-12-01" as CalendarDate, 100_000, false)).toEqual({ deadline: "2026-12-01", discountCents: 2_000, payCents: 98_000, achOnly: false });
    expect(earlyPayOffer(twoTen, issued, "2026-12-02" as CalendarDate, 100_000, false)).toBeNull();
    expect(earlyPayOffer(twoTen, issued, "2026-11-25" as CalendarDate, 100_000, true)).toBeNull();
    expect(earlyPayOffer(twoTen, issued, "2026-11-25" as CalendarDate, 0, false)).toBeNull();
    expect(earlyPayOffer(twoTen, issued, "2026-11-25" as CalendarDate, 1_049, false)?.discountCents).toBe(20); // 20.98 rounds down
  });
  it("only applies an ACH-only discount to bank payments", () => {
    const offer = earlyPayOffer({ ...twoTen, achOnly: true }, issued, issued, 10_000, false);
    expect(offerAppliesTo(offer, "CARD")).toBe(false);
    expect(offerAppliesTo(offer, "US_BANK_ACCOUNT")).toBe(true);
  });
  it("always leaves something to pay (found by the property below: 100% of one cent)", () => {
    expect(earlyPayOffer({ ...twoTen, percentBps: 10_000 }, issued, issued, 1, false)).toBeNull();
    expect(earlyPayOffer({ ...twoTen, percentBps: 10_000 }, issued, issued, 500, false)).toMatchObject({ discountCents: 499, payCents: 1 });
  });
  it("never discounts more than the balance, and the parts always add up", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 10 }),
        fc.constantFrom("PERCENT", "FIXED" as const),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.integer({ min: 0, max: 30 }),
        (due, kind, bps, fixed, day) => {
          const offer = earlyPayOffer({ ...twoTen, kind, percentBps: bps, amountCents: fixed }, issued, `2026-11-${String(21 + Math.min(day, 9)).padStart(2, "0")}` as CalendarDate, due, false);
          if (!offer) return;
          expect(offer.discountCents).toBeGreaterThan(0);
          expect(offer.payCents).toBeGreaterThan(0);
          expect(offer.discountCents + offer.payCents).toBe(due);
          if (kind === "PERCENT") expect(offer.discountCents).toBeLessThanOrEqual((due * bps) / 10_000);
        },
      ),
    );
  });
});
