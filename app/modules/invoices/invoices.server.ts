import { type Prisma } from "~/generated/prisma/client";
import { fromDbDate, type CalendarDate } from "~/modules/dates/calendar";
import { db, readRows, type Db, type Tx } from "~/utils/db.server";
import { earlyPayOffer, termsFor, type EarlyPayOffer, type InvoiceOverride, type PolicyLike } from "~/modules/discounts/early-pay";
import { computeInvoiceFigures, type InvoiceFigures, type DisputeStatus, type PaymentStatus, type RefundStatus } from "./balance";

/** What computeInvoiceFigures needs, loaded in one query. */
export const invoiceFiguresInclude = {
  lines: { select: { amountCents: true }, orderBy: { position: "asc" } },
  allocations: { select: { amountCents: true, payment: { select: { status: true } } } },
  discounts: { select: { amountCents: true, status: true, payment: { select: { status: true } } } },
  lateFees: { select: { amountCents: true, status: true } },
  adjustments: { select: { amountCents: true, kind: true } },
  refundAllocations: { select: { amountCents: true, refund: { select: { status: true } } } },
  disputeAllocations: { select: { amountCents: true, dispute: { select: { status: true, inquiry: true } } } },
} satisfies Prisma.InvoiceInclude;

type InvoiceWithFigureRows = Prisma.InvoiceGetPayload<{ include: typeof invoiceFiguresInclude }>;

export function figuresOf(invoice: InvoiceWithFigureRows, today: CalendarDate): InvoiceFigures {
  return computeInvoiceFigures(
    {
      state: invoice.state,
      dueDate: fromDbDate(invoice.dueDate),
      lines: invoice.lines,
      allocations: invoice.allocations.map((a) => ({ amountCents: a.amountCents, paymentStatus: a.payment.status })),
      discounts: invoice.discounts.map((d) => ({ amountCents: d.amountCents, status: d.status, paymentStatus: d.payment.status })),
      lateFees: invoice.lateFees,
      adjustments: invoice.adjustments,
      refunds: invoice.refundAllocations.map((r) => ({ amountCents: r.amountCents, status: r.refund.status })),
      disputes: invoice.disputeAllocations.map((d) => ({ amountCents: d.amountCents, status: d.dispute.status, inquiry: d.dispute.inquiry })),
      uncollectible: invoice.uncollectibleAt !== null,
    },
    today,
  );
}

export type InvoiceSummary = {
  id: string;
  number: string;
  currency: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  customer: { id: string; name: string; companyName: string | null };
  figures: InvoiceFigures;
};

function summarize(
  invoice: InvoiceWithFigureRows & { customer: { id: string; name: string; companyName: string | null } },
  today: CalendarDate,
): InvoiceSummary {
  return {
    id: invoice.id,
    number: invoice.number,
    currency: invoice.currency,
    issueDate: fromDbDate(invoice.issueDate),
    dueDate: fromDbDate(invoice.dueDate),
    customer: invoice.customer,
    figures: figuresOf(invoice, today),
  };
}

const customerSelect = { select: { id: true, name: true, companyName: true } } as const;

/** A business's issued invoices with live figures, for the owner. */
export async function listBusinessInvoices(businessId: string, today: CalendarDate) {
  const invoices = await db.invoice.findMany({
    where: { businessId, state: { not: "DRAFT" } },
    include: { ...invoiceFiguresInclude, customer: customerSelect },
    orderBy: [{ dueDate: "asc" }, { number: "asc" }],
  });
  return invoices.map((i) => summarize(i, today));
}

export type CustomerInvoiceRow = {
  id: string;
  number: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  customerName: string;
  customerCompanyName: string | null;
  lines: { amountCents: number }[];
  allocations: { amountCents: number; paymentStatus: PaymentStatus }[];
  discounts: { amountCents: number; status: "GRANTED" | "WITHDRAWN"; paymentStatus: PaymentStatus }[];
  lateFees: { amountCents: number; status: "APPLIED" | "WAIVED" }[];
  adjustments: { amountCents: number; kind: "CREDIT" | "WRITE_OFF" }[];
  refunds: { amountCents: number; status: RefundStatus }[];
  disputes: { amountCents: number; status: DisputeStatus; inquiry: boolean }[];
  uncollectible: boolean;
} & InvoiceOverride & {
  policyEnabled: boolean | null;
  policyKind: "PERCENT" | "FIXED" | null;
  policyPercentBps: number | null;
  policyAmountCents: number | null;
  policyWindowDays: number | null;
  policyAchOnly: boolean | null;
  policyCombinesWithPlan: boolean | null;
  policyCurrency: string;
};

