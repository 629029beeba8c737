// A dispute's life (issue 18), applied from charge.dispute.* events in the caller's transaction, each change once and
// in any order: the dispute object's own status is the truth, an older event never undoes a newer one, and a final
// status (won, lost) is never left. An open chargeback holds its amount (out of what counts as paid, never chased);
// won restores it; lost makes the invoice owed again and pauses its reminders until the owner decides to chase or
// write it off. A dispute on a bank debit is a return: the payment is undone (returns.server.ts).
import { isBankDebit } from "~/modules/payments/pricing";
import type Stripe from "stripe";
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { dateInZone, formatDate } from "~/modules/dates/calendar";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { formatMoney } from "~/modules/money/money";
import { METHOD_LABELS } from "~/modules/payments/pricing";
import { now } from "~/utils/clock.server";
import type { Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { allocateDispute, disputeFeeCents, disputeReasonText, disputeStatusOf, isFinal } from "./disputes";
import { applyBankReturn } from "./returns.server";
import { undoSettlement } from "~/modules/settlements/settlements.server";

export type DisputeOutcome = { outcome: "applied" | "unchanged" | "ignored" | "waiting"; note?: string; waitingFor?: string };

const intentIdOf = (object: Stripe.Dispute) => (typeof object.payment_intent === "string" ? object.payment_intent : (object.payment_intent?.id ?? null));

export async function applyDisputeEvent(tx: Tx, object: Stripe.Dispute, at: Date): Promise<DisputeOutcome> {
  const intentId = intentIdOf(object);
  if (!intentId) return { outcome: "ignored", note: `dispute ${object.id} names no payment` };
  const [locked] = await tx.$queryRaw<{ id: string; status: string }[]>`select id, status::text from "Payment" where "providerPaymentId" = ${intentId} for update`;
  if (!locked) return { outcome: "ignored", note: `no payment for ${intentId}` };
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: locked.id },
    include: {
      customer: { include: { business: { include: { users: { where: { role: "OWNER" }, select: { id: true, email: true } } } } } },
      allocations: { include: { invoice: { select: { id: true, number: true } } }, orderBy: { id: "asc" } },
      // Only money that went back: a refund still pending when a dispute opens is refused by the network
      // (charge_for_pending_refund_disputed), so the dispute's parts must not leave room for it.
      refunds: { where: { status: "SUCCEEDED" }, include: { allocations: true } },
      disputes: { include: { allocations: true } },
    },
  });
  const known = payment.disputes.find((d) => d.providerDisputeId === object.id);
  // A dispute can only be on money that arrived: until the payment's own success is applied here, the event waits.
  if (!known && payment.status !== "SUCCEEDED" && !payment.returnedAt) return { outcome: "waiting", waitingFor: intentId, note: `payment ${payment.id} has not succeeded here yet` };

  const { status, inquiry } = disputeStatusOf(object.status);
  const feeCents = disputeFeeCents(object.balance_transactions);
  const evidenceDueBy = object.evidence_details?.due_by ? new Date(object.evidence_details.due_by * 1000) : null;
  const business = payment.customer.business;
  const money = (c: number) => formatMoney(c, payment.currency);
  const firstInvoiceId = payment.allocations[0]?.invoiceId ?? null;
  const log = (type: string, summary: string, data: Record<string, unknown>) => logActivity(tx, { businessId: business.id, customerId: payment.customerId, invoiceId: firstInvoiceId, actor: "SYSTEM", type, summary, data: { paymentId: payment.id, ...data } });
  const bank = isBankDebit(payment.method);

  if (!known) {
    // A bank debit disputed by its account holder cannot be contested: it is a return, and undoes the payment.
    // Its amount is then not held again here (the payment no longer counts at all), so it gets no invoice parts.
    const parts = bank
      ? []
      : allocateDispute(
          object.amount,
          payment.allocations.map((a) => ({
            invoiceId: a.invoiceId,
            paidCents: a.amountCents,
            refundedCents: payment.refunds.flatMap((r) => r.allocations).filter((r) => r.invoiceId === a.invoiceId).reduce((s, r) => s + r.amountCents, 0),
            disputedCents: payment.disputes.filter((d) => d.status !== "WON").flatMap((d) => d.allocations).filter((d) => d.invoiceId === a.invoiceId).reduce((s, d) => s + d.amountCents, 0),
          })),
        ).invoiceParts;
    const dispute = await tx.dispute.create({
      data: {
        businessId: business.id,
        paymentId: payment.id,
        providerDisputeId: object.id,
        currency: payment.currency,
        amountCents: object.amount,
        feeCents,
        reason: object.reason,
        gatewayStatus: object.status,
        status: bank ? "LOST" : status,
        inquiry,
        evidenceDueBy,
        lastEventAt: at,
        openedAt: new Date(object.created * 1000),
        closedAt: bank || isFinal(status) ? at : null,
        allocations: { create: parts },
      },
    });
    const invoiceNumbers = payment.allocations.map((a) => a.invoice.number).join(", ");
    if (bank) {
      await log("dispute.opened", `The account holder disputed the bank payment of ${money(payment.amountCents)} (${disputeReasonText(object.reason)}): a bank dispute cannot be contested, so the payment is returned`, { disputeId: dispute.id });
      await applyBankReturn(tx, payment.id, { code: object.reason, message: `Your bank reversed the payment: ${disputeReasonText(object.reason)}.` }, at);
      await alertOwners(tx, payment, dispute.id, "opened", { amountCents: object.amount, feeCents, reason: object.reason, evidenceDueBy: null, inquiry: false, bank: true, invoiceNumbers });
      return { outcome: "applied" };
    }
    const what = inquiry ? "An inquiry was opened" : "A chargeback was opened";
    const deadline = evidenceDueBy ? `; evidence due by ${formatDate(dateInZone(evidenceDueBy, business.timeZone), "en-US", "long")}` : "";
    await log(
      "dispute.opened",
      `${what} on the payment of ${money(payment.amountCents)} (${disputeReasonText(object.reason)}): ${inquiry ? "no money is withdrawn yet" : `${money(object.amount)} is held and not chased, dispute fee ${money(feeCents)}`}${deadline}`,
      { disputeId: dispute.id },
    );
    await alertOwners(tx, payment, dispute.id, "opened", { amountCents: object.amount, feeCents, reason: object.reason, evidenceDueBy, inquiry, bank: false, invoiceNumbers });
    if (isFinal(status)) await closed(tx, payment, dispute.id, status, inquiry, object.amount, log);
    return { outcome: "applied" };
  }

  // Known: move it on, unless this event is older than the last one applied or the dispute is closed already.
  if (isFinal(known.status) || (known.lastEventAt && known.lastEventAt.getTime() > at.getTime())) {
    if (feeCents !== known.feeCents && !(known.lastEventAt && known.lastEventAt.getTime() > at.getTime())) await tx.dispute.update({ where: { id: known.id }, data: { feeCents } });
    return { outcome: "unchanged" };
  }
  await tx.dispute.update({ where: { id: known.id }, data: { gatewayStatus: object.status, inquiry, feeCents, evidenceDueBy, lastEventAt: at } });
  if (known.inquiry && !inquiry && !isFinal(status)) {
    await log("dispute.escalated", `The inquiry on the payment of ${money(payment.amountCents)} became a chargeback: ${money(known.amountCents)} is held and not chased`, { disputeId: known.id });
    // A new deadline and a fee: the owners hear of it as of a chargeback opened (once, under its own key).
    const invoiceNumbers = payment.allocations.map((a) => a.invoice.number).join(", ");
    await alertOwners(tx, payment, known.id, "opened", { amountCents: known.amountCents, feeCents, reason: object.reason, evidenceDueBy, inquiry: false, bank: false, invoiceNumbers }, "escalated");
  }
  if (!isFinal(status)) return { outcome: known.gatewayStatus === object.status ? "unchanged" : "applied" };
  await closed(tx, payment, known.id, status, inquiry, known.amountCents, log);
  return { outcome: "applied" };
}

