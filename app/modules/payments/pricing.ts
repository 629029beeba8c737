// The price difference between methods: a card surcharge and/or an ACH discount, in basis points of
// the amount applied to invoices. Rounded half-up to the cent, the same way everywhere it is shown or charged.
import { applyBps, type Cents } from "~/modules/money/money";

export type OnlineMethod = "CARD" | "US_BANK_ACCOUNT";
export const ONLINE_METHODS: readonly OnlineMethod[] = ["CARD", "US_BANK_ACCOUNT"];

/** How a customer can pay in a currency: by card in every currency; by US bank debit (ACH) in US dollars only. */
export function methodsFor(currency: string): readonly OnlineMethod[] {
  return currency === "USD" ? ONLINE_METHODS : ["CARD"];
}

export const ACH_USD_ONLY = "Bank debit (ACH) takes US dollars only: pay by card.";

export type MethodPricing = { cardSurchargeBps: number; achDiscountBps: number };
export type MethodQuote = { method: OnlineMethod; principalCents: Cents; adjustmentCents: Cents; totalCents: Cents };

export function quoteMethod(principalCents: Cents, method: OnlineMethod, pricing: MethodPricing): MethodQuote {
  const adjustmentCents =
    method === "CARD" ? applyBps(principalCents, pricing.cardSurchargeBps, "half-up") : -applyBps(principalCents, pricing.achDiscountBps, "half-up");
  return { method, principalCents, adjustmentCents, totalCents: principalCents + adjustmentCents };
}

export function quoteAll(principalCents: Cents, pricing: MethodPricing): Record<OnlineMethod, MethodQuote> {
  return { CARD: quoteMethod(principalCents, "CARD", pricing), US_BANK_ACCOUNT: quoteMethod(principalCents, "US_BANK_ACCOUNT", pricing) };
}

export const METHOD_LABELS: Record<string, string> = {
  CARD: "Card",
  US_BANK_ACCOUNT: "Bank account (ACH)",
  CHECK: "Cheque",
  BANK_TRANSFER: "Bank transfer",
  OTHER: "Other",
};
