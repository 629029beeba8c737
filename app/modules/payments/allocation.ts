// Splits what a customer pays across the invoices they chose: the oldest due date first, never more
// than an invoice's amount due now, and the result always adds up to the amount paid.
import { TranslatedError } from "~/modules/i18n/errors";
import type { Cents } from "~/modules/money/money";

export type Payable = { id: string; number: string; dueDate: string; dueNowCents: Cents };
export type Allocation = { invoiceId: string; amountCents: Cents };

/** A payment a customer cannot make as asked: the message key says why, in their language (TranslatedError). */
export class PaymentInputError extends TranslatedError {}

export function payableTotal(invoices: readonly Payable[]): Cents {
  return invoices.reduce((s, i) => s + i.dueNowCents, 0);
}

/**
 * `amountCents` null means "the whole balance". A part payment must be at least `minimumCents`
 * (the owner's minimum), unless it pays everything that is left.
 */
export function allocate(invoices: readonly Payable[], amountCents: Cents | null, minimumCents: Cents, currency: string): Allocation[] {
  const payable = invoices.filter((i) => i.dueNowCents > 0);
  if (payable.length === 0) throw new PaymentInputError("pay.error.nothingLeft");
  const total = payableTotal(payable);
  const amount = amountCents ?? total;
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new PaymentInputError("pay.error.notPositive");
  if (amount > total) throw new PaymentInputError("pay.error.moreThanOwed", { total: { cents: total, currency } });
  if (amount < total && amount < minimumCents) {
    throw new PaymentInputError("pay.error.belowMinimum", { minimum: { cents: minimumCents, currency } });
  }
  const ordered = [...payable].sort((a, b) => (a.dueDate === b.dueDate ? a.number.localeCompare(b.number) : a.dueDate < b.dueDate ? -1 : 1));
  const allocations: Allocation[] = [];
  let left = amount;
  for (const invoice of ordered) {
    if (left === 0) break;
    const part = Math.min(left, invoice.dueNowCents);
    allocations.push({ invoiceId: invoice.id, amountCents: part });
    left -= part;
  }
  return allocations;
}
