// The invoice and receipt documents a customer downloads: scoped to the customer, built from live figures.
import { dateInZone, formatDate, fromDbDate } from "~/modules/dates/calendar";
import { getCustomerInvoice } from "~/modules/invoices/invoices.server";
import { STATUS_LABELS } from "~/modules/invoices/balance";
import { formatMoney } from "~/modules/money/money";
import { getCustomerPayment } from "~/modules/payments/checkout.server";
import { receiptLines } from "~/modules/payments/events.server";
import { METHOD_LABELS } from "~/modules/payments/pricing";
import { today } from "~/utils/clock.server";
import { renderPdf } from "./pdf.server";

type BusinessLike = { name: string; brandColor: string; addressLines: string[]; supportEmail: string; phone: string | null; timeZone: string };
type CustomerLike = { name: string; companyName: string | null; email: string };

const fromParty = (b: BusinessLike) => ({ name: b.name, lines: [...b.addressLines, b.supportEmail, ...(b.phone ? [b.phone] : [])] });
const toParty = (c: CustomerLike) => ({ name: c.companyName ?? c.name, lines: [...(c.companyName ? [c.name] : []), c.email] });

export async function invoicePdf(customer: CustomerLike & { id: string }, business: BusinessLike, invoiceId: string) {
  const found = await getCustomerInvoice(customer.id, invoiceId, today(business.timeZone));
  if (!found) return null;
  const { invoice, figures } = found;
  const money = (c: number) => formatMoney(c, invoice.currency);
  const paidRows = invoice.allocations
    .filter((a) => a.payment.status === "SUCCEEDED" || a.payment.status === "PROCESSING")
    .map((a) => ({
      label: `${a.payment.status === "PROCESSING" ? "Bank payment processing" : "Payment received"} ${a.payment.receiptNumber ?? ""}`.trim(),
      value: `-${money(a.amountCents)}`,
    }));
  const pdf = await renderPdf({
    title: "Invoice",
    number: invoice.number,
    brandColor: business.brandColor,
    from: fromParty(business),
    to: toParty(customer),
    facts: [
      { label: "Issued", value: formatDate(fromDbDate(invoice.issueDate)) },
      { label: "Due", value: formatDate(fromDbDate(invoice.dueDate)) },
      { label: "Status", value: STATUS_LABELS[figures.status] },
      { label: "Balance due", value: money(figures.balanceCents) },
    ],
    rows: [
      ...invoice.lines.map((l) => ({
        label: l.description,
        detail: l.quantityMilli === 1000 ? undefined : `${l.quantityMilli / 1000} × ${money(l.unitAmountCents)}`,
        amount: money(l.amountCents),
      })),
      ...invoice.lateFees.filter((f) => f.status === "APPLIED").map((f) => ({ label: f.description, detail: "Late fee", amount: money(f.amountCents) })),
    ],
    totals: [
      { label: "Total", value: money(figures.totalCents) },
      ...paidRows,
      ...invoice.refundAllocations
        .filter((r) => r.refund.status === "SUCCEEDED" && r.refund.succeededAt)
        .map((r) => ({ label: `Refunded ${formatDate(dateInZone(r.refund.succeededAt!, business.timeZone))}`, value: `+${money(r.amountCents)}` })),
      ...(figures.discountCents ? [{ label: "Early-payment discount", value: `-${money(figures.discountCents)}` }] : []),
      ...(figures.creditCents ? [{ label: "Credits", value: `-${money(figures.creditCents)}` }] : []),
      ...(figures.writtenOffCents ? [{ label: "Written off", value: `-${money(figures.writtenOffCents)}` }] : []),
      { label: "Balance due", value: money(figures.balanceCents), strong: true },
    ],
    stamp: figures.status === "PAID" ? { text: "PAID", color: "#047857" } : figures.status === "OVERDUE" ? { text: `OVERDUE ${figures.daysOverdue} DAYS`, color: "#be123c" } : undefined,
    footer: `Balance as of ${formatDate(today(business.timeZone), "en-US", "long")}. Pay online from the link in your email, or contact ${business.supportEmail}.`,
  });
  return { pdf, filename: `${invoice.number}.pdf` };
}

export async function receiptPdf(customerId: string, paymentId: string) {
  const payment = await getCustomerPayment(customerId, paymentId);
  if (!payment || payment.status !== "SUCCEEDED") return null;
  const { business } = payment.customer;
  const money = (c: number) => formatMoney(c, payment.currency);
  const refunded = payment.refunds.filter((r) => r.status === "SUCCEEDED" && r.succeededAt);
  const refundedCents = refunded.reduce((s, r) => s + r.amountCents, 0);
  const pdf = await renderPdf({
    title: "Receipt",
    number: payment.receiptNumber ?? "",
    brandColor: business.brandColor,
    from: fromParty(business),
    to: toParty(payment.customer),
    facts: [
      { label: "Paid on", value: formatDate(dateInZone(payment.succeededAt ?? payment.createdAt, business.timeZone)) },
      { label: "Method", value: payment.methodDetails ?? METHOD_LABELS[payment.method] ?? payment.method },
      { label: "Amount paid", value: money(payment.amountCents) },
    ],
    rows: [
      ...receiptLines(payment).map((l) => ({ label: l.kind === "invoice" ? `Invoice ${l.label}` : l.label, amount: l.value })),
      ...refunded.map((r) => ({ label: `Refunded on ${formatDate(dateInZone(r.succeededAt!, business.timeZone))}: ${r.reason}`, amount: money(-r.amountCents) })),
    ],
    totals: refundedCents > 0
      ? [
          { label: "Paid", value: money(payment.amountCents) },
          { label: "Refunded", value: money(-refundedCents) },
          { label: "Kept", value: money(payment.amountCents - refundedCents), strong: true },
        ]
      : [{ label: "Total paid", value: money(payment.amountCents), strong: true }],
    stamp: refundedCents >= payment.amountCents ? { text: "REFUNDED", color: "#475569" } : { text: "PAID", color: "#047857" },
    footer: `Thank you for your payment. Receipt ${payment.receiptNumber}, ${business.name}.`,
  });
  return { pdf, filename: `receipt-${payment.receiptNumber}.pdf` };
}
