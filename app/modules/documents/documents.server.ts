// The invoice, receipt, credit note, statement and plan agreement documents a customer downloads: scoped to the
// customer (credit notes and statements also to the owner's business), built from live figures.
import { addDays, dateInZone, formatDate, formatInstant, fromDbDate, startOfDay } from "~/modules/dates/calendar";
import { getCustomerInvoice, listCustomerInvoices } from "~/modules/invoices/invoices.server";
import { STATUS_LABELS } from "~/modules/invoices/balance";
import { formatMoney } from "~/modules/money/money";
import { getCustomerPayment } from "~/modules/payments/checkout.server";
import { receiptLines } from "~/modules/payments/events.server";
import { METHOD_LABELS } from "~/modules/payments/pricing";
import { getCustomerPlan } from "~/modules/plans/portal.server";
import { FREQUENCY_LABELS } from "~/modules/plans/schedule";
import { today } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { renderPdf } from "./pdf.server";

type BusinessLike = { name: string; brandColor: string; addressLines: string[]; supportEmail: string; phone: string | null; timeZone: string };
type CustomerLike = { name: string; companyName: string | null; email: string };

// English until the portal's catalogs pass translated labels (and the locale and direction) in.
const ENGLISH = { locale: "en", direction: "ltr" } as const;
const TABLE_LABELS = { description: "DESCRIPTION", amount: "AMOUNT" };

const fromParty = (b: BusinessLike) => ({ name: b.name, lines: [...b.addressLines, b.supportEmail, ...(b.phone ? [b.phone] : [])] });
const toParty = (c: CustomerLike) => ({ name: c.companyName ?? c.name, lines: [...(c.companyName ? [c.name] : []), c.email] });

