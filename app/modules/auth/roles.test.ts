import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, refusal, ROLES, type Permission } from "./roles";

const all = Object.keys(PERMISSIONS) as Permission[];

describe("the role table", () => {
  it("gives an owner every permission", () => {
    for (const p of all) expect(can("OWNER", p)).toBe(true);
  });
  it("lets a collector read and collect, and nothing else", () => {
    expect(all.filter((p) => can("COLLECTOR", p))).toEqual(["read", "collect"]);
  });
  it("lets a viewer read and export, and change nothing", () => {
    expect(all.filter((p) => can("VIEWER", p))).toEqual(["read", "export"]);
  });
  it("keeps settings, the team and refunds to owners", () => {
    for (const role of ROLES) for (const p of ["configure", "team", "refund", "concede"] as const) expect(can(role, p)).toBe(role === "OWNER");
  });
  it("says what the role cannot do and whom to ask", () => {
    expect(refusal("COLLECTOR", "configure")).toBe("Your role (Collector) cannot change the business's settings. Ask an owner of the business.");
  });
});