type DisputedPayment = Awaited<ReturnType<typeof loadForAlert>>;
const loadForAlert = (tx: Tx, paymentId: string) =>
  tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: {
      customer: { include: { business: { include: { users: { where: { role: "OWNER" }, select: { id: true, email: true } } } } } },
      allocations: { include: { invoice: { select: { id: true, number: true } } }, orderBy: { id: "asc" } },
    },
  });

async function closed(
  tx: Tx,
  payment: Pick<DisputedPayment, "id" | "currency" | "amountCents" | "allocations" | "customerId" | "businessId">,
  disputeId: string,
  status: "WON" | "LOST" | "OPEN",
  inquiry: boolean,
  amountCents: number,
  log: (type: string, summary: string, data: Record<string, unknown>) => Promise<unknown>,
) {
  const money = (c: number) => formatMoney(c, payment.currency);
  await tx.dispute.update({ where: { id: disputeId }, data: { status, closedAt: now() } });
  const full = await loadForAlert(tx, payment.id);
  const dispute = await tx.dispute.findUniqueOrThrow({ where: { id: disputeId }, include: { allocations: { include: { invoice: { select: { id: true, number: true } } } } } });
  const invoiceNumbers = dispute.allocations.map((a) => a.invoice.number).join(", ") || full.allocations.map((a) => a.invoice.number).join(", ");
  if (status === "WON") {
    await log("dispute.won", inquiry ? `The inquiry on the payment of ${money(payment.amountCents)} was closed with no chargeback` : `Chargeback won: ${money(amountCents)} is restored and counts as paid again`, { disputeId });
  } else {
    // Lost: the money is gone and the invoice is owed again. Reminders wait for the owner's decision.
    await undoSettlement(tx, payment.id, "the chargeback on the payment that settled it was lost");
    for (const part of dispute.allocations) {
      const paused = await tx.invoice.updateMany({ where: { id: part.invoiceId, remindersPausedAt: null }, data: { remindersPausedAt: now() } });
      await logActivity(tx, {
        businessId: payment.businessId,
        customerId: payment.customerId,
        invoiceId: part.invoiceId,
        actor: "SYSTEM",
        type: "dispute.lost",
        summary: `Chargeback lost: ${money(part.amountCents)} of ${part.invoice.number} is owed again${paused.count ? "; reminders are paused until you choose to chase it or write it off" : ""}`,
        data: { disputeId, paymentId: payment.id },
      });
    }
  }
  await alertOwners(tx, full, disputeId, status === "WON" ? "won" : "lost", { amountCents, feeCents: dispute.feeCents, reason: dispute.reason, evidenceDueBy: null, inquiry, bank: false, invoiceNumbers });
}

