// A refund's life after it is asked for (issue 18): the gateway's answer and its refund.* events move it from
// pending to succeeded, failed or cancelled, each change once, in the caller's transaction. Only a succeeded
// refund takes money out of what an invoice has been paid; a failed one reopens nothing.
import type Stripe from "stripe";
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { customerWords } from "~/modules/email/customer-words.server";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { formatMoney } from "~/modules/money/money";
import { createPortalLink } from "~/modules/portal-access/tokens.server";
import type { Tx } from "~/utils/db.server";
import { allocateRefund, RefundError, refundableAfterDisputes, type RefundStatus } from "./refunds";

const FROM_GATEWAY: Record<string, RefundStatus> = { pending: "PENDING", requires_action: "PENDING", succeeded: "SUCCEEDED", failed: "FAILED", canceled: "CANCELED" };

export const gatewayRefundStatus = (status: string | null | undefined): RefundStatus => FROM_GATEWAY[status ?? "pending"] ?? "PENDING";

const FAILURE_TEXT: Record<string, string> = {
  lost_or_stolen_card: "the card was reported lost or stolen",
  expired_or_canceled_card: "the card has expired or was cancelled",
  charge_for_pending_refund_disputed: "the payment is under dispute",
  insufficient_funds: "the balance could not cover it",
  declined: "the bank declined it",
  merchant_request: "it was cancelled",
};

type Change = "applied" | "unchanged";

/** Moves a refund to a new status (a later event never undoes a final one) and does what the change means. */
export async function setRefundStatus(tx: Tx, refundId: string, next: RefundStatus, at: Date, details: { providerRefundId?: string | null; failureReason?: string | null } = {}): Promise<Change> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`select id from "Refund" where id = ${refundId} for update`;
  if (!locked) return "unchanged";
  const refund = await tx.refund.findUniqueOrThrow({
    where: { id: refundId },
    include: { allocations: { include: { invoice: { select: { number: true } } } }, payment: { include: { customer: { include: { business: true } } } } },
  });
  const idPatch = details.providerRefundId && !refund.providerRefundId ? { providerRefundId: details.providerRefundId } : {};
  const final = refund.status === "FAILED" || refund.status === "CANCELED";
  const stale = refund.lastEventAt !== null && refund.lastEventAt.getTime() > at.getTime();
  const regress = refund.status === "SUCCEEDED" && next === "PENDING";
  if (final || stale || regress || next === refund.status) {
    if (Object.keys(idPatch).length > 0) await tx.refund.update({ where: { id: refund.id }, data: idPatch });
    return "unchanged";
  }
  const business = refund.payment.customer.business;
  const money = formatMoney(refund.amountCents, refund.currency);
  const invoiceNumbers = refund.allocations.map((a) => a.invoice.number).join(", ") || "the payment";
  if (next === "SUCCEEDED") {
    await tx.refund.update({ where: { id: refund.id }, data: { ...idPatch, status: "SUCCEEDED", succeededAt: at, lastEventAt: at } });
    if (refund.effect === "CREDIT") {
      // Money went back and the invoice stays settled: the refunded part becomes a credit of the same amount.
      for (const part of refund.allocations) {
        await tx.invoiceAdjustment.create({ data: { invoiceId: part.invoiceId, kind: "CREDIT", amountCents: part.amountCents, reason: `Refunded as a credit: ${refund.reason}`, approvedById: refund.requestedById, refundId: refund.id } });
      }
    }
    await logActivity(tx, {
      businessId: refund.businessId,
      customerId: refund.payment.customerId,
      invoiceId: refund.allocations[0]?.invoiceId ?? null,
      actor: "SYSTEM",
      type: "refund.succeeded",
      summary: `Refund of ${money} went through (${refund.effect === "CREDIT" ? "settled as a credit" : `${invoiceNumbers} owed again`})`,
      data: { refundId: refund.id, paymentId: refund.paymentId },
    });
    const customer = refund.payment.customer;
    const link = await createPortalLink(tx, customer.id, business.portalLinkTtlDays);
    const words = customerWords(customer, business);
    await enqueueEmail(tx, {
      template: "refund",
      to: customer.email,
      businessId: business.id,
      customerId: customer.id,
      dedupeKey: `refund:${refund.id}`,
      props: {
        locale: words.locale,
        brand: brandOf(business),
        customerName: customer.name,
        amountText: words.money(refund.amountCents, refund.currency),
        methodText: words.method(refund.payment),
        reason: refund.reason,
        receiptNumber: refund.payment.receiptNumber,
        invoiceNumbers,
        invoiceCount: Math.max(1, refund.allocations.length),
        effect: refund.effect,
        timing: refund.payment.gateway === "offline" ? "other" : refund.payment.method === "CARD" ? "card" : "bank",
        portalUrl: link.url,
      },
    });
    return "applied";
  }
  // FAILED or CANCELED: the money stayed with the business. A credit made when it looked done is taken back.
  await tx.refund.update({ where: { id: refund.id }, data: { ...idPatch, status: next, failedAt: at, lastEventAt: at, failureReason: details.failureReason ?? refund.failureReason } });
  await tx.invoiceAdjustment.deleteMany({ where: { refundId: refund.id } });
  const why = details.failureReason ? (FAILURE_TEXT[details.failureReason] ?? details.failureReason.replace(/_/g, " ")) : null;
  await logActivity(tx, {
    businessId: refund.businessId,
    customerId: refund.payment.customerId,
    invoiceId: refund.allocations[0]?.invoiceId ?? null,
    actor: "SYSTEM",
    type: next === "FAILED" ? "refund.failed" : "refund.canceled",
    summary: `Refund of ${money} ${next === "FAILED" ? "failed" : "was cancelled"}${why ? `: ${why}` : ""}; nothing changes on ${invoiceNumbers}`,
    data: { refundId: refund.id, failureReason: details.failureReason ?? null },
  });
  return "applied";
}

