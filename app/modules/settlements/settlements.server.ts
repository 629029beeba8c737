// Settlement offers: proposed by the owner, accepted by the customer by paying, the rest written off with
// the reason and who approved it in the activity log. An offer ends at its last day.
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { customerWords } from "~/modules/email/customer-words.server";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { createPortalLink } from "~/modules/portal-access/tokens.server";
import { addDays, calendarDate, dateInZone, formatDate, fromDbDate, isCalendarDate, toDbDate, type CalendarDate } from "~/modules/dates/calendar";
import { figuresOf, invoiceFiguresInclude } from "~/modules/invoices/invoices.server";
import { formatMoney, MoneyError, parseMoney } from "~/modules/money/money";
import { now, today } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { checkOffer, isOpen, writeOffAfter } from "./settlement";

export class SettlementInputError extends Error {}

export async function proposeSettlement(businessId: string, ownerId: string, invoiceId: string, amountInput: string, expiresInput: string) {
  const invoice = await db.invoice.findFirst({ where: { id: invoiceId, businessId, state: "ISSUED" }, include: { ...invoiceFiguresInclude, business: true, customer: true } });
  if (!invoice) throw new Response("Not found", { status: 404 });
  const day = today(invoice.business.timeZone);
  let amountCents: number;
  try {
    amountCents = parseMoney(amountInput, invoice.currency);
  } catch (error) {
    throw new SettlementInputError(error instanceof MoneyError ? error.message : "Enter an amount like 1500.00.");
  }
  if (!isCalendarDate(expiresInput)) throw new SettlementInputError("Choose the offer's last day.");
  const figures = figuresOf(invoice, day);
  const check = checkOffer({ amountCents, dueNowCents: figures.dueNowCents, overdue: figures.status === "OVERDUE", expiresOn: calendarDate(expiresInput), today: day, latest: addDays(day, 90) });
  if (!check.ok) throw new SettlementInputError(check.error);
  return db.$transaction(async (tx) => {
    await tx.settlementOffer.updateMany({ where: { invoiceId, status: "OPEN" }, data: { status: "WITHDRAWN", resolvedAt: now() } });
    const offer = await tx.settlementOffer.create({ data: { businessId, invoiceId, amountCents, expiresOn: toDbDate(calendarDate(expiresInput)), createdById: ownerId, createdAt: now() } });
    const link = await createPortalLink(tx, invoice.customerId, invoice.business.portalLinkTtlDays);
    const words = customerWords(invoice.customer, invoice.business);
    const money = (c: number) => words.money(c, invoice.currency);
    await enqueueEmail(tx, {
      template: "settlement-offer",
      to: invoice.customer.email,
      replyTo: invoice.business.supportEmail,
      businessId,
      customerId: invoice.customerId,
      dedupeKey: `settlement:${offer.id}`,
      props: {
        locale: words.locale,
        brand: brandOf(invoice.business),
        customerName: invoice.customer.name,
        invoiceNumber: invoice.number,
        owedText: money(figures.dueNowCents),
        offerText: money(amountCents),
        forgivenText: money(figures.dueNowCents - amountCents),
        lastDayText: words.day(calendarDate(expiresInput)),
        portalUrl: link.url,
      },
    });
    await logActivity(tx, {
      businessId,
      customerId: invoice.customerId,
      invoiceId,
      actor: "OWNER",
      actorUserId: ownerId,
      type: "settlement.offered",
      summary: `Offered to settle ${invoice.number} (${formatMoney(figures.dueNowCents, invoice.currency)} due) for ${formatMoney(amountCents, invoice.currency)} until ${formatDate(calendarDate(expiresInput))}`,
      data: { offerId: offer.id },
    });
    return offer;
  });
}

/** The offer a customer can accept on an invoice today, if any. */
export async function openSettlement(customerId: string, invoiceId: string, day: CalendarDate, client: Tx | typeof db = db) {
  const offer = await client.settlementOffer.findFirst({ where: { invoiceId, status: "OPEN", invoice: { customerId } }, orderBy: { createdAt: "desc" } });
  if (!offer || !isOpen({ status: offer.status, expiresOn: fromDbDate(offer.expiresOn) }, day)) return null;
  return { id: offer.id, amountCents: offer.amountCents, expiresOn: fromDbDate(offer.expiresOn) };
}

