import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyOfInvoices, methodRefusal, methodsFor } from "~/modules/payments/pricing";
import { translateRefusal } from "~/modules/i18n/refusal";
import { translator } from "~/modules/i18n/translator.server";
import { currencyLabel, currencySymbol, formatDecimal, formatMoney, minorDigits, parseMoney, SUPPORTED_CURRENCIES } from "./money";

describe("every supported currency, in its own exponent", () => {
  it("knows each currency's minor units: none for the yen, two for the others", () => {
    expect(Object.fromEntries(SUPPORTED_CURRENCIES.map((c) => [c, minorDigits(c)]))).toEqual({ USD: 2, EUR: 2, GBP: 2, CAD: 2, AUD: 2, SEK: 2, JPY: 0, CNY: 2 });
  });

  it("writes an amount as a decimal and reads it back to the same minor units, for any amount", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SUPPORTED_CURRENCIES), fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), (currency, cents) => {
        expect(parseMoney(formatDecimal(cents, currency), currency)).toBe(cents);
      }),
    );
  });

  it("never rounds: more decimals than the currency has is an error that names the currency", () => {
    expect(() => parseMoney("12000.5", "JPY")).toThrow("JPY amounts have no decimals");
    expect(() => parseMoney("10.005", "EUR")).toThrow("more than 2 decimals; EUR amounts are exact to the cent");
    expect(parseMoney("12,000", "JPY")).toBe(12_000);
    expect(parseMoney("99.95", "SEK")).toBe(9_995);
  });

  it("formats with the currency's own symbol and decimals", () => {
    expect(formatMoney(1_200_000, "JPY")).toBe("¥1,200,000");
    expect(formatMoney(123_456, "EUR")).toBe("€1,234.56");
    expect(formatMoney(123_456, "SEK")).toBe("SEK\u00a01,234.56");
    expect(formatDecimal(12_000, "JPY")).toBe("12000");
    expect(formatDecimal(-5, "GBP")).toBe("-0.05");
  });

  it("names currencies and their symbols for forms", () => {
    expect(currencyLabel("JPY")).toBe("Japanese Yen (JPY)");
    expect(SUPPORTED_CURRENCIES.map(currencySymbol)).toEqual(["$", "€", "£", "CA$", "A$", "SEK", "¥", "CN¥"]);
  });

  it("offers bank debit (ACH) in US dollars only, SEPA Direct Debit in euros only, card in every currency", () => {
    for (const c of SUPPORTED_CURRENCIES) expect(methodsFor(c)).toEqual(c === "USD" ? ["CARD", "US_BANK_ACCOUNT"] : c === "EUR" ? ["CARD", "SEPA_DEBIT"] : ["CARD"]);
    const say = (r: ReturnType<typeof methodRefusal>) => (r ? translateRefusal(translator("en"), r) : null);
    expect(say(methodRefusal("SEPA_DEBIT", "USD"))).toBe("SEPA Direct Debit takes euros only, and this is in USD: pay by card or bank account (ACH).");
    expect(say(methodRefusal("US_BANK_ACCOUNT", "EUR"))).toBe("Bank debit (ACH) takes US dollars only, and this is in EUR: pay by card or SEPA Direct Debit.");
    expect(say(methodRefusal("US_BANK_ACCOUNT", "JPY"))).toBe("Bank debit (ACH) takes US dollars only, and this is in JPY: pay by card.");
    expect(methodRefusal("CARD", "JPY")).toBeNull();
    expect(currencyOfInvoices([{ currency: "EUR" }, { currency: "EUR" }], "USD")).toBe("EUR");
    expect(currencyOfInvoices([{ currency: "EUR" }, { currency: "USD" }], "USD")).toBeNull();
  });
});