export async function invoicePdf(customer: CustomerLike & { id: string }, business: BusinessLike, invoiceId: string) {
  const found = await getCustomerInvoice(customer.id, invoiceId, today(business.timeZone));
  if (!found) return null;
  const { invoice, figures } = found;
  const money = (c: number) => formatMoney(c, invoice.currency);
  // Credits by credit note number; what is left of the credits (a refund settled as a credit) in one line.
  const creditNotes = await db.creditNote.findMany({ where: { invoiceId: invoice.id }, orderBy: { createdAt: "asc" }, select: { number: true, amountCents: true } });
  const otherCreditCents = figures.creditCents - creditNotes.reduce((s, n) => s + n.amountCents, 0);
  const paidRows = invoice.allocations
    .filter((a) => a.payment.status === "SUCCEEDED" || a.payment.status === "PROCESSING")
    .map((a) => ({
      label: `${a.payment.status === "PROCESSING" ? "Bank payment processing" : "Payment received"} ${a.payment.receiptNumber ?? ""}`.trim(),
      value: `-${money(a.amountCents)}`,
    }));
  const pdf = await renderPdf({
    ...ENGLISH,
    labels: { to: "BILL TO", ...TABLE_LABELS },
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
      ...creditNotes.map((n) => ({ label: `Credit note ${n.number}`, value: `-${money(n.amountCents)}` })),
      ...(otherCreditCents ? [{ label: creditNotes.length ? "Other credits" : "Credits", value: `-${money(otherCreditCents)}` }] : []),
      ...(figures.writtenOffCents ? [{ label: "Written off", value: `-${money(figures.writtenOffCents)}` }] : []),
      { label: "Balance due", value: money(figures.balanceCents), strong: true },
    ],
    stamp: figures.status === "PAID" ? { text: "PAID", color: "#047857" } : figures.status === "WRITTEN_OFF" ? { text: "WRITTEN OFF", color: "#57534e" } : figures.status === "OVERDUE" ? { text: `OVERDUE ${figures.daysOverdue} DAYS`, color: "#be123c" } : undefined,
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
    ...ENGLISH,
    labels: { to: "BILL TO", ...TABLE_LABELS },
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

/**
 * A credit note: who gives it to whom, the invoice it credits, the amount and reason, and the invoice's balance
 * right after it (as recorded when it was issued: a document does not change with later payments). The owner
 * reads it by business, the customer by customer.
 */
export async function creditNotePdf(scope: { businessId: string } | { customerId: string }, creditNoteId: string) {
  const note = await db.creditNote.findFirst({
    where: { id: creditNoteId, ...("businessId" in scope ? { businessId: scope.businessId } : { invoice: { customerId: scope.customerId, state: { in: ["ISSUED", "VOID"] } } }) },
    include: { invoice: { include: { business: true, customer: true } } },
  });
  if (!note) return null;
  const { invoice } = note;
  const { business, customer } = invoice;
  const issued = await db.activityEvent.findFirst({ where: { invoiceId: invoice.id, type: "credit_note.issued", data: { path: ["creditNoteId"], equals: note.id } }, select: { data: true } });
  const recorded = (issued?.data ?? {}) as { balanceBeforeCents?: number; balanceAfterCents?: number };
  const money = (c: number) => formatMoney(c, note.currency);
  const balances =
    typeof recorded.balanceBeforeCents === "number" && typeof recorded.balanceAfterCents === "number"
      ? [
          { label: "Balance before", value: money(recorded.balanceBeforeCents) },
          { label: "This credit note", value: `-${money(note.amountCents)}` },
          { label: "Balance after", value: money(recorded.balanceAfterCents), strong: true },
        ]
      : [{ label: "Total credited", value: `-${money(note.amountCents)}`, strong: true }];
  const pdf = await renderPdf({
    ...ENGLISH,
    labels: { to: "CREDIT TO", ...TABLE_LABELS },
    title: "Credit note",
    number: note.number,
    brandColor: business.brandColor,
    from: fromParty(business),
    to: toParty(customer),
    facts: [
      { label: "Date", value: formatDate(dateInZone(note.createdAt, business.timeZone)) },
      { label: "Credits invoice", value: invoice.number },
      { label: "Invoice issued", value: formatDate(fromDbDate(invoice.issueDate)) },
      { label: "Amount credited", value: money(note.amountCents) },
    ],
    rows: [{ label: note.reason, detail: `Credit against invoice ${invoice.number}`, amount: `-${money(note.amountCents)}` }],
    totals: balances,
    footer: `Credit note ${note.number} lowers what is owed on invoice ${invoice.number}; nothing is to be paid for it. Questions: ${business.supportEmail}.`,
  });
  return { pdf, filename: `credit-note-${note.number}.pdf` };
}

const INSTALMENT_STATUS: Record<string, string> = { PAID: "Paid", PROCESSING: "Processing", SCHEDULED: "Scheduled", FAILED: "Missed", CANCELLED: "Not charged" };
const PLAN_STATUS: Record<string, string> = { ACTIVE: "Active", COMPLETED: "Completed", DEFAULTED: "Ended: not kept up", CANCELLED: "Cancelled" };

/**
 * The plan agreement: the terms exactly as the customer accepted them (stored with the plan), when they accepted,
 * the schedule of instalments with dates and amounts (each with its method's surcharge or discount, as charged), the
 * method the plan charges and where each instalment stands. Null when the plan is not the customer's.
 */
export async function planAgreementPdf(customer: CustomerLike & { id: string }, business: BusinessLike, planId: string) {
  const plan = await getCustomerPlan(customer.id, planId);
  if (!plan) return null;
  const money = (c: number) => formatMoney(c, plan.currency);
  const numbers = plan.invoices.map((i) => i.number).join(", ");
  const totalCents = plan.instalments.reduce((s, i) => s + i.amountCents, 0);
  const paidCents = plan.instalments.filter((i) => i.status === "PAID").reduce((s, i) => s + i.amountCents, 0);
  const pdf = await renderPdf({
    ...ENGLISH,
    labels: { to: "AGREED BY", ...TABLE_LABELS },
    title: "Payment plan agreement",
    number: numbers ? `Invoices ${numbers}` : "",
    brandColor: business.brandColor,
    from: fromParty(business),
    to: toParty(customer),
    facts: [
      { label: "Accepted", value: formatInstant(plan.acceptedAt, business.timeZone) },
      { label: "Instalments", value: `${plan.instalmentCount}, ${FREQUENCY_LABELS[plan.frequency].toLowerCase()}` },
      { label: "Payment method", value: plan.methodText },
      { label: "Status", value: PLAN_STATUS[plan.status] ?? plan.status },
    ],
    tables: [
      {
        heading: "Schedule",
        columns: [
          { label: "#", share: 0.1 },
          { label: "DUE DATE", share: 0.4 },
          { label: "STATUS", share: 0.25 },
          { label: "AMOUNT", share: 0.25, align: "end" },
        ],
        rows: plan.instalments.map((i) => ({ cells: [String(i.sequence), formatDate(i.dueDate, "en-US", "long"), INSTALMENT_STATUS[i.status] ?? i.status, money(i.amountCents)] })),
      },
    ],
    totals: [
      ...(plan.feeCents > 0 ? [{ label: "Plan fee (included)", value: money(plan.feeCents) }] : []),
      { label: "Paid so far", value: money(paidCents) },
      { label: "Plan total", value: money(totalCents), strong: true },
    ],
    sections: [{ heading: "THE TERMS YOU AGREED TO", body: plan.termsText }],
    footer: `Accepted by ${customer.name} on ${formatInstant(plan.acceptedAt, business.timeZone)}. Questions: ${business.supportEmail}.`,
  });
  return { pdf, filename: `plan-agreement-${plan.id}.pdf` };
}

const RECENT_DAYS = 90;

/**
 * A statement of account: every open invoice (number, due date, amount, paid, balance), the payments and credits of
 * the last 90 days, and what is owed in each currency (never added across currencies). The customer reads their
 * own; the owner reads any customer of their business.
 */
export async function statementPdf(scope: { customerId: string } | { businessId: string; customerId: string }) {
  const customer = await db.customer.findFirst({ where: { id: scope.customerId, ...("businessId" in scope ? { businessId: scope.businessId } : {}) }, include: { business: true } });
  if (!customer) return null;
  const { business } = customer;
  const day = today(business.timeZone);
  const since = startOfDay(addDays(day, -RECENT_DAYS), business.timeZone);
  const open = (await listCustomerInvoices(customer.id, day)).filter((i) => i.figures.balanceCents > 0).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
  const [payments, creditNotes] = await Promise.all([
    db.payment.findMany({
      where: { customerId: customer.id, businessId: business.id, status: { in: ["SUCCEEDED", "PROCESSING"] }, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      select: { amountCents: true, currency: true, status: true, receiptNumber: true, method: true, succeededAt: true, createdAt: true },
    }),
    db.creditNote.findMany({
      where: { businessId: business.id, invoice: { customerId: customer.id }, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      select: { number: true, amountCents: true, currency: true, createdAt: true, invoice: { select: { number: true } } },
    }),
  ]);
  const recent = [
    ...payments.map((p) => {
      const at = p.succeededAt ?? p.createdAt;
      const what = `${p.status === "PROCESSING" ? "Bank payment processing" : "Payment"}${p.receiptNumber ? ` ${p.receiptNumber}` : ""} (${METHOD_LABELS[p.method] ?? p.method})`;
      return { at, cells: [formatDate(dateInZone(at, business.timeZone)), what, `-${formatMoney(p.amountCents, p.currency)}`] };
    }),
    ...creditNotes.map((n) => ({ at: n.createdAt, cells: [formatDate(dateInZone(n.createdAt, business.timeZone)), `Credit note ${n.number} on ${n.invoice.number}`, `-${formatMoney(n.amountCents, n.currency)}`] })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const owed = new Map<string, number>();
  for (const i of open) owed.set(i.currency, (owed.get(i.currency) ?? 0) + i.figures.balanceCents);
  const currencies = [...owed.keys()].sort();
  const balanceTotals = currencies.length
    ? currencies.map((currency) => ({ label: currencies.length > 1 ? `Balance due (${currency})` : "Balance due", value: formatMoney(owed.get(currency)!, currency), strong: true }))
    : [{ label: "Balance due", value: formatMoney(0, business.currency), strong: true }];
  const pdf = await renderPdf({
    ...ENGLISH,
    labels: { to: "STATEMENT FOR", ...TABLE_LABELS },
    title: "Statement",
    number: formatDate(day, "en-US", "long"),
    brandColor: business.brandColor,
    from: fromParty(business),
    to: toParty(customer),
    facts: [
      { label: "Statement date", value: formatDate(day) },
      { label: "Open invoices", value: String(open.length) },
      ...balanceTotals.map((t) => ({ label: t.label, value: t.value })),
    ],
    tables: [
      {
        heading: "Open invoices",
        columns: [
          { label: "INVOICE", share: 0.2 },
          { label: "DUE", share: 0.2 },
          { label: "AMOUNT", share: 0.2, align: "end" },
          { label: "PAID", share: 0.2, align: "end" },
          { label: "BALANCE", share: 0.2, align: "end" },
        ],
        rows: open.map((i) => ({
          cells: [i.number, formatDate(i.dueDate), formatMoney(i.figures.totalCents, i.currency), formatMoney(i.figures.paidCents, i.currency), formatMoney(i.figures.balanceCents, i.currency)],
          detail: i.figures.status === "OVERDUE" ? `Overdue ${i.figures.daysOverdue} days` : undefined,
        })),
        empty: "Nothing is open: every invoice is settled.",
      },
      {
        heading: `Payments and credits, last ${RECENT_DAYS} days`,
        columns: [
          { label: "DATE", share: 0.2 },
          { label: "DESCRIPTION", share: 0.55 },
          { label: "AMOUNT", share: 0.25, align: "end" },
        ],
        rows: recent.map((r) => ({ cells: r.cells })),
        empty: "No payments or credits in this period.",
      },
    ],
    totals: balanceTotals,
    footer: `Balance as of ${formatDate(day, "en-US", "long")}. Pay online from the link in your email, or contact ${business.supportEmail}.`,
  });
  return { pdf, filename: `statement-${day}.pdf` };
}
