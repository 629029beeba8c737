import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it("asks for 12 characters and says how many there are", () => {
    expect(passwordProblem("Tr0ub4dor&3")).toBe("Use at least 12 characters (this one has 11). A few unrelated words make a strong one.");
  });
  it("refuses long but guessable passwords, saying why", () => {
    expect(passwordProblem("passwordpassword")).toMatch(/^This password is too easy to guess\./);
    expect(passwordProblem("123456789012")).toMatch(/too easy to guess/);
    expect(passwordProblem("qwertyuiopasdf")).toMatch(/too easy to guess/);
  });
  it("counts the person's own name, email and business as guessable", () => {
    const context = { email: "olivia@northwind.test", name: "Olivia Northwind", businessName: "Northwind Studio" };
    expect(passwordProblem("northwindolivia", context)).toMatch(/too easy to guess/);
    expect(passwordProblem("northwindolivia")).toBeNull();
  });
  it("accepts a passphrase of unrelated words", () => {
    expect(passwordProblem("copper lantern orchard tide")).toBeNull();
    expect(passwordProblem("paid-on-time-2026")).toBeNull();
  });
});
