// Stripe's documented test numbers and what Stripe test mode does with them. The simulator gives the
// same outcomes, so a customer or a test sees exactly what Stripe would answer.
export type CardOutcome =
  | { kind: "succeeded"; brand: string }
  | { kind: "declined"; code: string; declineCode: string; message: string; brand: string };

/** Stripe's test card whose payments succeed and whose refunds fail asynchronously. */
export const REFUND_FAILS_CARD = "4000000000005126";

const SUCCESS_CARDS: Record<string, string> = {
  "4242424242424242": "visa",
  "4000056655665556": "visa",
  "5555555555554444": "mastercard",
  "2223003122003222": "mastercard",
  "5200828282828210": "mastercard",
  "378282246310005": "amex",
  "371449635398431": "amex",
  "6011111111111117": "discover",
  // Stripe's card whose charge succeeds and whose refunds fail a little later (refund.failed).
  [REFUND_FAILS_CARD]: "visa",
  "4000000000000259": "visa",
  "4000000000001976": "visa",
};

/** Stripe's test cards whose charge succeeds and is then disputed: a fraud chargeback, and an inquiry. */
export const DISPUTED_CARDS: Record<string, { reason: string; status: "needs_response" | "warning_needs_response" }> = {
  "4000000000000259": { reason: "fraudulent", status: "needs_response" },
  "4000000000001976": { reason: "fraudulent", status: "warning_needs_response" },
};

/** Stripe's test card that can be saved for later but whose charges are declined (a plan's failing card). */
export const CHARGES_FAIL_CARD = "4000000000000341";

const DECLINE_CARDS: Record<string, { code: string; declineCode: string; message: string }> = {
  "4000000000000002": { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." },
  "4000000000009995": { code: "card_declined", declineCode: "insufficient_funds", message: "Your card has insufficient funds." },
  "4000000000009987": { code: "card_declined", declineCode: "lost_card", message: "Your card was declined." },
  "4000000000009979": { code: "card_declined", declineCode: "stolen_card", message: "Your card was declined." },
  "4000000000000069": { code: "expired_card", declineCode: "expired_card", message: "Your card has expired." },
  "4000000000000127": { code: "incorrect_cvc", declineCode: "incorrect_cvc", message: "Your card's security code is incorrect." },
  [CHARGES_FAIL_CARD]: { code: "card_declined", declineCode: "generic_decline", message: "Your card was declined." },
};

export function luhnValid(number: string) {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let digit = Number(number[number.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return number.length >= 12 && sum % 10 === 0;
}

export function cardBrand(number: string) {
  if (/^4/.test(number)) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  if (/^6/.test(number)) return "discover";
  return "unknown";
}

export function cardOutcome(number: string): CardOutcome {
  const digits = number.replace(/\D/g, "");
  const success = SUCCESS_CARDS[digits];
  if (success) return { kind: "succeeded", brand: success };
  const decline = DECLINE_CARDS[digits];
  if (decline) return { kind: "declined", brand: cardBrand(digits), ...decline };
  return {
    kind: "declined",
    brand: cardBrand(digits),
    code: "card_declined",
    declineCode: "test_mode_live_card",
    message: "Your card was declined. This is a test mode: use a Stripe test card such as 4242 4242 4242 4242.",
  };
}

/** Whether a card can be saved for later charges (Stripe's SetupIntent): declining test cards cannot, except 0341. */
export function cardCanBeSaved(number: string): CardOutcome | { kind: "saved"; brand: string } {
  const digits = number.replace(/\D/g, "");
  const outcome = cardOutcome(digits);
  return outcome.kind === "succeeded" || digits === CHARGES_FAIL_CARD ? { kind: "saved", brand: outcome.brand } : outcome;
}

/** A simulated payment method id: Stripe's public test numbers may appear in it, a real card number never does. */
export function simulatedCardMethodId(number: string) {
  const digits = number.replace(/\D/g, "");
  return SUCCESS_CARDS[digits] || DECLINE_CARDS[digits] ? `pm_sim_card_${digits}` : `pm_sim_card_unknown_${digits.slice(-4)}`;
}

export type BankOutcome = { kind: "succeeded"; returnedLater?: { code: string; message: string } } | { kind: "failed"; code: string; message: string };

/**
 * The simulator's own test account (not one of Stripe's numbers) whose debit succeeds and is returned by the bank a
 * little later, as an ACH return days after success: insufficient funds (R01).
 */
export const RETURNED_LATER_ACCOUNT = "000444444440";

export const TEST_ROUTING_NUMBER = "110000000";

const BANK_ACCOUNTS: Record<string, BankOutcome> = {
  "000123456789": { kind: "succeeded" },
  "000111111113": { kind: "failed", code: "account_closed", message: "The bank account has been closed." },
  "000111111116": { kind: "failed", code: "no_account", message: "The bank account could not be located." },
  "000222222227": { kind: "failed", code: "insufficient_funds", message: "The bank account has insufficient funds." },
  "000333333335": { kind: "failed", code: "debit_not_authorized", message: "The account holder did not authorise this debit." },
  [RETURNED_LATER_ACCOUNT]: { kind: "succeeded", returnedLater: { code: "insufficient_funds", message: "The bank account had insufficient funds." } },
};

/** `null` means the details are refused at once (as Stripe refuses an unknown test routing number). */
export function bankOutcome(routingNumber: string, accountNumber: string): BankOutcome | null {
  if (routingNumber !== TEST_ROUTING_NUMBER) return null;
  return BANK_ACCOUNTS[accountNumber] ?? null;
}

export const BRAND_NAMES: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover", unknown: "Card" };
