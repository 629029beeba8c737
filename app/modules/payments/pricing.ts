// The price difference between methods: a card surcharge and/or a bank debit discount (ACH or SEPA), in basis
// points of the amount applied to invoices. Rounded half-up to the cent, the same way everywhere it is shown or charged.
import type { Refusal } from "~/modules/i18n/refusal";
import { applyBps, type Cents } from "~/modules/money/money";

export type OnlineMethod = "CARD" | "US_BANK_ACCOUNT" | "SEPA_DEBIT";
export const ONLINE_METHODS: readonly OnlineMethod[] = ["CARD", "US_BANK_ACCOUNT", "SEPA_DEBIT"];

/** The bank debits: they stay processing for days, then succeed or fail (and can be returned later). */
export type BankDebitMethod = Exclude<OnlineMethod, "CARD">;

export function isBankDebit(method: string): method is BankDebitMethod {
  return method === "US_BANK_ACCOUNT" || method === "SEPA_DEBIT";
}

/**
 * How a customer can pay, by the currency of the money being paid (never the business's): by card in every
 * currency; by US bank debit (ACH) in US dollars only; by SEPA Direct Debit in euros only.
 */
export function methodsFor(currency: string): readonly OnlineMethod[] {
  if (currency === "USD") return ["CARD", "US_BANK_ACCOUNT"];
  if (currency === "EUR") return ["CARD", "SEPA_DEBIT"];
  return ["CARD"];
}

/** Why a method cannot pay in a currency (null when it can), as a message that says what to do instead. */
export function methodRefusal(method: OnlineMethod, currency: string): Refusal | null {
  if (methodsFor(currency).includes(method)) return null;
  if (method === "US_BANK_ACCOUNT") return { key: "pay.error.achUsd", values: { currency, alternative: currency === "EUR" ? "sepa" : "card" } };
  if (method === "SEPA_DEBIT") return { key: "pay.error.sepaEur", values: { currency, alternative: currency === "USD" ? "ach" : "card" } };
  return { key: "pay.error.cardCurrency", values: { currency } };
}

/** The currency of the money being paid: the invoices' own. `null` when they differ (one payment is one currency). */
export function currencyOfInvoices(invoices: readonly { currency: string }[], fallback: string): string | null {
  const currencies = new Set(invoices.map((i) => i.currency));
  if (currencies.size > 1) return null;
  return invoices[0]?.currency ?? fallback;
}


/** A stored method type as the online method it is charged as (an offline type never is: it reads as card). */
export function onlineMethodOf(type: string | null | undefined): OnlineMethod {
  return type === "US_BANK_ACCOUNT" || type === "SEPA_DEBIT" ? type : "CARD";
}

/** How a SEPA debit's account is shown everywhere (receipts, the owner's lists): never more than the IBAN's last four. */
export function describeSepaAccount(last4: string) {
  return `SEPA Direct Debit ···${last4}`;
}

/** How many business days a bank debit may take to clear, as the customer is told. */
export const CLEARING_BUSINESS_DAYS: Record<BankDebitMethod, number> = { US_BANK_ACCOUNT: 4, SEPA_DEBIT: 5 };

export type MethodPricing = { cardSurchargeBps: number; achDiscountBps: number };
export type MethodQuote = { method: OnlineMethod; principalCents: Cents; adjustmentCents: Cents; totalCents: Cents };

export function quoteMethod(principalCents: Cents, method: OnlineMethod, pricing: MethodPricing): MethodQuote {
  const adjustmentCents =
    method === "CARD" ? applyBps(principalCents, pricing.cardSurchargeBps, "half-up") : -applyBps(principalCents, pricing.achDiscountBps, "half-up"); // every bank debit
  return { method, principalCents, adjustmentCents, totalCents: principalCents + adjustmentCents };
}

export function quoteAll(principalCents: Cents, pricing: MethodPricing): Record<OnlineMethod, MethodQuote> {
  return {
    CARD: quoteMethod(principalCents, "CARD", pricing),
    US_BANK_ACCOUNT: quoteMethod(principalCents, "US_BANK_ACCOUNT", pricing),
    SEPA_DEBIT: quoteMethod(principalCents, "SEPA_DEBIT", pricing),
  };
}

export const METHOD_LABELS: Record<string, string> = {
  CARD: "Card",
  US_BANK_ACCOUNT: "Bank account (ACH)",
  SEPA_DEBIT: "SEPA Direct Debit",
  CHECK: "Cheque",
  BANK_TRANSFER: "Bank transfer",
  OTHER: "Other",
};
