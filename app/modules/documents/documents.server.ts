// The invoice, receipt, credit note, statement and plan agreement documents a customer downloads: scoped to the
// customer (credit notes and statements also to the owner's business), built from live figures.
import { addDays, dateInZone, fromDbDate, startOfDay } from "~/modules/dates/calendar";
import { getCustomerInvoice, listCustomerInvoices } from "~/modules/invoices/invoices.server";
import type { Translator } from "~/modules/i18n/formatter";
import { directionOf } from "~/modules/i18n/locales";
import type { MessageKey } from "~/modules/i18n/messages/en";
import { getCustomerPayment } from "~/modules/payments/checkout.server";
import { paymentMethodText, savedMethodText } from "~/modules/payments/method-text";
import { receiptPartLabel, receiptParts } from "~/modules/payments/receipt-parts";
import { getCustomerPlan } from "~/modules/plans/portal.server";
import { today } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { renderPdf } from "./pdf.server";

type BusinessLike = { name: string; brandColor: string; addressLines: string[]; supportEmail: string; phone: string | null; timeZone: string };
type CustomerLike = { name: string; companyName: string | null; email: string };

// Every word of a document is the customer's language (tr): its catalog's labels, its dates, numbers and money, and
// its direction (Arabic lays out from the right).
const language = (tr: Translator) => ({ locale: tr.tag, direction: directionOf(tr.locale) });
const tableLabels = (tr: Translator) => ({ description: tr.t("pdf.col.description"), amount: tr.t("pdf.col.amount") });

const fromParty = (b: BusinessLike) => ({ name: b.name, lines: [...b.addressLines, b.supportEmail, ...(b.phone ? [b.phone] : [])] });
const toParty = (c: CustomerLike) => ({ name: c.companyName ?? c.name, lines: [...(c.companyName ? [c.name] : []), c.email] });

export async function invoicePdf(tr: Translator, customer: CustomerLike & { id: string }, business: BusinessLike, invoiceId: string) {
  const found = await getCustomerInvoice(customer.id, invoiceId, today(business.timeZone));
  if (!found) return null;
  const { invoice, figures } = found;
  const { t } = tr;
  const money = (c: number) => tr.money(c, invoice.currency);
  // Credits by credit note number; what is left of the credits (a refund settled as a credit) in one line.
  const creditNotes = await db.creditNote.findMany({ where: { invoiceId: invoice.id }, orderBy: { createdAt: "asc" }, select: { number: true, amountCents: true } });
  const otherCreditCents = figures.creditCents - creditNotes.reduce((s, n) => s + n.amountCents, 0);
  const paidRows = invoice.allocations
    .filter((a) => a.payment.status === "SUCCEEDED" || a.payment.status === "PROCESSING")
    .map((a) => ({
      label:
        a.payment.status === "PROCESSING"
          ? t("pdf.paymentProcessing")
          : a.payment.receiptNumber
            ? t("pdf.paymentReceivedNumber", { receipt: a.payment.receiptNumber })
            : t("pdf.paymentReceived"),
      value: money(-a.amountCents),
    }));
  const stamp =
    figures.status === "PAID"
      ? { text: t("pdf.stamp.paid"), color: "#047857" }
      : figures.status === "WRITTEN_OFF"
        ? { text: t("pdf.stamp.writtenOff"), color: "#57534e" }
        : figures.status === "OVERDUE"
          ? { text: t("pdf.stamp.overdue", { days: figures.daysOverdue }), color: "#be123c" }
          : undefined;
  const pdf = await renderPdf({
    ...language(tr),
    labels: { to: t("pdf.billTo"), ...tableLabels(tr) },
    title: t("pdf.invoice.title"),
    number: invoice.number,
    brandColor: business.brandColor,
    from: fromParty(business),
    to: toParty(customer),
    facts: [
      { label: t("pdf.issued"), value: tr.date(fromDbDate(invoice.issueDate)) },
      { label: t("pdf.due"), value: tr.date(fromDbDate(invoice.dueDate)) },
      { label: t("pdf.status"), value: t(`status.${figures.status}` as MessageKey) },
      { label: t("pdf.balanceDue"), value: money(figures.balanceCents) },
    ],
    rows: [
      ...invoice.lines.map((l) => ({
        label: l.description,
        detail: l.quantityMilli === 1000 ? undefined : t("pdf.quantity", { quantity: l.quantityMilli / 1000, unit: money(l.unitAmountCents) }),
        amount: money(l.amountCents),
      })),
      ...invoice.lateFees.filter((f) => f.status === "APPLIED").map((f) => ({ label: f.description, detail: t("pdf.lateFee"), amount: money(f.amountCents) })),
    ],
    totals: [
      { label: t("pdf.total"), value: money(figures.totalCents) },
      ...paidRows,
      ...invoice.refundAllocations
        .filter((r) => r.refund.status === "SUCCEEDED" && r.refund.succeededAt)
        .map((r) => ({ label: t("pdf.refundedOn", { date: tr.date(dateInZone(r.refund.succeededAt!, business.timeZone)) }), value: `+${money(r.amountCents)}` })),
      ...(figures.discountCents ? [{ label: t("pdf.discount"), value: money(-figures.discountCents) }] : []),
      ...creditNotes.map((n) => ({ label: t("pdf.creditNoteLine", { number: n.number }), value: money(-n.amountCents) })),
      ...(otherCreditCents ? [{ label: t(creditNotes.length ? "pdf.otherCredits" : "pdf.credits"), value: money(-otherCreditCents) }] : []),
      ...(figures.writtenOffCents ? [{ label: t("pdf.writtenOff"), value: money(-figures.writtenOffCents) }] : []),
      { label: t("pdf.balanceDue"), value: money(figures.balanceCents), strong: true },
    ],
    stamp,
    footer: t("pdf.balanceFooter", { date: tr.date(today(business.timeZone), "long"), email: business.supportEmail }),
  });
  return { pdf, filename: `${invoice.number}.pdf` };
}

