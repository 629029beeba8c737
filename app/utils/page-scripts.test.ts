import { describe, expect, it } from "vitest";
import { pageScripts, withoutScripts } from "./page-scripts";

describe("pageScripts", () => {
  it("sends scripts unless a route of the page says it works without them", () => {
    expect(pageScripts([undefined, { other: true }, null])).toBe(true);
    expect(pageScripts([undefined, withoutScripts])).toBe(false);
    expect(pageScripts([{ scripts: true }])).toBe(true);
  });
});
