import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyCode, formatRecoveryCode, groupSecret, normalizeRecoveryCode } from "./two-step";

describe("recovery codes", () => {
  it("are two groups of five unambiguous characters, and read back however they are typed", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        const code = formatRecoveryCode(bytes);
        expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);
        expect(normalizeRecoveryCode(code)).toBe(code);
        expect(normalizeRecoveryCode(` ${code.toUpperCase().replace("-", " ")} `)).toBe(code);
        expect(normalizeRecoveryCode(code.replace("-", ""))).toBe(code);
      }),
    );
  });
  it("refuses look-alikes and wrong lengths", () => {
    expect(normalizeRecoveryCode("abcde-2345")).toBeNull();
    expect(normalizeRecoveryCode("abcde-2345o")).toBeNull();
    expect(normalizeRecoveryCode("abcde-23451")).toBeNull();
  });
});

describe("what the person typed", () => {
  it("sorts codes and says what to fix", () => {
    expect(classifyCode(" 123 456 ")).toEqual({ kind: "totp", code: "123456" });
    expect(classifyCode("abcde-23456")).toEqual({ kind: "recovery", code: "abcde-23456" });
    expect(classifyCode("")).toMatchObject({ kind: "invalid", message: expect.stringMatching(/6-digit code/) });
    expect(classifyCode("12345")).toMatchObject({ kind: "invalid", message: "An authenticator code has 6 digits; that has 5." });
    expect(classifyCode("hello")).toMatchObject({ kind: "invalid", message: expect.stringMatching(/neither/) });
  });
  it("shows a secret in groups of four", () => {
    expect(groupSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});