export async function receiptPdf(tr: Translator, customerId: string, paymentId: string) {
  const payment = await getCustomerPayment(customerId, paymentId);
  if (!payment || payment.status !== "SUCCEEDED") return null;
  const { business } = payment.customer;
  const { t } = tr;
  const money = (c: number) => tr.money(c, payment.currency);
  const refunded = payment.refunds.filter((r) => r.status === "SUCCEEDED" && r.succeededAt);
  const refundedCents = refunded.reduce((s, r) => s + r.amountCents, 0);
  const lines = receiptParts(payment).map((line) => ({ label: receiptPartLabel(t, line, (number) => t("pdf.invoiceLine", { number })), amount: money(line.cents) }));
  const pdf = await renderPdf({
    ...language(tr),
    labels: { to: t("pdf.billTo"), ...tableLabels(tr) },
    title: t("pdf.receipt.title"),
    number: payment.receiptNumber ?? "",
    brandColor: business.brandColor,
    from: fromParty(business),
    to: toParty(payment.customer),
    facts: [
      { label: t("pdf.paidOn"), value: tr.date(dateInZone(payment.succeededAt ?? payment.createdAt, business.timeZone)) },
      { label: t("pdf.method"), value: paymentMethodText(t, payment) },
      { label: t("pdf.amountPaid"), value: money(payment.amountCents) },
    ],
    rows: [
      ...lines,
      ...refunded.map((r) => ({ label: t("pdf.refundedOnReason", { date: tr.date(dateInZone(r.succeededAt!, business.timeZone)), reason: r.reason }), amount: money(-r.amountCents) })),
    ],
    totals:
      refundedCents > 0
        ? [
            { label: t("pdf.paid"), value: money(payment.amountCents) },
            { label: t("pdf.refunded"), value: money(-refundedCents) },
            { label: t("pdf.kept"), value: money(payment.amountCents - refundedCents), strong: true },
          ]
        : [{ label: t("pdf.totalPaid"), value: money(payment.amountCents), strong: true }],
    stamp: refundedCents >= payment.amountCents ? { text: t("pdf.stamp.refunded"), color: "#475569" } : { text: t("pdf.stamp.paid"), color: "#047857" },
    footer: t("pdf.receipt.footer", { receipt: payment.receiptNumber ?? "", business: business.name }),
  });
  return { pdf, filename: `receipt-${payment.receiptNumber}.pdf` };
}

/**
 * A credit note: who gives it to whom, the invoice it credits, the amount and reason, and the invoice's balance
 * right after it (as recorded when it was issued: a document does not change with later payments). The owner
 * reads it by business, the customer by customer; either way it is in the customer's language (`trFor`).
 */
