import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "./contrast";

describe("contrastRatio", () => {
  it("matches WCAG's reference values", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBeCloseTo(1, 5);
    // Tailwind teal-700 under white text: 5.47:1; slate-400 on white: 2.56:1 (what axe reported).
    expect(contrastRatio("#0f766e", "#ffffff")).toBeCloseTo(5.47, 2);
    expect(contrastRatio("#94a3b8", "#ffffff")).toBeCloseTo(2.56, 2);
  });

  it("is symmetric and between 1 and 21", () => {
    const hex = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, "0")}`);
    fc.assert(
      fc.property(hex, hex, (a, b) => {
        const r = contrastRatio(a, b);
        expect(r).toBeGreaterThanOrEqual(1);
        expect(r).toBeLessThanOrEqual(21.0000001);
        expect(contrastRatio(b, a)).toBeCloseTo(r, 10);
      }),
    );
  });
});
