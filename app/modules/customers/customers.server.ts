import type { InvoiceSummary } from "~/modules/invoices/invoices.server";
import { db } from "~/utils/db.server";

export function listCustomers(businessId: string) {
  return db.customer.findMany({
    where: { businessId, archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, companyName: true, email: true },
  });
}

/** Each customer's balance and overdue amount, from the invoices' computed figures. */
export function listCustomerBalances<C extends { id: string }>(customers: readonly C[], invoices: readonly InvoiceSummary[]) {
  return customers.map((c) => {
    const own = invoices.filter((i) => i.customer.id === c.id);
    return {
      ...c,
      balanceCents: own.reduce((s, i) => s + i.figures.balanceCents, 0),
      overdueCents: own.filter((i) => i.figures.status === "OVERDUE").reduce((s, i) => s + i.figures.dueNowCents, 0),
    };
  });
}
