import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIERS } from "./default-tiers";
import { currentTier, gateCustomer, isQuietHour, type CustomerGate } from "./decide";
import { fillPlaceholders, SAMPLE_VALUES, unknownPlaceholders } from "./placeholders";

const tiers = DEFAULT_TIERS.map((t) => ({ position: t.position, offsetDays: t.offsetDays, kind: t.kind }));
const now = new Date("2026-11-22T15:00:00Z");
const gate = (over: Partial<CustomerGate> = {}): CustomerGate => ({
  lastReminderAt: null,
  minGapDays: 7,
  localHour: 10,
  quietHoursStart: 21,
  quietHoursEnd: 8,
  paused: false,
  optedOut: false,
  handedOver: false,
  ...over,
});

describe("which tier an invoice is in", () => {
  it("follows the default sequence: courtesy 3 days before, then 3, 10, 21 and 45 days after", () => {
    const at = (days: number, last: number | null = null) => currentTier(tiers, days, last, false)?.kind ?? null;
    expect(at(-4)).toBeNull();
    expect(at(-3)).toBe("COURTESY");
    expect(at(2, 0)).toBeNull();
    expect(at(3, 0)).toBe("GENTLE");
    expect(at(10, 1)).toBe("FIRM");
    expect(at(21, 2)).toBe("FINAL");
    expect(at(45, 3)).toBe("COLLECTIONS");
  });
  it("catches up to the tier it is in now, not the ones it missed, and never goes back", () => {
    expect(currentTier(tiers, 30, null, false)?.kind).toBe("FINAL");
    expect(currentTier(tiers, 30, 3, false)).toBeNull();
    expect(currentTier(tiers, 12, 3, false)).toBeNull();
  });
  it("moves one tier past the last sent after a broken promise", () => {
    expect(currentTier(tiers, 5, 1, true)?.kind).toBe("FIRM");
    expect(currentTier(tiers, 5, 1, false)).toBeNull();
    expect(currentTier(tiers, 50, 4, true)).toBeNull();
  });
  it("never picks a tier whose day has not come, unless a promise broke", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100, max: 400 }), fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }), (days, last) => {
        const tier = currentTier(tiers, days, last, false);
        if (tier) {
          expect(tier.offsetDays).toBeLessThanOrEqual(days);
          expect(last === null || tier.position > last).toBe(true);
        }
      }),
    );
  });
});

describe("guardrails", () => {
  it("keeps the minimum gap, never below three days whatever the setting", () => {
    const sixDaysAgo = new Date(now.getTime() - 6 * 86400_000);
    expect(gateCustomer(gate({ lastReminderAt: sixDaysAgo }), now)).toEqual({ send: false, reason: "min_gap" });
    expect(gateCustomer(gate({ lastReminderAt: new Date(now.getTime() - 7 * 86400_000) }), now)).toEqual({ send: true });
    expect(gateCustomer(gate({ minGapDays: 1, lastReminderAt: new Date(now.getTime() - 2 * 86400_000) }), now)).toEqual({ send: false, reason: "min_gap" });
  });
  it("sends nothing in the night hours, wrapping past midnight", () => {
    expect(isQuietHour(21, 21, 8)).toBe(true);
    expect(isQuietHour(3, 21, 8)).toBe(true);
    expect(isQuietHour(8, 21, 8)).toBe(false);
    expect(isQuietHour(20, 21, 8)).toBe(false);
    expect(isQuietHour(13, 12, 14)).toBe(true);
    expect(isQuietHour(5, 0, 0)).toBe(false);
    expect(gateCustomer(gate({ localHour: 23 }), now)).toEqual({ send: false, reason: "quiet_hours" });
  });
  it("respects the owner's pauses, opt-outs and hand-overs first", () => {
    expect(gateCustomer(gate({ paused: true }), now)).toEqual({ send: false, reason: "customer_paused" });
    expect(gateCustomer(gate({ optedOut: true }), now)).toEqual({ send: false, reason: "opted_out" });
    expect(gateCustomer(gate({ handedOver: true, paused: true }), now)).toEqual({ send: false, reason: "handed_over" });
  });
});

describe("placeholders", () => {
  it("fills known placeholders and names unknown ones", () => {
    expect(fillPlaceholders("Hello {{ customerName }}, {{amount}} is due", SAMPLE_VALUES)).toBe("Hello Ada Lovelace, $1,480.00 is due");
    expect(unknownPlaceholders("{{customerName}} {{customer}} {{totl}}")).toEqual(["customer", "totl"]);
    // Whatever sits between double braces is checked, not only letter-only names.
    expect(unknownPlaceholders("{{ unknown_thing }} {{amount due}} {{}} {{ amount }}")).toEqual(["unknown_thing", "amount due", ""]);
    expect(fillPlaceholders("{{nope}}", SAMPLE_VALUES)).toBe("{{nope}}");
  });
  it("leaves the default tiers with no unknown placeholder", () => {
    for (const t of DEFAULT_TIERS) expect([...unknownPlaceholders(t.subject), ...unknownPlaceholders(t.body)]).toEqual([]);
  });
});
