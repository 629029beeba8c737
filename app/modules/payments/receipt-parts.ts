// The lines of a receipt as data (what each line is, and its amount), so that the portal can say them in the
// customer's language; the receipt email and PDF word the same lines (events.server.ts receiptLines).
import type { Cents } from "~/modules/money/money";

export type ReceiptPart =
  | { kind: "invoice"; number: string; cents: Cents }
  | { kind: "discount"; number: string; cents: Cents }
  | { kind: "method"; surcharge: boolean; cents: Cents }
  | { kind: "fee"; cents: Cents };

type PaymentLike = {
  allocations: { amountCents: Cents; invoice: { number: string } }[];
  discounts: { amountCents: Cents; invoice: { number: string } }[];
  methodAdjustmentCents: Cents;
  planFeeCents: Cents;
};

export function receiptParts(payment: PaymentLike): ReceiptPart[] {
  const discountOn = (number: string) => payment.discounts.filter((d) => d.invoice.number === number).reduce((s, d) => s + d.amountCents, 0);
  return [
    ...payment.allocations.map((a) => ({ kind: "invoice" as const, number: a.invoice.number, cents: a.amountCents + discountOn(a.invoice.number) })),
    ...payment.discounts.map((d) => ({ kind: "discount" as const, number: d.invoice.number, cents: -d.amountCents })),
    ...(payment.methodAdjustmentCents !== 0 ? [{ kind: "method" as const, surcharge: payment.methodAdjustmentCents > 0, cents: payment.methodAdjustmentCents }] : []),
    ...(payment.planFeeCents > 0 ? [{ kind: "fee" as const, cents: payment.planFeeCents }] : []),
  ];
}
