import { describe, expect, it } from "vitest";
import { figure, formatTable, invoiceCountsTotal, invoicesOfCustomer, meets, ratio } from "./stats";

describe("the benchmark's helpers", () => {
  it("gives exactly ten invoices per customer on average, with 1% of customers holding 50", () => {
    expect(invoiceCountsTotal(100_000)).toBe(1_000_000);
    expect(invoiceCountsTotal(2_000)).toBe(20_000);
    expect(invoicesOfCustomer(100)).toBe(50);
    expect([1, 2, 3, 7, 10].map(invoicesOfCustomer)).toEqual([7, 10, 7, 8, 20]);
  });

  it("judges goals in their direction and never passes a figure that could not be computed", () => {
    expect(meets(0.6, { kind: "min", value: 0.5 })).toBe(true);
    expect(meets(0.4, { kind: "min", value: 0.5 })).toBe(false);
    expect(meets(51, { kind: "max", value: 50 })).toBe(false);
    expect(meets(ratio(3, 0), { kind: "max", value: 3 })).toBe(false);
    expect(figure("x", 12, "s").met).toBeUndefined();
  });

  it("prints one aligned row per figure with its goal and verdict", () => {
    const table = formatTable([figure("engine decision run", 12.345, "s", { kind: "max", value: 30 }), figure("portal / bare requests/s", 0.42, "×", { kind: "min", value: 0.5 })]);
    const lines = table.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^engine decision run\s+12\.3 s\s+≤ 30\.0 s\s+yes$/);
    expect(lines[3]).toMatch(/^portal \/ bare requests\/s\s+0\.42×\s+≥ 0\.50×\s+NO$/);
    expect(new Set(lines.map((l) => l.indexOf("  ")).slice(0, 1)).size).toBe(1);
  });
});