async function alertOwners(
  tx: Tx,
  payment: DisputedPayment,
  disputeId: string,
  stage: "opened" | "won" | "lost",
  d: { amountCents: number; feeCents: number; reason: string; evidenceDueBy: Date | null; inquiry: boolean; bank: boolean; invoiceNumbers: string },
  key: string = stage,
) {
  const { customer } = payment;
  const { business } = customer;
  const money = (c: number) => formatMoney(c, payment.currency);
  for (const owner of business.users) {
    await enqueueEmail(tx, {
      template: "dispute-alert",
      to: owner.email,
      businessId: business.id,
      customerId: customer.id,
      dedupeKey: `dispute:${disputeId}:${key}:${owner.id}`,
      props: {
        brand: brandOf(business),
        stage,
        customerName: customer.name,
        amountText: money(d.amountCents),
        paymentText: `${money(payment.amountCents)} by ${payment.methodDetails ?? METHOD_LABELS[payment.method] ?? payment.method}${payment.receiptNumber ? `, receipt ${payment.receiptNumber}` : ""}`,
        invoiceNumbers: d.invoiceNumbers,
        reasonText: disputeReasonText(d.reason),
        feeText: d.feeCents > 0 ? money(d.feeCents) : null,
        evidenceDueText: d.evidenceDueBy ? formatDate(dateInZone(d.evidenceDueBy, business.timeZone), "en-US", "long") : null,
        inquiry: d.inquiry,
        bank: d.bank,
        paymentUrl: `${getEnv().APP_URL}/app/payments/${payment.id}`,
      },
    });
  }
}
