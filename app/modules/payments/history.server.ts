import type { PaymentMethodType, PaymentStatus } from "~/generated/prisma/enums";
import { db, readRows } from "~/utils/db.server";

/**
 * A customer's payments, newest first, without the unconfirmed ones they abandoned. One statement with the
 * invoice numbers aggregated per payment (an `include` is a query per relation): it is on the portal page.
 */
export async function listCustomerPayments(customerId: string, take = 20) {
  return readRows<CustomerPaymentRow>(CUSTOMER_PAYMENTS_SQL, [customerId, take]);
}

export type CustomerPaymentRow = { id: string; status: PaymentStatus; method: PaymentMethodType; amountCents: number; currency: string; receiptNumber: string | null; createdAt: Date; invoiceNumbers: string[]; refundedCents: number; returned: boolean; chargedBack: boolean };

/** A customer's payments ($1), newest first, at most $2, with the numbers of the invoices each paid. */
export const CUSTOMER_PAYMENTS_SQL = `
  select p.id, p.status::text as status, p.method::text as method, p."amountCents", p.currency, p."receiptNumber", p."createdAt",
    coalesce((select json_agg(i.number order by a.id) from "PaymentAllocation" a join "Invoice" i on i.id = a."invoiceId" where a."paymentId" = p.id), '[]') as "invoiceNumbers",
    (select coalesce(sum(r."amountCents"), 0)::int from "Refund" r where r."paymentId" = p.id and r.status = 'SUCCEEDED') as "refundedCents",
    p."returnedAt" is not null as returned,
    exists (select 1 from "Dispute" d where d."paymentId" = p.id and d.status = 'LOST' and not d.inquiry) as "chargedBack"
  from "Payment" p
  where p."customerId" = $1 and p.status in ('PROCESSING', 'SUCCEEDED', 'FAILED')
  order by p."createdAt" desc
  limit $2`;

/** Every payment of a business, newest first, for the owner. */
export async function listBusinessPayments(businessId: string, take = 100) {
  return db.payment.findMany({
    where: { businessId, status: { not: "PENDING" } },
    include: {
      customer: { select: { id: true, name: true, companyName: true } },
      allocations: { include: { invoice: { select: { number: true } } } },
      refunds: { select: { amountCents: true, status: true } },
      disputes: { select: { status: true, inquiry: true } },
    },
    orderBy: { createdAt: "desc" },
    take,
  });
}
