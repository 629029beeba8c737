// Importing invoices from a CSV file (all or nothing, in one transaction) and exporting them with their figures.
import { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/activity/activity.server";
import { toDbDate } from "~/modules/dates/calendar";
import { formatMoney } from "~/modules/money/money";
import { today } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { STATUS_LABELS } from "./balance";
import { EXPORT_COLUMNS, formatDecimal, formatQuantity, guardText, planImport, toCsv, type ImportError } from "./csv";
import type { InvoiceFilter } from "./filters";
import { listOwnerInvoices } from "./owner.server";

export type ImportResult =
  | { ok: true; invoiceCount: number; lineCount: number; totalCents: number; currency: string; numbers: string[]; issued: boolean }
  | { ok: false; errors: ImportError[]; rowCount: number };

/**
 * Checks every row (the file's own rules, then customers and numbers against the database) and writes
 * nothing unless every row is good. `issue` issues the invoices without emailing them; otherwise they are drafts.
 */
export async function importInvoices(businessId: string, ownerId: string, text: string, options: { issue: boolean }): Promise<ImportResult> {
  const business = await db.business.findUniqueOrThrow({ where: { id: businessId } });
  const plan = planImport(text, business.currency);
  const emails = [...new Set(plan.references.flatMap((r) => (r.customerEmail ? [r.customerEmail] : [])))];
  const numbers = [...new Set(plan.references.flatMap((r) => (r.invoiceNumber ? [r.invoiceNumber] : [])))];
  const check = async (client: Prisma.TransactionClient) => {
    const customers = await client.customer.findMany({ where: { businessId, email: { in: emails, mode: "insensitive" } } });
    const byEmail = new Map(customers.map((c) => [c.email.toLowerCase(), c]));
    const taken = new Set((await client.invoice.findMany({ where: { businessId, number: { in: numbers } }, select: { number: true } })).map((i) => i.number));
    const errors: ImportError[] = [];
    const reported = new Set<string>();
    for (const { row, customerEmail, invoiceNumber } of plan.references) {
      const customer = customerEmail ? byEmail.get(customerEmail) : undefined;
      if (customerEmail && !customer) errors.push({ row, column: "customer_email", value: customerEmail, message: `No customer has the email ${customerEmail}. Add the customer first, or correct the address.` });
      else if (customerEmail && customer?.archivedAt) errors.push({ row, column: "customer_email", value: customerEmail, message: `${customer.name} is archived. Restore the customer before importing invoices for them.` });
      // The file's prices are read in the business's currency: never import them as another currency (decision 033).
      else if (customerEmail && customer?.currency && customer.currency !== business.currency) errors.push({ row, column: "customer_email", value: customerEmail, message: `${customer.name} is billed in ${customer.currency}, and this import reads prices in ${business.currency}. Create their invoices with New invoice, or leave the row out.` });
      if (invoiceNumber && taken.has(invoiceNumber) && !reported.has(invoiceNumber)) {
        reported.add(invoiceNumber);
        errors.push({ row, column: "invoice_number", value: invoiceNumber, message: `${invoiceNumber} is already used by one of your invoices. Give this invoice another number, or leave it out of the file.` });
      }
    }
    return { errors, byEmail };
  };
  const merge = (a: ImportError[], b: ImportError[]) => [...a, ...b].sort((x, y) => x.row - y.row);

  const first = await check(db);
  if (!plan.ok || first.errors.length > 0) return { ok: false, errors: merge(plan.ok ? [] : plan.errors, first.errors), rowCount: plan.rowCount };
  try {
    return await db.$transaction(
      async (tx) => {
        // Checked again inside the transaction: a customer archived or a number taken meanwhile still fails the whole file.
        const { errors, byEmail } = await check(tx);
        if (errors.length > 0) return { ok: false as const, errors, rowCount: plan.rowCount };
        for (const invoice of plan.invoices) {
          const customer = byEmail.get(invoice.customerEmail)!;
          const created = await tx.invoice.create({
            data: {
              businessId,
              customerId: customer.id,
              number: invoice.number,
              currency: business.currency,
              state: options.issue ? "ISSUED" : "DRAFT",
              issueDate: toDbDate(invoice.issueDate),
              dueDate: toDbDate(invoice.dueDate),
              memo: invoice.memo,
              lines: { create: invoice.lines.map((l, index) => ({ position: index + 1, ...l })) },
            },
          });
          await logActivity(tx, {
            businessId,
            customerId: customer.id,
            invoiceId: created.id,
            actor: "OWNER",
            actorUserId: ownerId,
            type: "invoice.imported",
            summary: `Invoice ${invoice.number} imported from a CSV file as ${options.issue ? "issued (not emailed)" : "a draft"}: ${formatMoney(invoice.totalCents, business.currency)}`,
          });
        }
        return {
          ok: true as const,
          invoiceCount: plan.invoices.length,
          lineCount: plan.invoices.reduce((s, i) => s + i.lines.length, 0),
          totalCents: plan.invoices.reduce((s, i) => s + i.totalCents, 0),
          currency: business.currency,
          numbers: plan.invoices.map((i) => i.number),
          issued: options.issue,
        };
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const { errors } = await check(db);
      if (errors.length > 0) return { ok: false, errors, rowCount: plan.rowCount };
    }
    throw error;
  }
}

/** Every invoice that matches the filter, one row per line, with the invoice's figures on each row. */
export async function exportInvoicesCsv(businessId: string, filter: InvoiceFilter) {
  const business = await db.business.findUniqueOrThrow({ where: { id: businessId } });
  const invoices = await listOwnerInvoices(businessId, filter, today(business.timeZone));
  const rows: string[][] = [[...EXPORT_COLUMNS]];
  for (const invoice of [...invoices].reverse()) {
    const money = (cents: number) => formatDecimal(cents, invoice.currency);
    const lines = invoice.lines.length > 0 ? invoice.lines : [null];
    for (const line of lines) {
      const cells: Record<(typeof EXPORT_COLUMNS)[number], string> = {
        invoice_number: invoice.number,
        customer_email: invoice.customer.email,
        customer_name: guardText(invoice.customer.name),
        state: invoice.state,
        status: STATUS_LABELS[invoice.figures.status],
        issue_date: invoice.issueDate,
        due_date: invoice.dueDate,
        memo: guardText(invoice.memo ?? ""),
        description: guardText(line?.description ?? ""),
        quantity: line ? formatQuantity(line.quantityMilli) : "",
        unit_price: line ? money(line.unitAmountCents) : "",
        line_amount: line ? money(line.amountCents) : "",
        currency: invoice.currency,
        total: money(invoice.figures.totalCents),
        paid: money(invoice.figures.paidCents),
        balance: money(invoice.figures.balanceCents),
      };
      rows.push(EXPORT_COLUMNS.map((c) => cells[c]));
    }
  }
  return { csv: toCsv(rows), count: invoices.length };
}
