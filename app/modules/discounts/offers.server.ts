// Early-pay offers for a customer's invoices, and the bookkeeping of discounts granted with payments.
import type { CalendarDate } from "~/modules/dates/calendar";
import { addDays, dateInZone, fromDbDate } from "~/modules/dates/calendar";
import { db, readRows, type Db, type Tx } from "~/utils/db.server";
import { earlyPayOffer, termsFor, type EarlyPayOffer, type InvoiceOverride, type PolicyLike } from "./early-pay";

type Due = { id: string; dueNowCents: number };

type OfferRow = InvoiceOverride & { id: string; issueDate: CalendarDate; granted: boolean };

// The business's policy, and each invoice's own terms with whether a discount was already granted on it: one
// statement, one row (on every portal page).
const OFFERS_SQL = `
  select
    (select json_build_object('enabled', p.enabled, 'kind', p.kind, 'percentBps', p."percentBps", 'amountCents', p."amountCents",
      'windowDays', p."windowDays", 'achOnly', p."achOnly", 'combinesWithPlan', p."combinesWithPlan",
      'currency', (select b.currency from "Business" b where b.id = p."businessId"))
     from "DiscountPolicy" p where p."businessId" = $1) as policy,
    coalesce((select json_agg(json_build_object('id', i.id, 'currency', i.currency, 'issueDate', i."issueDate", 'discountOverride', i."discountOverride", 'discountKind', i."discountKind",
      'discountPercentBps', i."discountPercentBps", 'discountAmountCents', i."discountAmountCents", 'discountWindowDays', i."discountWindowDays",
      'granted', exists (select 1 from "Discount" d join "Payment" p on p.id = d."paymentId"
        where d."invoiceId" = i.id and d.status = 'GRANTED' and p.status in ('SUCCEEDED', 'PROCESSING'))))
     from "Invoice" i where i.id = any($2::text[]) and i."businessId" = $1), '[]') as invoices`;

/** The offer open today on each invoice (null where none): terms, deadline and what paying in full saves. */
export async function earlyPayOffers(businessId: string, invoices: readonly Due[], today: CalendarDate, client: Db | Tx = db): Promise<Record<string, EarlyPayOffer | null>> {
  if (invoices.length === 0) return {};
  const [row] = await readRows<{ policy: PolicyLike | null; invoices: OfferRow[] }>(OFFERS_SQL, [businessId, invoices.map((i) => i.id)], client);
  const byId = new Map(row!.invoices.map((r) => [r.id, r]));
  const out: Record<string, EarlyPayOffer | null> = {};
  for (const inv of invoices) {
    const terms = byId.get(inv.id);
    out[inv.id] = terms ? earlyPayOffer(termsFor(row!.policy, terms), terms.issueDate, today, inv.dueNowCents, terms.granted) : null;
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
