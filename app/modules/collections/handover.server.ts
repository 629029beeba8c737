// Handing an account to a collection agency: one pack with what the agency asks for (a statement of
// principal, fees, interest, payments and write-offs per invoice, and the full correspondence log: every
// email with its text, portal visits, promises, questions, call notes), as a PDF and as CSV; and marking
// the account handed over, which stops all reminders (the engine's gate) and is logged.
import PDFDocument from "pdfkit";
import { logActivity } from "~/modules/activity/activity.server";
import { dateInZone, formatDate, formatInstant } from "~/modules/dates/calendar";
import { listCustomerInvoices } from "~/modules/invoices/invoices.server";
import { formatDecimal, formatMoney } from "~/modules/money/money";
import { now, today } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

export class HandoverInputError extends Error {}

export async function collectionsPack(businessId: string, customerId: string) {
  const customer = await db.customer.findFirst({ where: { id: customerId, businessId }, include: { business: true } });
  if (!customer) return null;
  const { business } = customer;
  const day = today(business.timeZone);
  const [invoices, payments, activity, emails] = await Promise.all([
    listCustomerInvoices(customer.id, day),
    db.payment.findMany({ where: { customerId: customer.id, status: { in: ["SUCCEEDED", "PROCESSING"] } }, orderBy: { createdAt: "asc" }, include: { allocations: { include: { invoice: { select: { number: true } } } } } }),
    db.activityEvent.findMany({ where: { customerId: customer.id }, orderBy: { id: "asc" } }),
    db.outboxEmail.findMany({ where: { customerId: customer.id }, orderBy: { createdAt: "asc" }, select: { id: true, createdAt: true, sentAt: true, status: true, subject: true, text: true, toAddress: true, template: true } }),
  ]);
  const owners = new Map((await db.user.findMany({ where: { businessId }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const issued = invoices.filter((i) => i.figures.status !== "VOID" && i.figures.status !== "DRAFT");
  // Totals per currency, never added across (decision 033): an account billed in yen and in dollars has two rows.
  const currencies = [...new Set(issued.map((i) => i.currency))].sort();
  const sum = (currency: string, f: (i: (typeof issued)[number]) => number) => issued.filter((i) => i.currency === currency).reduce((s, i) => s + f(i), 0);
  const when = (d: Date) => formatInstant(d, business.timeZone);
  const correspondence = [
    ...activity.map((a) => ({ at: a.occurredAt, kind: a.type, who: a.actor === "OWNER" ? ((a.actorUserId && owners.get(a.actorUserId)) ?? "Owner") : a.actor === "CUSTOMER" ? customer.name : "System", text: a.summary })),
    ...emails.map((e) => ({ at: e.createdAt, kind: `email.${e.template}`, who: `To ${e.toAddress} (${e.status.toLowerCase()}${e.sentAt ? `, sent ${when(e.sentAt)}` : ""})`, text: `${e.subject}\n\n${e.text}` })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return {
    business,
    customer,
    today: day,
    invoices: issued.map((i) => ({
      number: i.number,
      currency: i.currency,
      issueDate: i.issueDate,
      dueDate: i.dueDate,
      daysOverdue: i.figures.daysOverdue,
      principalCents: i.figures.subtotalCents,
      feesCents: i.figures.feesCents,
      // No interest is charged on overdue invoices in this product: the column is there because agencies ask for it.
      interestCents: 0,
      paidCents: i.figures.paidCents,
      processingCents: i.figures.processingCents,
      discountCents: i.figures.discountCents,
      creditCents: i.figures.creditCents,
      writtenOffCents: i.figures.writtenOffCents,
      balanceCents: i.figures.balanceCents,
    })),
    totals: currencies.map((currency) => ({
      currency,
      principalCents: sum(currency, (i) => i.figures.subtotalCents),
      feesCents: sum(currency, (i) => i.figures.feesCents),
      interestCents: 0,
      paidCents: sum(currency, (i) => i.figures.paidCents),
      adjustmentsCents: sum(currency, (i) => i.figures.discountCents + i.figures.creditCents + i.figures.writtenOffCents),
      balanceCents: sum(currency, (i) => i.figures.balanceCents),
    })),
    payments: payments.map((p) => ({ on: dateInZone(p.succeededAt ?? p.createdAt, business.timeZone), amountCents: p.amountCents, currency: p.currency, status: p.status, method: p.methodDetails ?? p.method, receipt: p.receiptNumber, invoices: p.allocations.map((a) => a.invoice.number).join(", ") })),
    correspondence: correspondence.map((c) => ({ ...c, when: when(c.at) })),
  };
}

export type CollectionsPack = NonNullable<Awaited<ReturnType<typeof collectionsPack>>>;

const csvCell = (v: string | number) => {
  const s = String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The pack as one CSV: a section per kind of record, each row self-describing. */
export function collectionsCsv(pack: CollectionsPack) {
  // Amounts as plain decimals in their own currency's exponent (yen has none), the currency in its own column.
  const amount = (c: number, currency: string) => formatDecimal(c, currency);
  const rows: (string | number)[][] = [["record", "date", "invoice", "description", "currency", "principal", "fees", "interest", "paid", "adjustments", "balance"]];
  for (const i of pack.invoices) {
    const money = (c: number) => amount(c, i.currency);
    rows.push(["invoice", i.issueDate, i.number, `due ${i.dueDate}${i.daysOverdue ? `, ${i.daysOverdue} days overdue` : ""}`, i.currency, money(i.principalCents), money(i.feesCents), money(i.interestCents), money(i.paidCents), money(i.discountCents + i.creditCents + i.writtenOffCents), money(i.balanceCents)]);
  }
  for (const p of pack.payments) rows.push(["payment", p.on, p.invoices, `${p.method}${p.receipt ? `, receipt ${p.receipt}` : ""}${p.status === "PROCESSING" ? ", processing" : ""}`, p.currency, "", "", "", amount(p.amountCents, p.currency), "", ""]);
  for (const c of pack.correspondence) rows.push([c.kind.startsWith("email.") ? "email" : "activity", c.when, "", `${c.who}: ${c.text}`, "", "", "", "", "", "", ""]);
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** The pack as a PDF: the statement first, then every contact in order. Text is left uncompressed so it can be searched. */
export function collectionsPdf(pack: CollectionsPack): Promise<Buffer> {
  const { business, customer } = pack;
  const doc = new PDFDocument({ size: "LETTER", margin: 50, compress: false, info: { Title: `Collections pack: ${customer.name}`, Author: business.name } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 100;
  const ensure = (space: number) => {
    if (doc.y > doc.page.height - 50 - space) doc.addPage();
  };
  doc.rect(0, 0, doc.page.width, 8).fill(business.brandColor);
  doc.fillColor("#0f172a").font("Helvetica-Bold").fontSize(18).text(`Statement of account: ${customer.name}`, 50, 40);
  doc.font("Helvetica").fontSize(9).fillColor("#475569");
  doc.text(`${customer.companyName ? `${customer.companyName} · ` : ""}${customer.email}${customer.phone ? ` · ${customer.phone}` : ""}`);
  doc.text(`From ${business.name} · ${business.supportEmail}${business.phone ? ` · ${business.phone}` : ""} · ${business.addressLines.join(", ")}`);
  doc.text(`Prepared ${formatDate(pack.today, "en-US", "long")} for handing over to a collection agency.`);
  doc.moveDown();

  const cols = [0, 0.16, 0.3, 0.42, 0.53, 0.63, 0.74, 0.87].map((f) => 50 + f * width);
  const headers = ["Invoice", "Issued / due", "Principal", "Fees", "Interest", "Paid", "Adjusted", "Balance"];
  const row = (cells: string[], bold = false) => {
    ensure(28);
    const y = doc.y;
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8).fillColor("#0f172a");
    cells.forEach((c, i) => doc.text(c, cols[i]!, y, { width: (i === cells.length - 1 ? 50 + width : cols[i + 1]!) - cols[i]! - 4, align: i >= 2 ? "right" : "left" }));
    doc.x = 50;
    doc.y = Math.max(doc.y, y + 12) + 4;
  };
  row(headers, true);
  for (const i of pack.invoices) {
    const money = (c: number) => formatMoney(c, i.currency);
    row([i.number, `${formatDate(i.issueDate)} / ${formatDate(i.dueDate)}${i.daysOverdue ? ` (${i.daysOverdue}d late)` : ""}`, money(i.principalCents), money(i.feesCents), money(i.interestCents), money(i.paidCents), money(i.discountCents + i.creditCents + i.writtenOffCents), money(i.balanceCents)]);
  }
  for (const t of pack.totals) {
    const money = (c: number) => formatMoney(c, t.currency);
    row([pack.totals.length > 1 ? `Total ${t.currency}` : "Total", "", money(t.principalCents), money(t.feesCents), money(t.interestCents), money(t.paidCents), money(t.adjustmentsCents), money(t.balanceCents)], true);
  }
  doc.moveDown(0.5).font("Helvetica").fontSize(8).fillColor("#475569").text("Paid: what was received and kept (refunds, chargebacks and bank returns taken off, each in the log below). Adjusted: early-payment discounts, credits and write-offs (with the approving owner in the log below). No interest is charged on overdue invoices.", 50, doc.y, { width });

  doc.moveDown().font("Helvetica-Bold").fontSize(12).fillColor("#0f172a").text("Payments", 50, doc.y);
  if (pack.payments.length === 0) doc.font("Helvetica").fontSize(9).text("No payments received.");
  for (const p of pack.payments) {
    ensure(16);
    doc.font("Helvetica").fontSize(9).fillColor("#0f172a").text(`${formatDate(p.on)}  ${formatMoney(p.amountCents, p.currency)}  ${p.method}${p.receipt ? `  receipt ${p.receipt}` : ""}${p.status === "PROCESSING" ? "  (processing)" : ""}  for ${p.invoices}`, 50, doc.y, { width });
  }

  doc.addPage();
  doc.font("Helvetica-Bold").fontSize(14).fillColor("#0f172a").text("Correspondence and activity log", 50, 50);
  doc.font("Helvetica").fontSize(8).fillColor("#475569").text(`Every email sent to the customer with its text, portal visits, promises, questions, payments and call notes, oldest first (${business.timeZone}).`, { width });
  doc.moveDown(0.5);
  for (const c of pack.correspondence) {
    ensure(40);
    doc.font("Helvetica-Bold").fontSize(8.5).fillColor("#0f172a").text(`${c.when} · ${c.kind} · ${c.who}`, 50, doc.y, { width });
    doc.font("Helvetica").fontSize(8.5).fillColor("#334155").text(c.text, { width });
    doc.moveDown(0.5);
  }
  doc.end();
  return done;
}

/** Marks the account handed over: every reminder stops (the engine's gate), and it is logged. */
export async function markHandedOver(businessId: string, ownerId: string, customerId: string, agency: string) {
  const name = agency.trim();
  if (name.length < 2 || name.length > 120) throw new HandoverInputError("Name the agency the account goes to (2 to 120 characters).");
  await db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({ where: { id: customerId, businessId } });
    if (!customer) throw new Response("Not found", { status: 404 });
    if (customer.handedOverAt) throw new HandoverInputError("This account was already handed over.");
    await tx.customer.update({ where: { id: customer.id }, data: { handedOverAt: now() } });
    await logActivity(tx, { businessId, customerId: customer.id, actor: "OWNER", actorUserId: ownerId, type: "customer.handed_over", summary: `Account handed over to ${name}: reminders stopped` });
  });
}