/**
 * One customer's invoices: every query is scoped to the customer, so nobody sees another's.
 * One statement (the rows behind the figures aggregated per invoice) rather than `include`, which is a query
 * per relation, each compiled by Prisma: this list is on every portal page (docs/decisions/016-benchmarks.md).
 */
export async function listCustomerInvoices(customerId: string, today: CalendarDate, client: Db | Tx = db): Promise<InvoiceSummary[]> {
  return invoicesFromRows(await readRows<CustomerInvoiceRow>(CUSTOMER_INVOICES_SQL, [customerId], client), customerId, today);
}

/**
 * The list and each invoice's early-pay offer today, in the same one statement (the portal home): the terms are
 * columns of the invoice, the business's policy is joined, and "already granted" follows from the discounts the
 * figures read anyway. The same rules as earlyPayOffers (an integration test compares the two).
 */
export async function listCustomerInvoicesWithOffers(customerId: string, today: CalendarDate) {
  return invoicesWithOffersFromRows(await readRows<CustomerInvoiceRow>(CUSTOMER_INVOICES_SQL, [customerId]), customerId, today);
}

/** The list and the offers from CUSTOMER_INVOICES_SQL's rows (also the bench's bare server's). */
export function invoicesWithOffersFromRows(rows: readonly CustomerInvoiceRow[], customerId: string, today: CalendarDate) {
  const invoices = invoicesFromRows(rows, customerId, today);
  const first = rows[0];
  const policy: PolicyLike | null =
    first && first.policyEnabled !== null
      ? { enabled: first.policyEnabled, kind: first.policyKind!, percentBps: first.policyPercentBps!, amountCents: first.policyAmountCents!, windowDays: first.policyWindowDays!, achOnly: first.policyAchOnly!, combinesWithPlan: first.policyCombinesWithPlan!, currency: first.policyCurrency }
      : null;
  const offers: Record<string, EarlyPayOffer | null> = {};
  rows.forEach((row, index) => {
    const invoice = invoices[index]!;
    const granted = row.discounts.some((d) => d.status === "GRANTED" && (d.paymentStatus === "SUCCEEDED" || d.paymentStatus === "PROCESSING"));
    offers[invoice.id] = earlyPayOffer(termsFor(policy, row), invoice.issueDate, today, invoice.figures.dueNowCents, granted);
  });
  return { invoices, offers };
}

/** One customer's issued invoices ($1: the customer) with the rows behind their figures, their early-pay terms and the business's policy. */
export const CUSTOMER_INVOICES_SQL = `
    select i.id, i.number, i.currency, to_char(i."issueDate", 'YYYY-MM-DD') as "issueDate", to_char(i."dueDate", 'YYYY-MM-DD') as "dueDate",
      c.name as "customerName", c."companyName" as "customerCompanyName",
      coalesce((select json_agg(json_build_object('amountCents', l."amountCents") order by l.position) from "InvoiceLine" l where l."invoiceId" = i.id), '[]') as lines,
      coalesce((select json_agg(json_build_object('amountCents', a."amountCents", 'paymentStatus', p.status)) from "PaymentAllocation" a
        join "Payment" p on p.id = a."paymentId" where a."invoiceId" = i.id), '[]') as allocations,
      coalesce((select json_agg(json_build_object('amountCents', d."amountCents", 'status', d.status, 'paymentStatus', p.status)) from "Discount" d
        join "Payment" p on p.id = d."paymentId" where d."invoiceId" = i.id), '[]') as discounts,
      coalesce((select json_agg(json_build_object('amountCents', f."amountCents", 'status', f.status)) from "LateFee" f where f."invoiceId" = i.id), '[]') as "lateFees",
      coalesce((select json_agg(json_build_object('amountCents', a."amountCents", 'kind', a.kind)) from "InvoiceAdjustment" a where a."invoiceId" = i.id), '[]') as adjustments,
      coalesce((select json_agg(json_build_object('amountCents', ra."amountCents", 'status', r.status)) from "RefundAllocation" ra
        join "Refund" r on r.id = ra."refundId" where ra."invoiceId" = i.id), '[]') as refunds,
      coalesce((select json_agg(json_build_object('amountCents', da."amountCents", 'status', d.status, 'inquiry', d.inquiry)) from "DisputeAllocation" da
        join "Dispute" d on d.id = da."disputeId" where da."invoiceId" = i.id), '[]') as disputes,
      i."uncollectibleAt" is not null as uncollectible,
      i."discountOverride"::text as "discountOverride", i."discountKind"::text as "discountKind", i."discountPercentBps", i."discountAmountCents", i."discountWindowDays",
      dp.enabled as "policyEnabled", dp.kind::text as "policyKind", dp."percentBps" as "policyPercentBps", dp."amountCents" as "policyAmountCents",
      dp."windowDays" as "policyWindowDays", dp."achOnly" as "policyAchOnly", dp."combinesWithPlan" as "policyCombinesWithPlan",
      (select b.currency from "Business" b where b.id = c."businessId") as "policyCurrency"
    from "Invoice" i join "Customer" c on c.id = i."customerId" left join "DiscountPolicy" dp on dp."businessId" = c."businessId"
    where i."customerId" = $1 and i.state = 'ISSUED'
    order by i."dueDate", i.number`;