/** Called in the payment's success transaction: write off the rest and close the offer. */
export async function completeSettlement(tx: Tx, offerId: string, paymentId: string) {
  const offer = await tx.settlementOffer.findUnique({ where: { id: offerId }, include: { invoice: { include: { ...invoiceFiguresInclude, business: true } } } });
  if (!offer || offer.status === "ACCEPTED") return;
  const figures = figuresOf(offer.invoice, today(offer.invoice.business.timeZone));
  const writeOff = writeOffAfter(figures.balanceCents);
  await tx.settlementOffer.update({ where: { id: offer.id }, data: { status: "ACCEPTED", paymentId, resolvedAt: now() } });
  if (writeOff > 0) {
    await tx.invoiceAdjustment.create({
      data: { invoiceId: offer.invoiceId, kind: "WRITE_OFF", amountCents: writeOff, reason: `Settled for ${formatMoney(offer.amountCents, offer.invoice.currency)}`, approvedById: offer.createdById, settlementOfferId: offer.id, createdAt: now() },
    });
  }
  const approver = await tx.user.findUnique({ where: { id: offer.createdById }, select: { name: true } });
  await logActivity(tx, {
    businessId: offer.businessId,
    customerId: offer.invoice.customerId,
    invoiceId: offer.invoiceId,
    actor: "SYSTEM",
    type: "settlement.accepted",
    summary: `Settlement accepted: ${formatMoney(offer.amountCents, offer.invoice.currency)} paid, ${formatMoney(writeOff, offer.invoice.currency)} written off (approved by ${approver?.name ?? "the owner"})`,
    data: { offerId: offer.id, paymentId, writeOffCents: writeOff, approvedById: offer.createdById },
  });
}

/** Offers past their last day end. */
export async function expireSettlements(at: Date) {
  // Only offers whose last day may have passed somewhere: no business is more than a day ahead of UTC.
  const open = await db.settlementOffer.findMany({
    where: { status: "OPEN", expiresOn: { lt: toDbDate(addDays(dateInZone(at, "UTC"), 1)) } },
    include: { business: true, invoice: true },
  });
  for (const offer of open) {
    if (fromDbDate(offer.expiresOn) >= dateInZone(at, offer.business.timeZone)) continue;
    await db.$transaction(async (tx) => {
      const changed = await tx.settlementOffer.updateMany({ where: { id: offer.id, status: "OPEN" }, data: { status: "EXPIRED", resolvedAt: now() } });
      if (changed.count) await logActivity(tx, { businessId: offer.businessId, customerId: offer.invoice.customerId, invoiceId: offer.invoiceId, actor: "SYSTEM", type: "settlement.expired", summary: `The settlement offer on ${offer.invoice.number} expired unaccepted` });
    });
  }
}

/**
 * The payment that settled an invoice came back (a bank return, a chargeback lost): the settlement is undone. Its
 * write-off goes, so the whole balance is owed again, and the offer is withdrawn. In the caller's transaction.
 */
export async function undoSettlement(tx: Tx, paymentId: string, why: string) {
  const offer = await tx.settlementOffer.findUnique({ where: { paymentId }, include: { invoice: { select: { id: true, number: true, customerId: true, currency: true } } } });
  if (!offer || offer.status !== "ACCEPTED") return;
  const removed = await tx.invoiceAdjustment.deleteMany({ where: { settlementOfferId: offer.id } });
  await tx.settlementOffer.update({ where: { id: offer.id }, data: { status: "WITHDRAWN", resolvedAt: now() } });
  await logActivity(tx, {
    businessId: offer.businessId,
    customerId: offer.invoice.customerId,
    invoiceId: offer.invoiceId,
    actor: "SYSTEM",
    type: "settlement.undone",
    summary: `Settlement of ${offer.invoice.number} undone: ${why}; ${removed.count ? "what it wrote off is owed again" : "nothing had been written off"}`,
    data: { offerId: offer.id, paymentId },
  });
}
