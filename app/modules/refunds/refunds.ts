// Refunds, pure (issue 18): how much of a payment can still go back, which invoices a refund comes out of, and
// the owner's refund form. Money stays in integer minor units; nothing rounds.
import { z } from "zod";
import { amountField } from "~/modules/money/amount-field";
import type { Cents } from "~/modules/money/money";

export type RefundStatus = "PENDING" | "SUCCEEDED" | "FAILED" | "CANCELED";

/** A refund holds its amount from the moment it is asked for until the gateway says it failed or was cancelled. */
export const holdsAmount = (status: RefundStatus) => status === "PENDING" || status === "SUCCEEDED";

export function refundableCents(paymentCents: Cents, refunds: readonly { amountCents: Cents; status: RefundStatus }[]): Cents {
  return paymentCents - refunds.filter((r) => holdsAmount(r.status)).reduce((s, r) => s + r.amountCents, 0);
}

/**
 * What can still be refunded once disputes are counted: nothing while a chargeback is open (the card network holds
 * the money; Stripe refuses to refund a disputed charge), and never what a lost chargeback already took back.
 */
export function refundableAfterDisputes(
  paymentCents: Cents,
  refunds: readonly { amountCents: Cents; status: RefundStatus }[],
  disputes: readonly { amountCents: Cents; status: "OPEN" | "WON" | "LOST"; inquiry: boolean }[],
): Cents {
  if (disputes.some((d) => d.status === "OPEN" && !d.inquiry)) return 0;
  const lost = disputes.filter((d) => d.status === "LOST" && !d.inquiry).reduce((s, d) => s + d.amountCents, 0);
  return Math.max(0, refundableCents(paymentCents, refunds) - lost);
}

export class RefundError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export type PaidPart = { invoiceId: string; paidCents: Cents; refundedCents: Cents };

/**
 * Splits a refund over the invoices the payment paid: the last invoice first (the oldest stays paid longest), each
 * at most what it received and has not had back. What is left after the invoices comes out of the payment's own
 * extras (a card surcharge, a plan fee), which no invoice owns. Parts always add up to the amount.
 */
export function allocateRefund(amountCents: Cents, parts: readonly PaidPart[], extrasLeftCents: Cents): { invoiceParts: { invoiceId: string; amountCents: Cents }[]; extrasCents: Cents } {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw new RefundError("amount", "Enter an amount more than 0.");
  let left = amountCents;
  const invoiceParts: { invoiceId: string; amountCents: Cents }[] = [];
  for (const part of [...parts].reverse()) {
    const room = part.paidCents - part.refundedCents;
    if (room <= 0 || left === 0) continue;
    const take = Math.min(room, left);
    invoiceParts.push({ invoiceId: part.invoiceId, amountCents: take });
    left -= take;
  }
  if (left > extrasLeftCents) throw new RefundError("amount", "That is more than is left to refund on this payment.");
  return { invoiceParts, extrasCents: left };
}

export const REFUND_EFFECTS = {
  REOPEN: "The customer owes it again (the invoice reopens and reminders resume)",
  CREDIT: "Settled as a credit (the invoice stays paid)",
} as const;

export function refundFormSchema(currency: string, refundable: Cents) {
  // Each field checks itself, so that every mistake in the form is reported at once.
  const amount = amountField(currency, "Enter the amount to refund, e.g. 25.00.", (cents) =>
    cents > refundable ? (refundable === 0 ? "This payment is refunded in full already." : "That is more than is left to refund on this payment.") : null,
  );
  return z
    .object({
      amount,
      reason: z.string().trim().min(3, "Say why you are refunding (at least 3 characters): the customer sees it.").max(500, "Keep the reason to 500 characters."),
      effect: z.enum(["REOPEN", "CREDIT"], { message: "Choose what the refund means for the invoice: owed again, or settled as a credit." }),
    })
    .transform((v) => ({ amountCents: v.amount, reason: v.reason, effect: v.effect }));
}
