import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkIban, formatIban, ibanBankCodes, ibanCheckDigits, ibanLast4, ibanRemainder, SEPA_IBAN_LENGTHS } from "./iban";
import { SEPA_TEST_IBANS } from "./simulator-outcomes";

const countries = Object.keys(SEPA_IBAN_LENGTHS);
const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".split("");

/** A random valid IBAN of a SEPA country: its BBAN of the right length, then its check digits. */
const validIban = fc
  .constantFrom(...countries)
  .chain((country) =>
    fc.array(fc.constantFrom(...ALNUM), { minLength: SEPA_IBAN_LENGTHS[country]!.length - 4, maxLength: SEPA_IBAN_LENGTHS[country]!.length - 4 }).map((chars) => {
      const bban = chars.join("");
      return `${country}${ibanCheckDigits(country, bban)}${bban}`;
    }),
  );

describe("IBAN validation", () => {
  it("accepts Stripe's test IBANs, with or without spaces and in lower case", () => {
    for (const iban of Object.keys(SEPA_TEST_IBANS)) expect(checkIban(iban)).toMatchObject({ ok: true, iban });
    expect(checkIban("de89 3704 0044 0532 0130 00")).toEqual({ ok: true, iban: "DE89370400440532013000", country: "DE" });
  });

  it("says what to fix: the length for the country, the check digits, the characters, the country", () => {
    expect(checkIban("DE8937040044053201300")).toMatchObject({ ok: false, message: "A German IBAN (DE) has 22 characters; this one is missing 1. Check it against your bank statement." });
    expect(checkIban("AT6119043002345732011")).toMatchObject({ ok: false, message: "An Austrian IBAN (AT) has 20 characters; this one has 1 too many. Check it against your bank statement." });
    expect(checkIban("DE89370400440532013001")).toMatchObject({ ok: false, message: expect.stringContaining("check digits do not match") });
    expect(checkIban("DE89-3704-0044-0532-0130-00")).toMatchObject({ ok: false, message: expect.stringContaining("only letters and digits") });
    expect(checkIban("US89370400440532013000")).toMatchObject({ ok: false, message: expect.stringContaining("US is not a country of the SEPA") });
    expect(checkIban("  ")).toMatchObject({ ok: false, message: expect.stringContaining("Enter your IBAN") });
  });

  // Mod 97 over the IBAN's digits (letters count as two digits, 10–35) is guaranteed to catch a character replaced by
  // another of its kind, and two different neighbours of one kind swapped; a letter for a digit can slip through.
  const sameKind = (a: string, b: string) => /\d/.test(a) === /\d/.test(b);

  it("property: every IBAN with computed check digits is valid, and any one character replaced by another of its kind is caught", () => {
    fc.assert(
      fc.property(validIban, fc.nat(), fc.constantFrom(...ALNUM), (iban, at, replacement) => {
        expect(checkIban(iban)).toMatchObject({ ok: true, iban });
        expect(ibanRemainder(iban)).toBe(1);
        const index = 2 + (at % (iban.length - 2));
        const original = iban[index]!;
        fc.pre(original !== replacement && sameKind(original, replacement));
        const changed = iban.slice(0, index) + replacement + iban.slice(index + 1);
        expect(checkIban(changed).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("property: swapping two different neighbouring characters of one kind is caught", () => {
    fc.assert(
      fc.property(validIban, fc.nat(), (iban, at) => {
        const index = 2 + (at % (iban.length - 3));
        const [a, b] = [iban[index]!, iban[index + 1]!];
        fc.pre(a !== b && sameKind(a, b));
        const swapped = iban.slice(0, index) + b + a + iban.slice(index + 2);
        expect(checkIban(swapped).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("formats in groups of four and keeps only the last four to show", () => {
    expect(formatIban("DE89370400440532013000")).toBe("DE89 3704 0044 0532 0130 00");
    expect(ibanLast4("de89 3704 0044 0532 0130 00")).toBe("3000");
    expect(ibanBankCodes("DE89370400440532013000")).toEqual({ bankCode: "37040044", branchCode: "" });
    expect(ibanBankCodes("FR1420041010050500013M02606")).toEqual({ bankCode: "20041", branchCode: "01005" });
  });
});
