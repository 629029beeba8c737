// What the owner's invoice pages read: every invoice of the business (drafts too), filtered, with live figures.
import type { Prisma } from "~/generated/prisma/client";
import { fromDbDate, type CalendarDate } from "~/modules/dates/calendar";
import { db } from "~/utils/db.server";
import type { InvoiceStatus } from "./balance";
import type { InvoiceFilter } from "./filters";
import { figuresOf, invoiceFiguresInclude } from "./invoices.server";

const listInclude = {
  ...invoiceFiguresInclude,
  lines: { orderBy: { position: "asc" } },
  customer: { select: { id: true, name: true, companyName: true, email: true } },
} satisfies Prisma.InvoiceInclude;

export async function listOwnerInvoices(businessId: string, filter: InvoiceFilter, day: CalendarDate) {
  const where: Prisma.InvoiceWhereInput = { businessId };
  if (filter.state !== "ALL") where.state = filter.state;
  if (filter.q) {
    where.OR = [
      { number: { contains: filter.q, mode: "insensitive" } },
      { customer: { name: { contains: filter.q, mode: "insensitive" } } },
      { customer: { companyName: { contains: filter.q, mode: "insensitive" } } },
      { customer: { email: { contains: filter.q, mode: "insensitive" } } },
    ];
  }
  const invoices = await db.invoice.findMany({ where, include: listInclude, orderBy: [{ issueDate: "desc" }, { number: "desc" }] });
  return invoices
    .map((invoice) => ({
      id: invoice.id,
      number: invoice.number,
      state: invoice.state,
      currency: invoice.currency,
      issueDate: fromDbDate(invoice.issueDate),
      dueDate: fromDbDate(invoice.dueDate),
      memo: invoice.memo,
      sentAt: invoice.sentAt,
      customer: invoice.customer,
      lines: invoice.lines.map((l) => ({ description: l.description, quantityMilli: l.quantityMilli, unitAmountCents: l.unitAmountCents, amountCents: l.amountCents })),
      figures: figuresOf(invoice, day),
    }))
    .filter((i) => filter.status === "ALL" || i.figures.status === (filter.status as InvoiceStatus));
}
export type OwnerInvoiceRow = Awaited<ReturnType<typeof listOwnerInvoices>>[number];

export async function getOwnerInvoice(businessId: string, invoiceId: string, day: CalendarDate) {
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, businessId },
    include: {
      ...invoiceFiguresInclude,
      lines: { orderBy: { position: "asc" } },
      customer: { select: { id: true, name: true, companyName: true, email: true } },
      allocations: {
        include: { payment: { select: { id: true, status: true, method: true, methodDetails: true, receiptNumber: true, succeededAt: true, createdAt: true, amountCents: true, gateway: true } } },
        orderBy: { payment: { createdAt: "asc" } },
      },
      activity: { orderBy: { occurredAt: "desc" }, take: 50 },
    },
  });
  if (!invoice) return null;
  return { invoice, figures: figuresOf(invoice, day) };
}

/** The number after the business's highest "PREFIX-0001"-style number, e.g. INV-1002 after INV-1001. */
export async function suggestInvoiceNumber(businessId: string) {
  const rows = await db.invoice.findMany({ where: { businessId }, select: { number: true } });
  let best: { prefix: string; value: number; width: number } | null = null;
  for (const { number } of rows) {
    const match = /^(.*?)(\d+)$/.exec(number);
    if (!match) continue;
    const value = Number(match[2]);
    if (!best || value > best.value) best = { prefix: match[1] ?? "", value, width: match[2]!.length };
  }
  if (!best) return "INV-0001";
  return `${best.prefix}${String(best.value + 1).padStart(best.width, "0")}`;
}

export async function customerOptions(businessId: string) {
  const business = await db.business.findUniqueOrThrow({ where: { id: businessId }, select: { currency: true } });
  const customers = await db.customer.findMany({ where: { businessId, archivedAt: null }, select: { id: true, name: true, companyName: true, email: true, depositRequired: true, currency: true }, orderBy: { name: "asc" } });
  return customers.map((c) => ({ ...c, currency: c.currency ?? business.currency }));
}

/** The currency an invoice for this customer is in (theirs, else the business's), to read the form's amounts in. */
export async function billingCurrency(business: { id: string; currency: string }, customerId: string | undefined): Promise<string> {
  if (!customerId) return business.currency;
  const customer = await db.customer.findFirst({ where: { id: customerId, businessId: business.id }, select: { currency: true } });
  return customer?.currency ?? business.currency;
}

/** The currency one of the business's invoices is in (the business's when there is no such invoice). */
export async function invoiceCurrencyOf(business: { id: string; currency: string }, invoiceId: string): Promise<string> {
  const invoice = await db.invoice.findFirst({ where: { id: invoiceId, businessId: business.id }, select: { currency: true } });
  return invoice?.currency ?? business.currency;
}
