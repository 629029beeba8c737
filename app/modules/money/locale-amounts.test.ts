// Amounts typed and shown in each language of the customer side: read exactly, or refused, never misread.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDecimal, formatMoney, MoneyError, parseMoney, SUPPORTED_CURRENCIES } from "./money";

const TAGS = ["en-US", "es", "fr", "de", "sv", "ru", "zh-CN", "ar"];

describe("amounts in every language", () => {
  it("reads each language's own way of writing an amount", () => {
    expect(parseMoney("1.234,50", "EUR", "de")).toBe(123_450);
    expect(parseMoney("1.234,50 €", "EUR", "de")).toBe(123_450);
    expect(parseMoney("250,5", "EUR", "de")).toBe(25_050);
    expect(parseMoney("1 234,50", "EUR", "fr")).toBe(123_450);
    expect(parseMoney("1\u202f234,50\u00a0€", "EUR", "fr")).toBe(123_450);
    expect(parseMoney("99,95 kr", "SEK", "sv")).toBe(9_995);
    expect(parseMoney("١٬٢٣٤٫٥٠", "USD", "ar")).toBe(123_450);
    expect(parseMoney("1234.50", "USD", "ar")).toBe(123_450);
    expect(parseMoney("1,234.50", "CNY", "zh-CN")).toBe(123_450);
  });

  it("refuses a separator used the other way round instead of reading it as thousands", () => {
    expect(() => parseMoney("250.00", "EUR", "de")).toThrow(MoneyError);
    expect(() => parseMoney("250,00", "USD", "en-US")).toThrow(MoneyError);
    expect(() => parseMoney("1.234.5", "EUR", "de")).toThrow(MoneyError);
    expect(() => parseMoney("12a", "USD")).toThrow(MoneyError);
    try {
      parseMoney("250.00", "EUR", "de");
    } catch (error) {
      expect(error).toMatchObject({ kind: "notAmount", input: "250.00", currency: "EUR" });
      expect((error as Error).message).toContain("1.234,56");
    }
  });

  it("reads back every amount it shows, in every language and currency", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), fc.constantFrom(...SUPPORTED_CURRENCIES), fc.constantFrom(...TAGS), (cents, currency, tag) => {
        expect(parseMoney(formatMoney(cents, currency, tag), currency, tag)).toBe(cents);
        expect(parseMoney(formatDecimal(cents, currency, tag), currency, tag)).toBe(cents);
      }),
    );
  });

  it("fills form fields with the language's decimal separator and the currency's own exponent", () => {
    expect(formatDecimal(123_450, "EUR", "de")).toBe("1234,50");
    expect(formatDecimal(123_450, "USD")).toBe("1234.50");
    expect(formatDecimal(12_000, "JPY", "de")).toBe("12000");
  });
});