/**
 * A refund.* event. A refund this app asked for is found by its id in the metadata (or the gateway's id); one made
 * in Stripe's dashboard is recorded here, against the payment it came from, as money owed again.
 */
export async function applyRefundEvent(tx: Tx, object: Stripe.Refund, at: Date): Promise<{ outcome: "applied" | "unchanged" | "ignored" | "waiting"; note?: string; waitingFor?: string }> {
  const refundId = object.metadata?.refundId;
  let refund = await tx.refund.findFirst({ where: { OR: [{ providerRefundId: object.id }, ...(refundId ? [{ id: refundId }] : [])] }, select: { id: true } });
  if (!refund) {
    const intentId = typeof object.payment_intent === "string" ? object.payment_intent : object.payment_intent?.id;
    if (!intentId) return { outcome: "ignored", note: `refund ${object.id} names no payment` };
    const [locked] = await tx.$queryRaw<{ id: string; status: string }[]>`select id, status::text from "Payment" where "providerPaymentId" = ${intentId} for update`;
    if (!locked) return { outcome: "ignored", note: `no payment for ${intentId}` };
    // Only money that arrived can go back: until the payment's own success is applied here, the refund's event waits.
    if (locked.status === "PENDING" || locked.status === "PROCESSING") return { outcome: "waiting", waitingFor: intentId, note: `payment for ${intentId} has not succeeded here yet` };
    try {
      refund = await recordRefund(tx, locked.id, { amountCents: object.amount, reason: "Refunded in Stripe's dashboard", effect: "REOPEN", requestedById: null, providerRefundId: object.id });
    } catch (error) {
      if (error instanceof RefundError) return { outcome: "ignored", note: `refund ${object.id}: ${error.message}` };
      throw error;
    }
  }
  const change = await setRefundStatus(tx, refund.id, gatewayRefundStatus(object.status), at, { providerRefundId: object.id, failureReason: object.failure_reason ?? null });
  return { outcome: change };
}

/**
 * Writes a pending refund and its parts, under the payment's row lock (taken by the caller): two refunds of one
 * payment asked at once are decided one after the other, so together they never exceed what was paid.
 */
export async function recordRefund(tx: Tx, paymentId: string, input: { amountCents: number; reason: string; effect: "REOPEN" | "CREDIT"; requestedById: string | null; providerRefundId?: string | null }) {
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { allocations: true, refunds: { include: { allocations: true } }, disputes: { include: { allocations: true } } } });
  if (payment.status !== "SUCCEEDED") throw new RefundError("form", "Only a payment that went through can be refunded.");
  if (payment.disputes.some((d) => d.status === "OPEN" && !d.inquiry)) throw new RefundError("form", "This payment is under dispute: it cannot be refunded until the dispute closes. Answer the dispute in your Stripe dashboard instead.");
  const left = refundableAfterDisputes(payment.amountCents, payment.refunds, payment.disputes);
  if (input.amountCents > left) throw new RefundError("amount", left === 0 ? "This payment is refunded in full already." : `That is more than is left to refund on this payment (${formatMoney(left, payment.currency)}).`);
  const held = payment.refunds.filter((r) => r.status === "PENDING" || r.status === "SUCCEEDED");
  // What each invoice no longer holds of the payment: refunds held, and chargebacks not won (an inquiry takes nothing).
  const takenBack = payment.disputes.filter((d) => d.status !== "WON" && !d.inquiry);
  const refundedOf = (invoiceId: string) =>
    [...held.flatMap((r) => r.allocations), ...takenBack.flatMap((d) => d.allocations)].filter((a) => a.invoiceId === invoiceId).reduce((s, a) => s + a.amountCents, 0);
  const allocatedCents = payment.allocations.reduce((s, a) => s + a.amountCents, 0);
  const extrasHeld = [...held, ...takenBack].reduce((s, r) => s + r.amountCents - r.allocations.reduce((t, a) => t + a.amountCents, 0), 0);
  const { invoiceParts } = allocateRefund(
    input.amountCents,
    payment.allocations.map((a) => ({ invoiceId: a.invoiceId, paidCents: a.amountCents, refundedCents: refundedOf(a.invoiceId) })),
    payment.amountCents - allocatedCents - extrasHeld,
  );
  const id = crypto.randomUUID();
  const refund = await tx.refund.create({
    data: {
      id,
      businessId: payment.businessId,
      paymentId: payment.id,
      currency: payment.currency,
      amountCents: input.amountCents,
      reason: input.reason,
      effect: input.effect,
      idempotencyKey: `refund_${id}`,
      providerRefundId: input.providerRefundId ?? null,
      requestedById: input.requestedById,
      allocations: { create: invoiceParts },
    },
    select: { id: true },
  });
  return refund;
}
