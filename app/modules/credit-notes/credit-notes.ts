// Credit notes and write-offs, pure (issue 18): the number a credit note gets, the owner's two forms, and what an
// invoice's figures allow. Money stays in integer minor units; nothing rounds.
import { z } from "zod";
import { amountField } from "~/modules/money/amount-field";
import { formatMoney, type Cents } from "~/modules/money/money";

/** CN-0001 for the first credit note of a business; the number grows past four digits rather than wrapping. */
export function creditNoteNumber(seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`A credit note sequence starts at 1, got ${seq}`);
  return `CN-${String(seq).padStart(4, "0")}`;
}

/** Raised under the invoice's lock when the rules refuse; `field` names the form field the message belongs to. */
export class ConcessionError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const reason = (what: string) =>
  z
    .string({ message: `Say why ${what} (at least 3 characters).` })
    .trim()
    .min(3, `Say why ${what} (at least 3 characters).`)
    .max(500, "Keep the reason to 500 characters.");

/** The page's one-time key (crypto.randomUUID in the loader): the same form sent twice makes one credit note. */
const requestKey = z.uuid({ message: "This form has expired. Reload the page and send it again." });
export const isRequestKey = (value: unknown): value is string => requestKey.safeParse(value).success;

/** What a credit note may take off: what is still owed and not already on its way (an ACH payment) or held by a chargeback. */
export type CreditRoom = { dueNowCents: Cents; balanceCents: Cents };

export function creditLimitMessage(room: CreditRoom, currency: string): string {
  if (room.dueNowCents === 0) return room.balanceCents === 0 ? "Nothing is owed on this invoice, so there is nothing to credit." : "What is left on this invoice is on its way in a payment or held by a chargeback; credit it once that is settled.";
  const max = formatMoney(room.dueNowCents, currency);
  return room.dueNowCents < room.balanceCents
    ? `Credit at most ${max}: the rest of the balance is on its way in a payment or held by a chargeback.`
    : `Credit at most ${max}, the balance of the invoice.`;
}

/** The owner's credit note form. Each field checks itself, so every mistake is reported at once. */
export function creditNoteFormSchema(currency: string, room: CreditRoom) {
  const amount = amountField(currency, "Enter the amount to credit, e.g. 25.00.", (cents) => (cents > room.dueNowCents ? creditLimitMessage(room, currency) : null));
  return z
    .object({ amount, reason: reason("you give this credit; the customer sees it"), requestKey })
    .transform((v) => ({ amountCents: v.amount, reason: v.reason, requestKey: v.requestKey }));
}
export type CreditNoteInput = z.output<ReturnType<typeof creditNoteFormSchema>>;

/** The owner's write-off form: only a reason, kept with the invoice (the customer is not told). */
export const writeOffFormSchema = z.object({ reason: reason("you write this invoice off") });

/**
 * Whether what is left of an invoice can be written off as uncollectible, and if not, why not. Money still moving
 * (a bank payment on its way, an open chargeback) has to settle first: writing it off now would count it twice.
 */
export function writeOffRefusal(invoice: {
  number: string;
  state: "DRAFT" | "ISSUED" | "VOID";
  uncollectible: boolean;
  balanceCents: Cents;
  processingCents: Cents;
  disputedCents: Cents;
  /** Any dispute or inquiry open on a payment of the invoice: an inquiry can still become a chargeback. */
  underDispute?: boolean;
  inPlan: boolean;
  currency: string;
}): string | null {
  if (invoice.state === "DRAFT") return `${invoice.number} is a draft: nothing is owed on it until it is sent.`;
  if (invoice.state === "VOID") return `${invoice.number} is void: nothing is owed on it.`;
  // Written off, then owed again (a refund reopened it, a bank return, a chargeback lost): the rest can be written off too.
  if (invoice.uncollectible && invoice.balanceCents === 0) return `${invoice.number} is already written off.`;
  if (invoice.balanceCents === 0) return `Nothing is left to pay on ${invoice.number}, so there is nothing to write off.`;
  if (invoice.processingCents > 0) return `${formatMoney(invoice.processingCents, invoice.currency)} is on its way to ${invoice.number} in a bank payment. Write it off once that payment has settled or failed.`;
  if (invoice.disputedCents > 0) return `A chargeback of ${formatMoney(invoice.disputedCents, invoice.currency)} is open on ${invoice.number}. Write it off once the dispute is decided.`;
  if (invoice.underDispute) return `A payment on ${invoice.number} is under dispute with the card holder's bank. Write it off once the dispute is decided.`;
  if (invoice.inPlan) return `${invoice.number} is in a payment plan. Cancel the plan on its page before writing the invoice off.`;
  return null;
}
