import { db } from "~/utils/db.server";

/** A customer's payments, newest first, without the unconfirmed ones they abandoned. */
export async function listCustomerPayments(customerId: string, take = 20) {
  const payments = await db.payment.findMany({
    where: { customerId, status: { in: ["PROCESSING", "SUCCEEDED", "FAILED"] } },
    include: { allocations: { include: { invoice: { select: { number: true } } } } },
    orderBy: { createdAt: "desc" },
    take,
  });
  return payments.map((p) => ({
    id: p.id,
    status: p.status,
    method: p.method,
    amountCents: p.amountCents,
    receiptNumber: p.receiptNumber,
    createdAt: p.createdAt,
    invoiceNumbers: p.allocations.map((a) => a.invoice.number),
  }));
}

/** Every payment of a business, newest first, for the owner. */
export async function listBusinessPayments(businessId: string, take = 100) {
  return db.payment.findMany({
    where: { businessId, status: { not: "PENDING" } },
    include: { customer: { select: { id: true, name: true, companyName: true } }, allocations: { include: { invoice: { select: { number: true } } } } },
    orderBy: { createdAt: "desc" },
    take,
  });
}
