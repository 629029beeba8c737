// Early-pay offers for a customer's invoices, and the bookkeeping of discounts granted with payments.
import type { CalendarDate } from "~/modules/dates/calendar";
import { addDays, dateInZone, fromDbDate } from "~/modules/dates/calendar";
import { Prisma } from "~/generated/prisma/client";
import type { DiscountKind, DiscountOverride } from "~/generated/prisma/enums";
import { db, type Db, type Tx } from "~/utils/db.server";
import { earlyPayOffer, termsFor, type EarlyPayOffer } from "./early-pay";

type Due = { id: string; dueNowCents: number };

/** The offer open today on each invoice (null where none): terms, deadline and what paying in full saves. */
export async function earlyPayOffers(businessId: string, invoices: readonly Due[], today: CalendarDate, client: Db | Tx = db): Promise<Record<string, EarlyPayOffer | null>> {
  if (invoices.length === 0) return {};
  // The terms of each invoice and whether a discount was already granted on it, in one statement.
  const ids = invoices.map((i) => i.id);
  const [policy, rows] = await Promise.all([
    client.discountPolicy.findUnique({ where: { businessId } }),
    client.$queryRaw<
      { id: string; issueDate: Date; discountOverride: DiscountOverride; discountKind: DiscountKind | null; discountPercentBps: number | null; discountAmountCents: number | null; discountWindowDays: number | null; granted: boolean }[]
    >(Prisma.sql`
      select i.id, i."issueDate", i."discountOverride"::text as "discountOverride", i."discountKind"::text as "discountKind", i."discountPercentBps", i."discountAmountCents", i."discountWindowDays",
        exists (select 1 from "Discount" d join "Payment" p on p.id = d."paymentId"
          where d."invoiceId" = i.id and d.status = 'GRANTED' and p.status in ('SUCCEEDED', 'PROCESSING')) as granted
      from "Invoice" i where i.id = any(${ids}::text[])`),
  ]);
  const grantedIds = new Set(rows.filter((r) => r.granted).map((r) => r.id));
  const out: Record<string, EarlyPayOffer | null> = {};
  for (const inv of invoices) {
    const row = rows.find((r) => r.id === inv.id);
    out[inv.id] = row ? earlyPayOffer(termsFor(policy, row), fromDbDate(row.issueDate), today, inv.dueNowCents, grantedIds.has(inv.id)) : null;
  }
  return out;
}

/** Discounts go with their payment: when it fails or is replaced, the discount is withdrawn. */
export async function withdrawDiscounts(tx: Tx, paymentIds: string[], reason: string) {
  if (paymentIds.length === 0) return [];
  const discounts = await tx.discount.findMany({ where: { paymentId: { in: paymentIds }, status: "GRANTED" }, include: { invoice: { select: { number: true } } } });
  if (discounts.length) {
    await tx.discount.updateMany({ where: { id: { in: discounts.map((d) => d.id) } }, data: { status: "WITHDRAWN", withdrawnAt: new Date(), withdrawReason: reason } });
  }
  return discounts;
}

/** The last day of the early-pay discount a pending payment carries, when that day has passed (else null). */
export async function passedDiscountDeadline(paymentId: string, today: CalendarDate): Promise<CalendarDate | null> {
  const discounts = await db.discount.findMany({
    where: { paymentId, status: "GRANTED" },
    include: { invoice: { select: { businessId: true, issueDate: true, discountOverride: true, discountKind: true, discountPercentBps: true, discountAmountCents: true, discountWindowDays: true } } },
  });
  for (const d of discounts) {
    const policy = await db.discountPolicy.findUnique({ where: { businessId: d.invoice.businessId } });
    const terms = termsFor(policy, d.invoice) ?? policy;
    if (!terms) continue;
    const deadline = addDays(fromDbDate(d.invoice.issueDate), terms.windowDays);
    if (today > deadline) return deadline;
  }
  return null;
}

/**
 * Unconfirmed payments that carry an early-pay discount whose last day has passed are cancelled at the
 * gateway and here, and their discounts withdrawn: nobody can pay the discounted amount late.
 */
export async function cancelExpiredDiscountedPayments(at: Date, cancelAtGateway: (providerPaymentId: string, paymentId: string) => Promise<void>) {
  const pending = await db.payment.findMany({
    where: { status: "PENDING", discounts: { some: { status: "GRANTED" } } },
    include: { business: { select: { timeZone: true } } },
  });
  let cancelled = 0;
  for (const payment of pending) {
    const passed = await passedDiscountDeadline(payment.id, dateInZone(at, payment.business.timeZone));
    if (!passed) continue;
    if (payment.providerPaymentId) await cancelAtGateway(payment.providerPaymentId, payment.id);
    await db.$transaction(async (tx) => {
      const changed = await tx.payment.updateMany({ where: { id: payment.id, status: "PENDING" }, data: { status: "CANCELED" } });
      if (changed.count) await withdrawDiscounts(tx, [payment.id], "its last day passed before the payment was confirmed");
    });
    cancelled++;
  }
  return cancelled;
}
