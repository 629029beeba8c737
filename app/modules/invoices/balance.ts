// The one place where an invoice's balance and status are computed. Nothing stores them:
// they follow from the invoice's lines, payments, discounts, fees, credits and write-offs.
import { addDays, daysBetween, type CalendarDate } from "~/modules/dates/calendar";
import { sum, type Cents } from "~/modules/money/money";

export type InvoiceState = "DRAFT" | "ISSUED" | "VOID";
export type PaymentStatus = "PENDING" | "PROCESSING" | "SUCCEEDED" | "FAILED" | "CANCELED";

export type BalanceInput = {
  state: InvoiceState;
  dueDate: CalendarDate;
  lines: readonly { amountCents: Cents }[];
  allocations: readonly { amountCents: Cents; paymentStatus: PaymentStatus }[];
  /** A discount counts once its payment is made (succeeded, or ACH processing): it is granted with that payment. */
  discounts: readonly { amountCents: Cents; status: "GRANTED" | "WITHDRAWN"; paymentStatus: PaymentStatus }[];
  lateFees: readonly { amountCents: Cents; status: "APPLIED" | "WAIVED" }[];
  adjustments: readonly { amountCents: Cents; kind: "CREDIT" | "WRITE_OFF" }[];
  /** This invoice's parts of refunds: only a refund the gateway confirmed takes money out of what was paid. */
  refunds?: readonly { amountCents: Cents; status: RefundStatus }[];
  /**
   * This invoice's parts of disputes (chargebacks). An open one holds its amount: out of what counts as paid, and
   * never chased. Won: restored. Lost: gone, and owed again. An inquiry (no money withdrawn) changes no figure.
   */
  disputes?: readonly { amountCents: Cents; status: DisputeStatus; inquiry: boolean }[];
  /** Written off as uncollectible by the owner: a settled balance then reads "Written off", not "Paid". */
  uncollectible?: boolean;
};

export type DisputeStatus = "OPEN" | "WON" | "LOST";

export type RefundStatus = "PENDING" | "SUCCEEDED" | "FAILED" | "CANCELED";

export type InvoiceStatus = "DRAFT" | "VOID" | "PAID" | "WRITTEN_OFF" | "DISPUTED" | "PROCESSING" | "OVERDUE" | "PARTLY_PAID" | "DUE_SOON" | "OPEN";

export type InvoiceFigures = {
  subtotalCents: Cents;
  feesCents: Cents;
  /** What the invoice asks for: lines plus fees that were not waived. */
  totalCents: Cents;
  /** Received and kept: succeeded payments less succeeded refunds, amounts under dispute and disputes lost. */
  paidCents: Cents;
  /** Held by an open chargeback: out of paidCents, in the balance, never in dueNowCents. */
  disputedCents: Cents;
  /** Taken back by chargebacks the business lost: out of paidCents, owed again. */
  disputeLostCents: Cents;
  /** Any dispute or inquiry still open on a payment of this invoice (the Disputed badge). */
  underDispute: boolean;
  /** Money given back (succeeded refunds); already taken out of paidCents. */
  refundedCents: Cents;
  /** ACH payments in flight: not paid yet, but no longer chased. */
  processingCents: Cents;
  discountCents: Cents;
  creditCents: Cents;
  writtenOffCents: Cents;
  /** total − paid − discounts − credits − write-offs, never below zero. */
  balanceCents: Cents;
  /** What the customer can still pay or be chased for: balance − processing − under dispute. */
  dueNowCents: Cents;
  /** More received than owed (a double payment to refund); normally 0. */
  overpaidCents: Cents;
  status: InvoiceStatus;
  partlyPaid: boolean;
  daysOverdue: number;
};

/** An invoice counts as "due soon" this many days before its due date. */
export const DUE_SOON_DAYS = 7;

export function computeInvoiceFigures(invoice: BalanceInput, today: CalendarDate): InvoiceFigures {
  const subtotalCents = sum(invoice.lines.map((l) => l.amountCents));
  const feesCents = sum(invoice.lateFees.filter((f) => f.status === "APPLIED").map((f) => f.amountCents));
  const totalCents = subtotalCents + feesCents;
  const refundedCents = sum((invoice.refunds ?? []).filter((r) => r.status === "SUCCEEDED").map((r) => r.amountCents));
  const disputes = (invoice.disputes ?? []).filter((d) => !d.inquiry);
  const disputedCents = sum(disputes.filter((d) => d.status === "OPEN").map((d) => d.amountCents));
  const disputeLostCents = sum(disputes.filter((d) => d.status === "LOST").map((d) => d.amountCents));
  const underDispute = (invoice.disputes ?? []).some((d) => d.status === "OPEN");
  const paidCents =
    sum(invoice.allocations.filter((a) => a.paymentStatus === "SUCCEEDED").map((a) => a.amountCents)) - refundedCents - disputedCents - disputeLostCents;
  const processingCents = sum(
    invoice.allocations.filter((a) => a.paymentStatus === "PROCESSING").map((a) => a.amountCents),
  );
  const discountCents = sum(
    invoice.discounts.filter((d) => d.status === "GRANTED" && (d.paymentStatus === "SUCCEEDED" || d.paymentStatus === "PROCESSING")).map((d) => d.amountCents),
  );
  const creditCents = sum(invoice.adjustments.filter((a) => a.kind === "CREDIT").map((a) => a.amountCents));
  const writtenOffCents = sum(invoice.adjustments.filter((a) => a.kind === "WRITE_OFF").map((a) => a.amountCents));

  const raw = totalCents - paidCents - discountCents - creditCents - writtenOffCents;
  const balanceCents = Math.max(0, raw);
  const overpaidCents = Math.max(0, -raw);
  const dueNowCents = Math.max(0, balanceCents - processingCents - disputedCents);
  const partlyPaid = balanceCents > 0 && paidCents + discountCents + creditCents + processingCents > 0;
  const overdueBy = daysBetween(invoice.dueDate, today);
  const daysOverdue = invoice.state === "ISSUED" && dueNowCents > 0 && overdueBy > 0 ? overdueBy : 0;

  let status: InvoiceStatus;
  if (invoice.state === "DRAFT") status = "DRAFT";
  else if (invoice.state === "VOID") status = "VOID";
  else if (balanceCents === 0) status = invoice.uncollectible ? "WRITTEN_OFF" : "PAID";
  else if (dueNowCents === 0) status = disputedCents > 0 ? "DISPUTED" : "PROCESSING";
  else if (daysOverdue > 0) status = "OVERDUE";
  else if (partlyPaid && paidCents + discountCents + creditCents > 0) status = "PARTLY_PAID";
  else if (today >= addDays(invoice.dueDate, -DUE_SOON_DAYS)) status = "DUE_SOON";
  else status = "OPEN";

  return {
    subtotalCents,
    feesCents,
    totalCents,
    paidCents,
    disputedCents,
    disputeLostCents,
    underDispute,
    refundedCents,
    processingCents,
    discountCents,
    creditCents,
    writtenOffCents,
    balanceCents,
    dueNowCents,
    overpaidCents,
    status,
    partlyPaid,
    daysOverdue,
  };
}

export const STATUS_LABELS: Record<InvoiceStatus, string> = {
  DRAFT: "Draft",
  VOID: "Void",
  PAID: "Paid",
  WRITTEN_OFF: "Written off",
  DISPUTED: "Disputed",
  PROCESSING: "Processing",
  OVERDUE: "Overdue",
  PARTLY_PAID: "Partly paid",
  DUE_SOON: "Due soon",
  OPEN: "Open",
};
