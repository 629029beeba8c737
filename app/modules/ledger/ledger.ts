// The one ledger invariant (issue 18), for every invoice and business:
//   billed + fees − discounts − credits − write-offs − (payments − refunds − disputed) = balance, to the cent,
// where "disputed" is what open chargebacks hold and lost ones took back, and "balance" is what the app shows
// (computeInvoiceFigures; below zero it shows as overpaid). The sums are taken in SQL straight from the rows, apart
// from the app's own code, and compared here; with them, the checks that no event was applied twice.
// Pure: the queries are strings, run by whoever holds a connection (the app, a test, the e2e suite's own pg client).
import { computeInvoiceFigures, type BalanceInput } from "~/modules/invoices/balance";
import type { CalendarDate } from "~/modules/dates/calendar";

/** Per issued or void invoice ($1: a business id, or null for all): the sums, and the rows the app computes from. */
export const LEDGER_INVOICES_SQL = `
  select i.id, i.number, i."businessId", i.state::text as state, to_char(i."dueDate", 'YYYY-MM-DD') as "dueDate", i."uncollectibleAt" is not null as uncollectible,
    coalesce((select sum(l."amountCents") from "InvoiceLine" l where l."invoiceId" = i.id), 0)::bigint as billed,
    coalesce((select sum(f."amountCents") from "LateFee" f where f."invoiceId" = i.id and f.status = 'APPLIED'), 0)::bigint as fees,
    coalesce((select sum(d."amountCents") from "Discount" d join "Payment" p on p.id = d."paymentId"
      where d."invoiceId" = i.id and d.status = 'GRANTED' and p.status in ('SUCCEEDED', 'PROCESSING')), 0)::bigint as discounts,
    coalesce((select sum(a."amountCents") from "InvoiceAdjustment" a where a."invoiceId" = i.id and a.kind = 'CREDIT'), 0)::bigint as credits,
    coalesce((select sum(a."amountCents") from "InvoiceAdjustment" a where a."invoiceId" = i.id and a.kind = 'WRITE_OFF'), 0)::bigint as "writeOffs",
    coalesce((select sum(a."amountCents") from "PaymentAllocation" a join "Payment" p on p.id = a."paymentId" where a."invoiceId" = i.id and p.status = 'SUCCEEDED'), 0)::bigint as payments,
    coalesce((select sum(ra."amountCents") from "RefundAllocation" ra join "Refund" r on r.id = ra."refundId" where ra."invoiceId" = i.id and r.status = 'SUCCEEDED'), 0)::bigint as refunds,
    coalesce((select sum(da."amountCents") from "DisputeAllocation" da join "Dispute" d on d.id = da."disputeId" where da."invoiceId" = i.id and d.status in ('OPEN', 'LOST') and not d.inquiry), 0)::bigint as disputed,
    coalesce((select json_agg(json_build_object('amountCents', l."amountCents")) from "InvoiceLine" l where l."invoiceId" = i.id), '[]') as lines,
    coalesce((select json_agg(json_build_object('amountCents', a."amountCents", 'paymentStatus', p.status)) from "PaymentAllocation" a join "Payment" p on p.id = a."paymentId" where a."invoiceId" = i.id), '[]') as allocations,
    coalesce((select json_agg(json_build_object('amountCents', d."amountCents", 'status', d.status, 'paymentStatus', p.status)) from "Discount" d join "Payment" p on p.id = d."paymentId" where d."invoiceId" = i.id), '[]') as "discountRows",
    coalesce((select json_agg(json_build_object('amountCents', f."amountCents", 'status', f.status)) from "LateFee" f where f."invoiceId" = i.id), '[]') as "lateFees",
    coalesce((select json_agg(json_build_object('amountCents', a."amountCents", 'kind', a.kind)) from "InvoiceAdjustment" a where a."invoiceId" = i.id), '[]') as adjustments,
    coalesce((select json_agg(json_build_object('amountCents', ra."amountCents", 'status', r.status)) from "RefundAllocation" ra join "Refund" r on r.id = ra."refundId" where ra."invoiceId" = i.id), '[]') as "refundRows",
    coalesce((select json_agg(json_build_object('amountCents', da."amountCents", 'status', d.status, 'inquiry', d.inquiry)) from "DisputeAllocation" da join "Dispute" d on d.id = da."disputeId" where da."invoiceId" = i.id), '[]') as "disputeRows"
  from "Invoice" i
  where i.state <> 'DRAFT' and ($1::text is null or i."businessId" = $1::text)
  order by i."businessId", i.number`;

/**
 * What must never happen, one row per breach ($1 as above): money back beyond what was paid, an invoice losing more of
 * a payment than it received, and any effect of one gateway event applied twice.
 */
