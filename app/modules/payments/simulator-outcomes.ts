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

export type SepaOutcome =
  | { kind: "succeeded"; disputed?: boolean }
  | { kind: "failed"; code: string; message: string };

const SEPA_FAILURES = {
  failed: { code: "insufficient_funds", message: "The bank account has insufficient funds." },
  insufficient: { code: "insufficient_funds", message: "The bank account has insufficient funds." },
  volume: { code: "charge_exceeds_source_limit", message: "This payment would exceed the account's weekly payment volume limit." },
  transaction: { code: "charge_exceeds_weekly_limit", message: "This payment exceeds the account's transaction limit." },
} as const;

// Stripe's documented SEPA Direct Debit test IBANs (docs.stripe.com/testing#sepa-direct-debit), by country: the debit
// that succeeds, succeeds later, fails, fails later, is disputed, exceeds the weekly volume, exceeds the transaction
// limit, and fails for insufficient funds. In the simulator "later" is the same delay as the others.
const SEPA_TABLE: Record<string, [string, string, string, string, string, string, string, string | null]> = {
  AT: ["AT611904300234573201", "AT321904300235473204", "AT861904300235473202", "AT051904300235473205", "AT591904300235473203", "AT981904300000343434", "AT601904300000121212", "AT981904300002222227"],
  BE: ["BE62510007547061", "BE78510007547064", "BE68539007547034", "BE51510007547065", "BE08510007547063", "BE90510000343434", "BE52510000121212", "BE90510002222227"],
  DE: ["DE89370400440532013000", "DE08370400440532013003", "DE62370400440532013001", "DE78370400440532013004", "DE35370400440532013002", "DE65370400440000343434", "DE27370400440000121212", "DE65370400440002222227"],
  EE: ["EE382200221020145685", "EE222200221020145682", "EE762200221020145680", "EE922200221020145683", "EE492200221020145681", "EE672200000000343434", "EE292200000000121212", "EE672200000002222227"],
  FI: ["FI2112345600000785", "FI3712345600000788", "FI9112345600000786", "FI1012345600000789", "FI6412345600000787", "FI6712345600343434", "FI2912345600121212", "FI6712345602222227"],
  FR: ["FR1420041010050500013M02606", "FR3020041010050500013M02609", "FR8420041010050500013M02607", "FR7920041010050500013M02600", "FR5720041010050500013M02608", "FR9720041010050000000343434", "FR5920041010050000000121212", "FR9720041010050000002222227"],
  IE: ["IE29AIBK93115212345678", "IE24AIBK93115212345671", "IE02AIBK93115212345679", "IE94AIBK93115212345672", "IE51AIBK93115212345670", "IE10AIBK93115200343434", "IE69AIBK93115200121212", "IE10AIBK93115202222227"],
  LT: ["LT121000011101001000", "LT281000011101001003", "LT821000011101001001", "LT981000011101001004", "LT551000011101001002", "LT591000000000343434", "LT211000000000121212", "LT591000000002222227"],
  LU: ["LU280019400644750000", "LU440019400644750003", "LU980019400644750001", "LU170019400644750004", "LU710019400644750002", "LU900010000000343434", "LU520010000000121212", "LU900010000002222227"],
  // Stripe's table gives NL55RABO0300065267 both as "succeeds later" and as "insufficient funds": kept as the first.
  NL: ["NL39RABO0300065264", "NL55RABO0300065267", "NL91ABNA0417164300", "NL28RABO0300065268", "NL82RABO0300065266", "NL27RABO0000343434", "NL86RABO0000121212", null],
};

export const SEPA_TEST_IBANS: Record<string, SepaOutcome> = Object.fromEntries(
  Object.values(SEPA_TABLE).flatMap(([success, successLater, failed, failedLater, disputed, volume, transaction, insufficient]) => [
    [success, { kind: "succeeded" }],
    [successLater, { kind: "succeeded" }],
    [failed, { kind: "failed", ...SEPA_FAILURES.failed }],
    [failedLater, { kind: "failed", ...SEPA_FAILURES.failed }],
    [disputed, { kind: "succeeded", disputed: true }],
    [volume, { kind: "failed", ...SEPA_FAILURES.volume }],
    [transaction, { kind: "failed", ...SEPA_FAILURES.transaction }],
    ...(insufficient ? [[insufficient, { kind: "failed", ...SEPA_FAILURES.insufficient }]] : []),
  ]),
);

/** `null`: not one of Stripe's test IBANs, refused at once in test mode (a real account is never debited here). */
export function sepaOutcome(iban: string): SepaOutcome | null {
  return SEPA_TEST_IBANS[iban.replace(/\s+/g, "").toUpperCase()] ?? null;
}
