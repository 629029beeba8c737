// Disputes, pure (issue 18): what a gateway's dispute status means here, the fee it cost, and which invoices the
// disputed amount falls on. Money stays in integer minor units; the parts always add up to the amount.
import type { Cents } from "~/modules/money/money";

export type DisputeStatus = "OPEN" | "WON" | "LOST";

/** Stripe's dispute statuses: warning_* are inquiries (no money withdrawn); won / lost / warning_closed are final. */
export function disputeStatusOf(gatewayStatus: string): { status: DisputeStatus; inquiry: boolean } {
  const inquiry = gatewayStatus.startsWith("warning_");
  if (gatewayStatus === "won" || gatewayStatus === "warning_closed") return { status: "WON", inquiry };
  if (gatewayStatus === "lost") return { status: "LOST", inquiry };
  return { status: "OPEN", inquiry };
}

export const isFinal = (status: DisputeStatus) => status !== "OPEN";

/** What the dispute cost the business in fees: the sum of its balance transactions' fees (a fee given back is negative). */
export function disputeFeeCents(transactions: readonly { fee: number }[] | null | undefined): Cents {
  return (transactions ?? []).reduce((s, t) => s + t.fee, 0);
}

export type HeldPart = { invoiceId: string; paidCents: Cents; refundedCents: Cents; disputedCents: Cents };

/**
 * Splits a disputed amount over the invoices the payment paid: the last invoice first (as refunds), each at most
 * what it still holds of the payment (paid, less refunded, less other disputes). Whatever is left is the payment's
 * own extras (a surcharge, a plan fee), which no invoice owns.
 */
export function allocateDispute(amountCents: Cents, parts: readonly HeldPart[]): { invoiceParts: { invoiceId: string; amountCents: Cents }[]; extrasCents: Cents } {
  let left = Math.max(0, amountCents);
  const invoiceParts: { invoiceId: string; amountCents: Cents }[] = [];
  for (const part of [...parts].reverse()) {
    const room = part.paidCents - part.refundedCents - part.disputedCents;
    if (room <= 0 || left === 0) continue;
    const take = Math.min(room, left);
    invoiceParts.push({ invoiceId: part.invoiceId, amountCents: take });
    left -= take;
  }
  return { invoiceParts, extrasCents: left };
}

const REASONS: Record<string, string> = {
  bank_cannot_process: "the bank could not process it",
  check_returned: "the check was returned",
  credit_not_processed: "the customer says a refund or credit was not processed",
  customer_initiated: "the customer asked their bank to reverse it",
  debit_not_authorized: "the account holder says they did not authorise the debit",
  duplicate: "the customer says they were charged twice",
  fraudulent: "the card holder says they did not make this payment",
  general: "the card holder's bank gave no specific reason",
  incorrect_account_details: "the bank account details were wrong",
  insufficient_funds: "the account had insufficient funds",
  noncompliant: "the bank says the payment did not follow the network's rules",
  product_not_received: "the customer says they did not receive what they paid for",
  product_unacceptable: "the customer says what they received was defective or not as described",
  subscription_canceled: "the customer says they had cancelled",
  unrecognized: "the card holder does not recognise the payment",
};

/** A gateway's dispute reason in words an owner understands. */
export function disputeReasonText(reason: string): string {
  return REASONS[reason] ?? reason.replace(/_/g, " ");
}