function invoicesFromRows(rows: readonly CustomerInvoiceRow[], customerId: string, today: CalendarDate) {
  return rows.map((i): InvoiceSummary => {
    const dueDate = i.dueDate as CalendarDate;
    return {
      id: i.id,
      number: i.number,
      currency: i.currency,
      issueDate: i.issueDate as CalendarDate,
      dueDate,
      customer: { id: customerId, name: i.customerName, companyName: i.customerCompanyName },
      figures: computeInvoiceFigures({ state: "ISSUED", dueDate, lines: i.lines, allocations: i.allocations, discounts: i.discounts, lateFees: i.lateFees, adjustments: i.adjustments, refunds: i.refunds, disputes: i.disputes, uncollectible: i.uncollectible }, today),
    };
  });
}

export type Totals = { outstandingCents: number; overdueCents: number; processingCents: number; count: number; overdueCount: number };

export function totalsOf(invoices: readonly InvoiceSummary[]): Totals {
  const open = invoices.filter((i) => i.figures.status !== "VOID" && i.figures.status !== "DRAFT");
  return {
    outstandingCents: open.reduce((s, i) => s + i.figures.balanceCents, 0),
    overdueCents: open.filter((i) => i.figures.status === "OVERDUE").reduce((s, i) => s + i.figures.dueNowCents, 0),
    processingCents: open.reduce((s, i) => s + i.figures.processingCents, 0),
    count: open.filter((i) => i.figures.balanceCents > 0).length,
    overdueCount: open.filter((i) => i.figures.status === "OVERDUE").length,
  };
}

/**
 * totalsOf for each currency the invoices are in, never added across currencies (decision 033): the first
 * currency given (the business's) comes first, always there; the others follow by code.
 */
export function totalsByCurrency(invoices: readonly InvoiceSummary[], first: string): (Totals & { currency: string })[] {
  return groupByCurrency(invoices, first).map(([currency, own]) => ({ currency, ...totalsOf(own) }));
}

/** Items grouped by their currency: `first` first (even with no items), then the others by code. */
export function groupByCurrency<T extends { currency: string }>(items: readonly T[], first: string): [string, T[]][] {
  const groups = new Map<string, T[]>([[first, []]]);
  for (const item of items) groups.set(item.currency, [...(groups.get(item.currency) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => (a === first ? -1 : b === first ? 1 : a.localeCompare(b)));
}

/** One of the customer's invoices with everything its page shows; null when it is not theirs. */
export async function getCustomerInvoice(customerId: string, invoiceId: string, today: CalendarDate) {
  const invoice = await db.invoice.findFirst({
    where: { id: invoiceId, customerId, state: { in: ["ISSUED", "VOID"] } },
    include: {
      ...invoiceFiguresInclude,
      customer: customerSelect,
      lines: { orderBy: { position: "asc" } },
      allocations: {
        include: { payment: { select: { id: true, status: true, method: true, methodDetails: true, receiptNumber: true, createdAt: true, succeededAt: true, amountCents: true } } },
        orderBy: { payment: { createdAt: "asc" } },
      },
      discounts: { orderBy: { grantedAt: "asc" }, include: { payment: { select: { status: true } } } },
      lateFees: { orderBy: { createdAt: "asc" } },
      adjustments: { orderBy: { createdAt: "asc" } },
      refundAllocations: { include: { refund: { select: { status: true, reason: true, succeededAt: true } } }, orderBy: { refund: { createdAt: "asc" } } },
    },
  });
  if (!invoice) return null;
  return { invoice, figures: figuresOf(invoice, today), summary: summarize(invoice, today) };
}