export const LEDGER_BREACHES_SQL = `
  select 'refunds exceed payment ' || p.id as problem from "Payment" p
    where ($1::text is null or p."businessId" = $1::text)
      and (select coalesce(sum(r."amountCents"), 0) from "Refund" r where r."paymentId" = p.id and r.status in ('PENDING', 'SUCCEEDED')) > p."amountCents"
  union all
  select 'refund parts exceed refund ' || r.id from "Refund" r
    where ($1::text is null or r."businessId" = $1::text)
      and (select coalesce(sum(ra."amountCents"), 0) from "RefundAllocation" ra where ra."refundId" = r.id) > r."amountCents"
  union all
  select 'invoice ' || a."invoiceId" || ' gave back more of payment ' || a."paymentId" || ' than it received' from "PaymentAllocation" a join "Payment" p on p.id = a."paymentId"
    where ($1::text is null or p."businessId" = $1::text)
      and (select coalesce(sum(ra."amountCents"), 0) from "RefundAllocation" ra join "Refund" r on r.id = ra."refundId" where r."paymentId" = a."paymentId" and ra."invoiceId" = a."invoiceId" and r.status in ('PENDING', 'SUCCEEDED'))
        + (select coalesce(sum(da."amountCents"), 0) from "DisputeAllocation" da join "Dispute" d on d.id = da."disputeId" where d."paymentId" = a."paymentId" and da."invoiceId" = a."invoiceId" and d.status <> 'WON' and not d.inquiry)
        > a."amountCents"
  union all
  select 'applied twice: ' || e.type || ' ' || coalesce(e.data->>'paymentId', '') || coalesce(e.data->>'refundId', '') || coalesce(e.data->>'disputeId', '') || ' on ' || coalesce(e."invoiceId", '')
    from "ActivityEvent" e
    where ($1::text is null or e."businessId" = $1::text)
      and e.type in ('payment.succeeded', 'payment.returned', 'payment.failed', 'refund.succeeded', 'refund.failed', 'dispute.opened', 'dispute.won', 'dispute.lost')
    group by e.type, e.data->>'paymentId', e.data->>'refundId', e.data->>'disputeId', e."invoiceId" having count(*) > 1`;

export type LedgerRow = {
  id: string;
  number: string;
  businessId: string;
  state: "ISSUED" | "VOID";
  dueDate: string;
  uncollectible: boolean;
  billed: bigint | number | string;
  fees: bigint | number | string;
  discounts: bigint | number | string;
  credits: bigint | number | string;
  writeOffs: bigint | number | string;
  payments: bigint | number | string;
  refunds: bigint | number | string;
  disputed: bigint | number | string;
  lines: BalanceInput["lines"];
  allocations: BalanceInput["allocations"];
  discountRows: BalanceInput["discounts"];
  lateFees: BalanceInput["lateFees"];
  adjustments: BalanceInput["adjustments"];
  refundRows: NonNullable<BalanceInput["refunds"]>;
  disputeRows: NonNullable<BalanceInput["disputes"]>;
};

export type LedgerReport = { invoices: number; businesses: number; problems: string[] };

/** Checks the invariant on every row (and reports the breaches found by LEDGER_BREACHES_SQL). */
export function checkLedger(rows: readonly LedgerRow[], breaches: readonly { problem: string }[], today: CalendarDate): LedgerReport {
  const problems = breaches.map((b) => b.problem);
  for (const r of rows) {
    const n = (v: bigint | number | string) => Number(v);
    const ledger = n(r.billed) + n(r.fees) - n(r.discounts) - n(r.credits) - n(r.writeOffs) - (n(r.payments) - n(r.refunds) - n(r.disputed));
    const figures = computeInvoiceFigures(
      {
        state: r.state,
        dueDate: r.dueDate as CalendarDate,
        lines: r.lines,
        allocations: r.allocations,
        discounts: r.discountRows,
        lateFees: r.lateFees,
        adjustments: r.adjustments,
        refunds: r.refundRows,
        disputes: r.disputeRows,
        uncollectible: r.uncollectible,
      },
      today,
    );
    const shown = figures.balanceCents - figures.overpaidCents;
    if (ledger !== shown) problems.push(`${r.number} (${r.id}): the ledger says ${ledger}, the app shows ${shown}`);
    if (n(r.payments) - n(r.refunds) - n(r.disputed) < 0) problems.push(`${r.number} (${r.id}): more came back (${n(r.refunds) + n(r.disputed)}) than was paid (${n(r.payments)})`);
  }
  return { invoices: rows.length, businesses: new Set(rows.map((r) => r.businessId)).size, problems };
}
