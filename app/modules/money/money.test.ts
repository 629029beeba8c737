import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyBps, formatAmounts, formatMoney, lineAmount, MoneyError, parseMoney, splitEvenly, sumByCurrency } from "./money";

describe("parseMoney", () => {
  it("reads what people type, exactly", () => {
    expect(parseMoney("1,234.56", "USD")).toBe(123_456);
    expect(parseMoney("$20", "USD")).toBe(2_000);
    expect(parseMoney("0.07", "USD")).toBe(7);
    expect(parseMoney(" 12.5 ", "USD")).toBe(1_250);
    expect(parseMoney("1500", "JPY")).toBe(1_500);
  });
  it("refuses more decimals than the currency has, instead of rounding", () => {
    expect(() => parseMoney("10.005", "USD")).toThrow(MoneyError);
    expect(() => parseMoney("10.005", "USD")).toThrow(/more than 2 decimals/);
    expect(() => parseMoney("100.5", "JPY")).toThrow(/no decimals/);
  });
  it("refuses text that is not an amount", () => {
    for (const bad of ["", "abc", "1.2.3", "12a", "--5"]) expect(() => parseMoney(bad, "USD")).toThrow(MoneyError);
  });
  it("round-trips every amount through its formatted text", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (cents) => {
        expect(parseMoney(formatMoney(cents, "USD"), "USD")).toBe(cents);
      }),
    );
  });
});

describe("formatMoney", () => {
  it("uses the currency's own minor units", () => {
    expect(formatMoney(123_456, "USD")).toBe("$1,234.56");
    expect(formatMoney(1_500, "JPY")).toBe("¥1,500");
    expect(formatMoney(-2_000, "USD")).toBe("-$20.00");
    expect(formatMoney(99, "EUR")).toBe("€0.99");
  });
});

describe("applyBps", () => {
  it("rounds the way the caller says", () => {
    expect(applyBps(1_001, 200, "down")).toBe(20); // 20.02
    expect(applyBps(1_001, 200, "up")).toBe(21);
    expect(applyBps(1_001, 200, "half-up")).toBe(20);
    expect(applyBps(125, 2_000, "half-up")).toBe(25);
    expect(applyBps(25, 1_000, "half-up")).toBe(3); // 2.5 rounds up
    expect(applyBps(25, 1_000, "down")).toBe(2);
    expect(applyBps(-25, 1_000, "half-up")).toBe(-3);
    expect(applyBps(-25, 1_000, "down")).toBe(-3);
    expect(applyBps(-25, 1_000, "up")).toBe(-2);
  });
  it("never strays more than one cent from the exact value", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 10), max: 10 ** 10 }), fc.integer({ min: 0, max: 10_000 }), fc.constantFrom("down", "up", "half-up" as const), (cents, bps, mode) => {
        const exact = (cents * bps) / 10_000;
        expect(Math.abs(applyBps(cents, bps, mode) - exact)).toBeLessThan(1);
      }),
    );
  });
  it("refuses fractional inputs", () => {
    expect(() => applyBps(10.5, 100, "down")).toThrow(MoneyError);
    expect(() => applyBps(100, 1.5, "down")).toThrow(MoneyError);
  });
});

describe("splitEvenly", () => {
  it("gives the odd cents to the first parts", () => {
    expect(splitEvenly(1_000, 3)).toEqual([334, 333, 333]);
    expect(splitEvenly(1_001, 3)).toEqual([334, 334, 333]);
    expect(splitEvenly(2, 4)).toEqual([1, 1, 0, 0]);
  });
  it("always adds up to the total, with parts one cent apart at most", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 11 }), fc.integer({ min: 1, max: 60 }), (total, parts) => {
        const split = splitEvenly(total, parts);
        expect(split).toHaveLength(parts);
        expect(split.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...split) - Math.min(...split)).toBeLessThanOrEqual(1);
        expect([...split].sort((a, b) => b - a)).toEqual(split);
      }),
    );
  });
  it("refuses impossible splits", () => {
    expect(() => splitEvenly(100, 0)).toThrow(MoneyError);
    expect(() => splitEvenly(-1, 2)).toThrow(MoneyError);
    expect(() => splitEvenly(1.5, 2)).toThrow(MoneyError);
  });
});

describe("lineAmount", () => {
  it("multiplies exactly and refuses what would need rounding", () => {
    expect(lineAmount(1_500, 10_000)).toBe(15_000);
    expect(lineAmount(12_500, 11_000)).toBe(137_500);
    expect(() => lineAmount(1_500, 1_001)).toThrow(/whole number of cents/);
  });
});

describe("sums per currency (decision 033)", () => {
  it("adds each currency on its own and loses nothing", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ currency: fc.constantFrom("USD", "EUR", "JPY", "SEK"), cents: fc.integer({ min: -1_000_000, max: 1_000_000 }) }), { maxLength: 40 }), (items) => {
        const sums = sumByCurrency(items);
        expect(new Set(sums.map((s) => s.currency)).size).toBe(sums.length);
        for (const s of sums) expect(s.cents).toBe(items.filter((i) => i.currency === s.currency).reduce((t, i) => t + i.cents, 0));
        expect(sums.map((s) => s.currency).sort()).toEqual([...new Set(items.map((i) => i.currency))].sort());
      }),
    );
  });

  it("says amounts of several currencies without adding them", () => {
    expect(formatAmounts([{ currency: "JPY", cents: 120_000 }, { currency: "USD", cents: 5_000 }])).toBe("¥120,000 and $50.00");
    expect(formatAmounts([])).toBe("nothing");
  });
});
