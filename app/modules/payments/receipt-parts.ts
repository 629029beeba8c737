// The lines of a receipt as data (what each line is, and its amount), so that the portal can say them in the
// customer's language; the receipt email and PDF word the same lines (receiptPartLabel).
import type { Translator } from "~/modules/i18n/formatter";
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

/** A receipt line's words in the reader's language; an invoice line is its number (`invoice` words it otherwise). */
export function receiptPartLabel(t: Translator["t"], part: ReceiptPart, invoice: (number: string) => string = (number) => number): string {
  if (part.kind === "invoice") return invoice(part.number);
  if (part.kind === "discount") return t("payment.line.discount", { number: part.number });
  if (part.kind === "method") return t(part.surcharge ? "payment.line.cardSurcharge" : "payment.line.bankDiscount");
  return t("payment.line.planFee");
}
