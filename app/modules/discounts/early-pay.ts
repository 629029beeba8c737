// Early-pay discounts ("2/10 net 30": 2% off if paid within 10 days of the invoice date). Pure rules:
// which terms apply to an invoice, and what a payment in time saves. The whole last day counts, in the
// business's time zone.
import { addDays, type CalendarDate } from "~/modules/dates/calendar";
import { applyBps, type Cents } from "~/modules/money/money";

export type DiscountTerms = {
  kind: "PERCENT" | "FIXED";
  percentBps: number;
  amountCents: Cents;
  windowDays: number;
  achOnly: boolean;
  combinesWithPlan: boolean;
};

/** The business's policy; `currency` is the business's, the currency its fixed amount is in. */
export type PolicyLike = DiscountTerms & { enabled: boolean; currency?: string };
export type InvoiceOverride = {
  discountOverride: "INHERIT" | "NONE" | "CUSTOM";
  discountKind: "PERCENT" | "FIXED" | null;
  discountPercentBps: number | null;
  discountAmountCents: number | null;
  discountWindowDays: number | null;
  currency?: string;
};

/**
 * The terms that apply to one invoice: the owner's per-invoice override wins over the business policy. A fixed
 * amount off is in the business's currency and is not offered on an invoice in another currency (decision 033);
 * a percentage applies in every currency.
 */
export function termsFor(policy: PolicyLike | null, invoice: InvoiceOverride): DiscountTerms | null {
  if (invoice.discountOverride === "NONE") return null;
  if (invoice.discountOverride === "CUSTOM") {
    if (!invoice.discountKind || invoice.discountWindowDays === null) return null;
    return {
      kind: invoice.discountKind,
      percentBps: invoice.discountPercentBps ?? 0,
      amountCents: invoice.discountAmountCents ?? 0,
      windowDays: invoice.discountWindowDays,
      achOnly: policy?.achOnly ?? false,
      combinesWithPlan: policy?.combinesWithPlan ?? false,
    };
  }
  if (!policy?.enabled) return null;
  if (policy.kind === "FIXED" && policy.currency !== undefined && invoice.currency !== undefined && policy.currency !== invoice.currency) return null;
  return policy;
}

export type EarlyPayOffer = { deadline: CalendarDate; discountCents: Cents; payCents: Cents; achOnly: boolean };

/**
 * What paying `dueNowCents` in full today saves. None after the deadline, when nothing is due, when a
 * discount was already granted, or when the discount would not leave a positive amount to pay.
 * Percent discounts round down to the cent (never more than the stated rate).
 */
export function earlyPayOffer(terms: DiscountTerms | null, issueDate: CalendarDate, today: CalendarDate, dueNowCents: Cents, alreadyGranted: boolean): EarlyPayOffer | null {
  if (!terms || alreadyGranted || dueNowCents <= 0) return null;
  const deadline = addDays(issueDate, terms.windowDays);
  if (today > deadline) return null;
  // Something is always left to pay: a discount never takes the whole balance.
  const asked = terms.kind === "PERCENT" ? applyBps(dueNowCents, terms.percentBps, "down") : terms.amountCents;
  const discountCents = Math.min(asked, dueNowCents - 1);
  if (discountCents <= 0) return null;
  return { deadline, discountCents, payCents: dueNowCents - discountCents, achOnly: terms.achOnly };
}

/** `achOnly` (the column's name) means "by bank debit only": ACH or SEPA, whichever the currency takes. */
export function offerAppliesTo<O extends { achOnly: boolean }>(offer: O | null, method: "CARD" | "US_BANK_ACCOUNT" | "SEPA_DEBIT"): offer is O {
  return !!offer && (!offer.achOnly || method !== "CARD");
}

/** The sentence the portal and the emails use for an open offer. */
export function earlyPaySentence(offer: EarlyPayOffer, money: (cents: number) => string, formatDeadline: (d: CalendarDate) => string) {
  return `Pay ${money(offer.payCents)} by ${formatDeadline(offer.deadline)}${offer.achOnly ? " by bank account" : ""} and save ${money(offer.discountCents)}`;
}