export async function creditNotePdf(scope: { businessId: string } | { customerId: string }, creditNoteId: string, trFor: (customer: { language: string | null }, business: { language: string }) => Translator) {
  const note = await db.creditNote.findFirst({
    where: { id: creditNoteId, ...("businessId" in scope ? { businessId: scope.businessId } : { invoice: { customerId: scope.customerId, state: { in: ["ISSUED", "VOID"] } } }) },
    include: { invoice: { include: { business: true, customer: true } } },
  });
  if (!note) return null;
  const { invoice } = note;
  const { business, customer } = invoice;
  const tr = trFor(customer, business);
  const { t } = tr;
  const issued = await db.activityEvent.findFirst({ where: { invoiceId: invoice.id, type: "credit_note.issued", data: { path: ["creditNoteId"], equals: note.id } }, select: { data: true } });
  const recorded = (issued?.data ?? {}) as { balanceBeforeCents?: number; balanceAfterCents?: number };
  const money = (c: number) => tr.money(c, note.currency);
  const balances =
    typeof recorded.balanceBeforeCents === "number" && typeof recorded.balanceAfterCents === "number"
      ? [
          { label: t("pdf.balanceBefore"), value: money(recorded.balanceBeforeCents) },
          { label: t("pdf.thisCreditNote"), value: money(-note.amountCents) },
          { label: t("pdf.balanceAfter"), value: money(recorded.balanceAfterCents), strong: true },
        ]
      : [{ label: t("pdf.totalCredited"), value: money(-note.amountCents), strong: true }];
  const pdf = await renderPdf({
    ...language(tr),
    labels: { to: t("pdf.creditTo"), ...tableLabels(tr) },
    title: t("pdf.creditNote.title"),
    number: note.number,
    brandColor: business.brandColor,
    from: fromParty(business),
    to: toParty(customer),
    facts: [
      { label: t("pdf.date"), value: tr.date(dateInZone(note.createdAt, business.timeZone)) },
      { label: t("pdf.creditsInvoice"), value: invoice.number },
      { label: t("pdf.invoiceIssued"), value: tr.date(fromDbDate(invoice.issueDate)) },
      { label: t("pdf.amountCredited"), value: money(note.amountCents) },
    ],
    rows: [{ label: note.reason, detail: t("pdf.creditAgainst", { number: invoice.number }), amount: money(-note.amountCents) }],
    totals: balances,
    footer: t("pdf.creditNote.footer", { number: note.number, invoice: invoice.number, email: business.supportEmail }),
  });
  return { pdf, filename: `credit-note-${note.number}.pdf` };
}

/**
 * The plan agreement: the terms exactly as the customer accepted them (stored with the plan, in the language they
 * read then), when they accepted, the schedule of instalments with dates and amounts (each with its method's
 * surcharge or discount, as charged), the method the plan charges and where each instalment stands. Null when the
 * plan is not the customer's.
 */
export async function planAgreementPdf(tr: Translator, customer: CustomerLike & { id: string }, business: BusinessLike, planId: string) {
  const plan = await getCustomerPlan(customer.id, planId);
  if (!plan) return null;
  const { t } = tr;
  const money = (c: number) => tr.money(c, plan.currency);
  const numbers = tr.intl.formatList(plan.invoices.map((i) => i.number));
  const totalCents = plan.instalments.reduce((s, i) => s + i.amountCents, 0);
  const paidCents = plan.instalments.filter((i) => i.status === "PAID").reduce((s, i) => s + i.amountCents, 0);
  const pdf = await renderPdf({
    ...language(tr),
    labels: { to: t("pdf.agreedBy"), ...tableLabels(tr) },
    title: t("pdf.plan.title"),
    number: plan.invoices.length ? t("pdf.plan.invoices", { count: plan.invoices.length, numbers }) : "",
    brandColor: business.brandColor,
    from: fromParty(business),
    to: toParty(customer),
    facts: [
      { label: t("pdf.accepted"), value: tr.instant(plan.acceptedAt, business.timeZone) },
      { label: t("pdf.instalments"), value: tr.intl.formatNumber(plan.instalmentCount) },
      { label: t("pdf.howOften"), value: t(`plan.frequency.${plan.frequency}` as MessageKey) },
      { label: t("pdf.paymentMethod"), value: savedMethodText(t, plan.savedMethod) },
      { label: t("pdf.status"), value: t(`plan.status.${plan.status}` as MessageKey) },
    ],
    tables: [
      {
        heading: t("pdf.schedule"),
        columns: [
          { label: "#", share: 0.1 },
          { label: t("pdf.col.dueDate"), share: 0.4 },
          { label: t("pdf.col.status"), share: 0.25 },
          { label: t("pdf.col.amount"), share: 0.25, align: "end" },
        ],
        rows: plan.instalments.map((i) => ({ cells: [tr.intl.formatNumber(i.sequence), tr.date(i.dueDate, "long"), t(`instalment.status.${i.status}` as MessageKey), money(i.amountCents)] })),
      },
    ],
    totals: [
      ...(plan.feeCents > 0 ? [{ label: t("pdf.planFee"), value: money(plan.feeCents) }] : []),
      { label: t("pdf.paidSoFar"), value: money(paidCents) },
      { label: t("pdf.planTotal"), value: money(totalCents), strong: true },
    ],
    sections: [{ heading: t("pdf.terms"), body: plan.termsText }],
    footer: t("pdf.plan.footer", { name: customer.name, at: tr.instant(plan.acceptedAt, business.timeZone), email: business.supportEmail }),
  });
  return { pdf, filename: `plan-agreement-${plan.id}.pdf` };
}

