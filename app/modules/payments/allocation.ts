// Splits what a customer pays across the invoices they chose: the oldest due date first, never more
// than an invoice's amount due now, and the result always adds up to the amount paid.
import { formatMoney, type Cents } from "~/modules/money/money";

export type Payable = { id: string; number: string; dueDate: string; dueNowCents: Cents };
export type Allocation = { invoiceId: string; amountCents: Cents };

export class PaymentInputError extends Error {}

export function payableTotal(invoices: readonly Payable[]): Cents {
  return invoices.reduce((s, i) => s + i.dueNowCents, 0);
}

/**
 * `amountCents` null means "the whole balance". A part payment must be at least `minimumCents`
 * (the owner's minimum), unless it pays everything that is left.
 */
export function allocate(invoices: readonly Payable[], amountCents: Cents | null, minimumCents: Cents, currency: string): Allocation[] {
  const payable = invoices.filter((i) => i.dueNowCents > 0);
  if (payable.length === 0) throw new PaymentInputError("There is nothing left to pay on the invoices you chose.");
  const total = payableTotal(payable);
  const amount = amountCents ?? total;
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new PaymentInputError("Enter an amount greater than zero.");
  if (amount > total) throw new PaymentInputError(`That is more than you owe on these invoices (${formatMoney(total, currency)}).`);
  if (amount < total && amount < minimumCents) {
    throw new PaymentInputError(`A part payment must be at least ${formatMoney(minimumCents, currency)}.`);
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
