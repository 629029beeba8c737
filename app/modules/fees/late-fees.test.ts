import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { feeCap, forCurrency, lateFeeDue, type FeeSituation, type LateFeePolicy } from "./late-fees";

const policy: LateFeePolicy = { enabled: true, graceDays: 5, capCents: 0, capBps: 1_000 };
const firm = { fixedCents: 2_500, bps: 150, offsetDays: 10 };
const situation = (over: Partial<FeeSituation> = {}): FeeSituation => ({
  principalCents: 100_000,
  overduePrincipalCents: 100_000,
  appliedFeesCents: 0,
  daysFromDue: 12,
  processing: false,
  inPlan: false,
  alreadyChargedForTier: false,
  ...over,
});

describe("late fees", () => {
  it("charges the tier's fixed amount plus its share of the overdue principal", () => {
    expect(lateFeeDue(policy, firm, situation())).toBe(4_000);
    expect(lateFeeDue(policy, firm, situation({ overduePrincipalCents: 40_000 }))).toBe(3_100);
  });
  it("charges nothing when off, in the grace period, before the tier, twice, during ACH processing or a current plan", () => {
    expect(lateFeeDue({ ...policy, enabled: false }, firm, situation())).toBeNull();
    expect(lateFeeDue({ ...policy, graceDays: 15 }, firm, situation())).toBeNull();
    expect(lateFeeDue(policy, firm, situation({ daysFromDue: 9 }))).toBeNull();
    expect(lateFeeDue(policy, firm, situation({ alreadyChargedForTier: true }))).toBeNull();
    expect(lateFeeDue(policy, firm, situation({ processing: true }))).toBeNull();
    expect(lateFeeDue(policy, firm, situation({ inPlan: true }))).toBeNull();
  });
  it("stops at the cap: the smaller of an amount and a share of the principal", () => {
    expect(feeCap(policy, 100_000)).toBe(10_000);
    expect(feeCap({ ...policy, capCents: 6_000 }, 100_000)).toBe(6_000);
    expect(lateFeeDue(policy, firm, situation({ appliedFeesCents: 8_000 }))).toBe(2_000);
    expect(lateFeeDue(policy, firm, situation({ appliedFeesCents: 10_000 }))).toBeNull();
  });
  it("never lets the fees on an invoice pass the cap, whatever the tiers and order", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.array(fc.record({ fixedCents: fc.integer({ min: 0, max: 10 ** 6 }), bps: fc.integer({ min: 0, max: 5_000 }), offsetDays: fc.integer({ min: 1, max: 60 }) }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 10 ** 6 }),
        fc.integer({ min: 0, max: 5_000 }),
        (principal, tiers, capCents, capBps) => {
          const p = { ...policy, graceDays: 0, capCents, capBps };
          let applied = 0;
          for (const tier of tiers) {
            const fee = lateFeeDue(p, tier, situation({ principalCents: principal, overduePrincipalCents: principal, appliedFeesCents: applied, daysFromDue: 90 }));
            if (fee !== null) {
              expect(fee).toBeGreaterThan(0);
              expect(Number.isInteger(fee)).toBe(true);
              applied += fee;
            }
          }
          expect(applied).toBeLessThanOrEqual(feeCap(p, principal));
        },
      ),
    );
  });
});

describe("late fees on an invoice in another currency than the business's (decision 033)", () => {
  it("charges only the percentage, capped by the percentage cap; with only an amount cap, no fee", () => {
    const both = { ...policy, capCents: 3_000, capBps: 1_000 };
    const same = forCurrency(both, firm, "USD", "USD");
    expect(lateFeeDue(same.policy, same.tier, situation())).toBe(3_000);
    const other = forCurrency(both, firm, "EUR", "USD");
    expect(lateFeeDue(other.policy, other.tier, situation())).toBe(1_500);
    const amountCapOnly = forCurrency({ ...policy, capCents: 3_000, capBps: 0 }, firm, "EUR", "USD");
    expect(lateFeeDue(amountCapOnly.policy, amountCapOnly.tier, situation())).toBeNull();
  });

  it("never charges a fixed amount in a foreign currency, whatever the policy", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 5_000 }), (fixed, bps, capCents, capBps) => {
        const rule = forCurrency({ ...policy, capCents, capBps }, { ...firm, fixedCents: fixed, bps }, "JPY", "USD");
        const fee = lateFeeDue(rule.policy, rule.tier, situation());
        expect(fee ?? 0).toBeLessThanOrEqual(Math.floor((100_000 * bps) / 10_000));
      }),
    );
  });
});