const RECENT_DAYS = 90;

/**
 * A statement of account: every open invoice (number, due date, amount, paid, balance), the payments and credits of
 * the last 90 days, and what is owed in each currency (never added across currencies). The customer reads their
 * own; the owner reads any customer of their business; either way in the customer's language (`trFor`).
 */
export async function statementPdf(scope: { customerId: string } | { businessId: string; customerId: string }, trFor: (customer: { language: string | null }, business: { language: string }) => Translator) {
  const customer = await db.customer.findFirst({ where: { id: scope.customerId, ...("businessId" in scope ? { businessId: scope.businessId } : {}) }, include: { business: true } });
  if (!customer) return null;
  const { business } = customer;
  const tr = trFor(customer, business);
  const { t } = tr;
  const day = today(business.timeZone);
  const since = startOfDay(addDays(day, -RECENT_DAYS), business.timeZone);
  const open = (await listCustomerInvoices(customer.id, day)).filter((i) => i.figures.balanceCents > 0).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
  const [payments, creditNotes] = await Promise.all([
    db.payment.findMany({
      where: { customerId: customer.id, businessId: business.id, status: { in: ["SUCCEEDED", "PROCESSING"] }, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      select: { amountCents: true, currency: true, status: true, receiptNumber: true, method: true, methodDetails: true, succeededAt: true, createdAt: true },
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
      const method = t(`method.${p.method}` as MessageKey);
      const what =
        p.status === "PROCESSING" ? t("pdf.statementProcessing", { method }) : p.receiptNumber ? t("pdf.statementPayment", { receipt: p.receiptNumber, method }) : t("pdf.statementPaymentPlain", { method });
      return { at, cells: [tr.date(dateInZone(at, business.timeZone)), what, tr.money(-p.amountCents, p.currency)] };
    }),
    ...creditNotes.map((n) => ({
      at: n.createdAt,
      cells: [tr.date(dateInZone(n.createdAt, business.timeZone)), t("pdf.statementCredit", { number: n.number, invoice: n.invoice.number }), tr.money(-n.amountCents, n.currency)],
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  const owed = new Map<string, number>();
  for (const i of open) owed.set(i.currency, (owed.get(i.currency) ?? 0) + i.figures.balanceCents);
  const currencies = [...owed.keys()].sort();
  const balanceTotals = currencies.length
    ? currencies.map((currency) => ({ label: currencies.length > 1 ? t("pdf.balanceDueIn", { currency }) : t("pdf.balanceDue"), value: tr.money(owed.get(currency)!, currency), strong: true }))
    : [{ label: t("pdf.balanceDue"), value: tr.money(0, business.currency), strong: true }];
  const pdf = await renderPdf({
    ...language(tr),
    labels: { to: t("pdf.statementFor"), ...tableLabels(tr) },
    title: t("pdf.statement.title"),
    number: tr.date(day, "long"),
    brandColor: business.brandColor,
    from: fromParty(business),
    to: toParty(customer),
    facts: [
      { label: t("pdf.statementDate"), value: tr.date(day) },
      { label: t("pdf.openInvoices"), value: tr.intl.formatNumber(open.length) },
      ...balanceTotals.map((b) => ({ label: b.label, value: b.value })),
    ],
    tables: [
      {
        heading: t("pdf.openInvoices"),
        columns: [
          { label: t("pdf.col.invoice"), share: 0.2 },
          { label: t("pdf.col.due"), share: 0.2 },
          { label: t("pdf.col.amount"), share: 0.2, align: "end" },
          { label: t("pdf.col.paid"), share: 0.2, align: "end" },
          { label: t("pdf.col.balance"), share: 0.2, align: "end" },
        ],
        rows: open.map((i) => ({
          cells: [i.number, tr.date(i.dueDate), tr.money(i.figures.totalCents, i.currency), tr.money(i.figures.paidCents, i.currency), tr.money(i.figures.balanceCents, i.currency)],
          detail: i.figures.status === "OVERDUE" ? t("pdf.overdueDays", { days: i.figures.daysOverdue }) : undefined,
        })),
        empty: t("pdf.nothingOpen"),
      },
      {
        heading: t("pdf.recent", { days: RECENT_DAYS }),
        columns: [
          { label: t("pdf.col.date"), share: 0.2 },
          { label: t("pdf.col.description"), share: 0.55 },
          { label: t("pdf.col.amount"), share: 0.25, align: "end" },
        ],
        rows: recent.map((r) => ({ cells: r.cells })),
        empty: t("pdf.noRecent"),
      },
    ],
    totals: balanceTotals,
    footer: t("pdf.balanceFooter", { date: tr.date(day, "long"), email: business.supportEmail }),
  });
  return { pdf, filename: `statement-${day}.pdf` };
}
