// Money is an integer number of minor units (cents) with an ISO 4217 currency code. Never a float.

export type Cents = number;

export class MoneyError extends Error {}

export function assertCents(value: number, what = "amount"): Cents {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`${what} must be a whole number of minor units, got ${value}`);
  return value;
}

// Intl formatters are costly to create (a page of 50 invoices made hundreds) and immutable: one per key.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, currency: string, digits?: number) {
  const key = `${locale}|${currency}|${digits ?? ""}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency, ...(digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }) });
    numberFormats.set(key, format);
  }
  return format;
}

/** Number of minor-unit digits for a currency (2 for USD, 0 for JPY), from the platform's ICU data. */
const minorDigitsOf = new Map<string, number>();

export function minorDigits(currency: string): number {
  let digits = minorDigitsOf.get(currency);
  if (digits === undefined) {
    digits = numberFormat("en-US", currency).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigitsOf.set(currency, digits);
  }
  return digits;
}

export function formatMoney(cents: Cents, currency: string, locale = "en-US"): string {
  const digits = minorDigits(currency);
  return numberFormat(locale, currency, digits).format(cents / 10 ** digits);
}

/**
 * Parses what a person typed ("1,234.5", "$20", "0.07") into minor units, exactly.
 * More decimals than the currency has is an error, never a silent rounding.
 */
export function parseMoney(input: string, currency: string): Cents {
  const digits = minorDigits(currency);
  const cleaned = input.trim().replace(/^[^\d.-]+/, "").replace(/,/g, "");
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) throw new MoneyError(`"${input}" is not an amount. Write it like 1234.56`);
  const [, sign, whole = "0", fraction = ""] = match;
  if (fraction.length > digits) {
    throw new MoneyError(
      digits === 0
        ? `${currency} amounts have no decimals: "${input}"`
        : `"${input}" has more than ${digits} decimals; ${currency} amounts are exact to the cent`,
    );
  }
  const value = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(value)) throw new MoneyError(`"${input}" is too large`);
  return sign ? -value : value;
}

export type Rounding = "down" | "up" | "half-up";

/** `cents × bps / 10000` with the rounding spelled out by the caller. */
export function applyBps(cents: Cents, bps: number, rounding: Rounding): Cents {
  assertCents(cents);
  if (!Number.isInteger(bps)) throw new MoneyError(`basis points must be an integer, got ${bps}`);
  const product = BigInt(cents) * BigInt(bps);
  const whole = product / 10000n;
  const remainder = product % 10000n;
  let result = whole;
  if (remainder !== 0n) {
    const positive = product > 0n;
    if (rounding === "up") result = positive ? whole + 1n : whole;
    else if (rounding === "down") result = positive ? whole : whole - 1n;
    else {
      const twice = (remainder < 0n ? -remainder : remainder) * 2n;
      if (twice >= 10000n) result = positive ? whole + 1n : whole - 1n;
    }
  }
  return Number(result);
}

/**
 * Splits `total` into `parts` amounts that differ by at most one minor unit and add up to `total`
 * exactly. The extra units go to the first parts, so callers can say which part carries them.
 */
export function splitEvenly(total: Cents, parts: number): Cents[] {
  assertCents(total, "total");
  if (!Number.isInteger(parts) || parts < 1) throw new MoneyError(`cannot split into ${parts} parts`);
  if (total < 0) throw new MoneyError("cannot split a negative amount");
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

export function sum(values: readonly Cents[]): Cents {
  return values.reduce((a, b) => a + b, 0);
}

/** Line amount from a quantity in thousandths and a unit price; refuses anything that is not exact. */
export function lineAmount(quantityMilli: number, unitAmountCents: Cents): Cents {
  const product = BigInt(quantityMilli) * BigInt(unitAmountCents);
  if (product % 1000n !== 0n) {
    throw new MoneyError(
      `${quantityMilli / 1000} × ${unitAmountCents} does not come to a whole number of cents; adjust the quantity or the price`,
    );
  }
  return Number(product / 1000n);
}

/** An amount as a plain decimal in its currency's own exponent ("1234.50", "12000" for JPY), for a form field. */
export function formatDecimal(cents: Cents, currency: string): string {
  const digits = minorDigits(currency);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, "0")}`;
}

/** The currencies a business bills in, with their names (ISO 4217; minor units from the platform's ICU data). */
export const SUPPORTED_CURRENCIES = ["USD", "EUR", "GBP", "CAD", "AUD", "SEK", "JPY", "CNY"] as const;
export type SupportedCurrency = (typeof SUPPORTED_CURRENCIES)[number];

const currencyNames = new Intl.DisplayNames(["en"], { type: "currency" });

/** "Euro (EUR)", "Japanese yen (JPY)". */
export function currencyLabel(currency: string): string {
  return `${currencyNames.of(currency) ?? currency} (${currency})`;
}

/** The symbol a form label shows: "$", "€", "¥", "CA$", "SEK". */
export function currencySymbol(currency: string): string {
  return numberFormat("en-US", currency).formatToParts(0).find((p) => p.type === "currency")?.value ?? currency;
}
