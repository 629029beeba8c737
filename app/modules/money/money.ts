// Money is an integer number of minor units (cents) with an ISO 4217 currency code. Never a float.

export type Cents = number;

export type MoneyErrorKind = "notAmount" | "noDecimals" | "tooManyDecimals" | "tooLarge";

/**
 * An amount that cannot be used. Typed amounts say what was wrong (`kind`, with the `input` and `currency`), so
 * that a customer page can say it in the customer's language; `message` is the English text.
 */
export class MoneyError extends Error {
  constructor(
    message: string,
    readonly kind?: MoneyErrorKind,
    readonly input?: string,
    readonly currency?: string,
  ) {
    super(message);
  }
}

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

/** The decimal and grouping separators of a locale ("." and "," in en-US; "," and "." in German). */
const separatorsOf = new Map<string, { decimal: string; group: string }>();
function separators(locale: string) {
  let found = separatorsOf.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(1234567.5);
    found = { decimal: parts.find((p) => p.type === "decimal")?.value ?? ".", group: parts.find((p) => p.type === "group")?.value ?? "," };
    separatorsOf.set(locale, found);
  }
  return found;
}

const SPACES = /[\s\u00a0\u202f]/g;
// A currency sign or code around a typed amount: "$", "€", "CA$", "US$", "CN¥", "EUR", "kr".
const CURRENCY_BEFORE = /^(?:[A-Z]{0,3}[$€£¥][A-Z]{0,3}|[A-Z]{3}|kr)\s*/;
const CURRENCY_AFTER = /\s*(?:[A-Z]{0,3}[$€£¥][A-Z]{0,3}|[A-Z]{3}|kr|元|円)$/;

/** How a typed amount should look in a locale, for error messages: "1,234.56", "1.234,56", "1 234,56", "1,234" (yen). */
export function amountExample(currency: string, locale = "en-US"): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(digits === 0 ? 1234 : 1234.56);
}

/**
 * Parses what a person typed ("1,234.5", "$20", "0.07"; "1.234,50 €" in German) into minor units, exactly.
 * Separators follow the locale, and groups must be groups of three: "250,00" in English or "250.00" in German is
 * refused (never read as 25,000). More decimals than the currency has is an error, never a silent rounding.
 */
export function parseMoney(input: string, currency: string, locale = "en-US"): Cents {
  const digits = minorDigits(currency);
  const { decimal, group } = separators(locale);
  const notAmount = () => new MoneyError(`"${input}" is not an amount. Write it like ${amountExample(currency, locale)}`, "notAmount", input, currency);
  // Currency signs and codes before or after the number ("$20", "20 €", "SEK 99.95").
  // Bidi marks (Arabic amounts start with one) are dropped; Arabic-Indic digits and separators read as Latin ones.
  let text = input
    .replace(/[\u200e\u200f\u061c]/g, "")
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, decimal)
    .replace(/\u066c/g, group)
    .trim()
    .replace(CURRENCY_BEFORE, "")
    .replace(CURRENCY_AFTER, "")
    .trim();
  const negative = text.startsWith("-");
  if (negative) text = text.slice(1).trim();
  const spaceGroup = group.replace(SPACES, " ") === " ";
  if (spaceGroup) text = text.replace(SPACES, " ");
  const pieces = text.split(decimal);
  if (pieces.length > 2) throw notAmount();
  const [whole = "", fraction = ""] = pieces;
  const groupChar = spaceGroup ? " " : group;
  const escaped = groupChar.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const wholeOk = new RegExp(`^(?:\\d+|\\d{1,3}(?:${escaped}\\d{3})+)$`).test(whole) || (whole === "" && fraction !== "");
  if (!wholeOk || !/^\d*$/.test(fraction) || (pieces.length === 2 && fraction === "" && whole === "")) throw notAmount();
  if (fraction.length > digits) {
    throw new MoneyError(
      digits === 0
        ? `${currency} amounts have no decimals: "${input}"`
        : `"${input}" has more than ${digits} decimals; ${currency} amounts are exact to the cent`,
      digits === 0 ? "noDecimals" : "tooManyDecimals",
      input,
      currency,
    );
  }
  const value = Number(whole.split(groupChar).join("") || "0") * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(value)) throw new MoneyError(`"${input}" is too large`, "tooLarge", input, currency);
  return negative ? -value : value;
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

/** An amount as a plain decimal in its currency's own exponent ("1234.50", "1234,50" in German, "12000" for JPY), for a form field. */
export function formatDecimal(cents: Cents, currency: string, locale = "en-US"): string {
  const digits = minorDigits(currency);
  const { decimal } = separators(locale);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10 ** digits;
  return `${sign}${Math.floor(abs / scale)}${decimal}${String(abs % scale).padStart(digits, "0")}`;
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

/** Amounts added per currency, never across (decision 033): one entry per currency, in first-seen order. */
export function sumByCurrency(items: readonly { currency: string; cents: Cents }[]): { currency: string; cents: Cents }[] {
  const totals = new Map<string, Cents>();
  for (const item of items) totals.set(item.currency, (totals.get(item.currency) ?? 0) + item.cents);
  return [...totals.entries()].map(([currency, cents]) => ({ currency, cents }));
}

/** Per-currency amounts in words: "¥120,000 and €50.00"; "nothing" for none. */
export function formatAmounts(amounts: readonly { currency: string; cents: Cents }[], locale = "en-US"): string {
  const parts = amounts.map((a) => formatMoney(a.cents, a.currency, locale));
  return parts.length === 0 ? "nothing" : new Intl.ListFormat(locale, { type: "conjunction" }).format(parts);
}
