// Payment state is driven by events, Stripe's or the simulator's, through this one handler:
// each event id is applied once (WebhookEvent's primary key), in any order, however often it arrives.
import type Stripe from "stripe";
import { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { dateInZone } from "~/modules/dates/calendar";
import { customerWords } from "~/modules/email/customer-words.server";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { formatMoney } from "~/modules/money/money";
import { withdrawDiscounts } from "~/modules/discounts/offers.server";
import { completeSettlement } from "~/modules/settlements/settlements.server";
import { applyInstalmentOutcome, completePlansPaidEarly } from "~/modules/plans/plans.server";
import { applySetupSucceeded } from "~/modules/plans/methods.server";
import { createPortalLink } from "~/modules/portal-access/tokens.server";
import { now } from "~/utils/clock.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import type { GatewayName } from "./gateway.server";
import { CLEARING_BUSINESS_DAYS, describeSepaAccount, isBankDebit, METHOD_LABELS } from "./pricing";
import { applyRefundEvent } from "~/modules/refunds/refund-state.server";
import { applyDisputeEvent } from "~/modules/disputes/dispute-state.server";
import { applyBankReturn } from "~/modules/disputes/returns.server";
import { BRAND_NAMES } from "./simulator-outcomes";
import { applyEvent, type PaymentStatus } from "./state";

const STATUS_BY_EVENT: Record<string, PaymentStatus> = {
  "payment_intent.processing": "PROCESSING",
  "payment_intent.succeeded": "SUCCEEDED",
  "payment_intent.payment_failed": "FAILED",
  "payment_intent.canceled": "CANCELED",
};

/** The webhook events to enable in Stripe's dashboard: the ones this handler acts on. */
export const HANDLED_STRIPE_EVENTS = [
  ...Object.keys(STATUS_BY_EVENT),
  "setup_intent.succeeded",
  "refund.created",
  "refund.updated",
  "refund.failed",
  "charge.failed",
  "charge.dispute.created",
  "charge.dispute.updated",
  "charge.dispute.closed",
  "charge.dispute.funds_withdrawn",
  "charge.dispute.funds_reinstated",
];

/** "waiting": about a payment that has not succeeded here yet; kept, and applied once it has. */
export type EventOutcome = "applied" | "unchanged" | "duplicate" | "ignored" | "waiting";

type Applied = { outcome: Exclude<EventOutcome, "duplicate">; note?: string; waitingFor?: string };

function describeMethod(intent: Stripe.PaymentIntent): string | null {
  const pm = intent.payment_method;
  if (!pm || typeof pm === "string") return null;
  if (pm.card) return `${BRAND_NAMES[pm.card.brand] ?? pm.card.brand} ending ${pm.card.last4}`;
  if (pm.us_bank_account) return `${pm.us_bank_account.bank_name ?? "Bank account"} ending ${pm.us_bank_account.last4 ?? ""}`.trim();
  if (pm.sepa_debit?.last4) return describeSepaAccount(pm.sepa_debit.last4);
  return null;
}

/** The next receipt number (R-000123), shared by online and offline payments. */
export async function nextReceiptNumber(tx: Tx) {
  const [row] = await tx.$queryRaw<{ n: bigint }[]>`select nextval('receipt_number_seq') as n`;
  return `R-${String(row?.n ?? 0).padStart(6, "0")}`;
}

export async function processPaymentEvent(event: Stripe.Event, gateway: GatewayName): Promise<EventOutcome> {
  return db.$transaction(
    async (tx) => {
      const inserted = await tx.$executeRaw`
        insert into "WebhookEvent" ("id", "gateway", "type", "payload", "receivedAt")
        values (${event.id}, ${gateway}, ${event.type}, ${JSON.stringify(event)}::jsonb, ${now()})
        on conflict ("id") do nothing`;
      if (inserted === 0) return "duplicate";
      const result = await applyEvent_(tx, event, gateway);
      return markProcessed(tx, event.id, result);
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, maxWait: 15_000, timeout: 20_000 },
  );
}

/**
 * The events that waited for this payment to succeed (a refund's or dispute's event that arrived before the
 * payment's own), applied now, oldest first, in the same transaction.
 */
async function replayWaiting(tx: Tx, intentId: string, gateway: GatewayName) {
  const waiting = await tx.$queryRaw<{ id: string; payload: Stripe.Event }[]>`
    select id, payload from "WebhookEvent" where "waitingFor" = ${intentId} order by ("payload"->>'created')::bigint, "receivedAt"`;
  for (const row of waiting) {
    const result = await applyEvent_(tx, row.payload, gateway);
    if (result.outcome !== "waiting") await markProcessed(tx, row.id, result);
  }
}

/** One stored event's effect: what it changes, in the caller's transaction. */
async function applyEvent_(tx: Tx, event: Stripe.Event, gateway: GatewayName): Promise<Applied> {
  const at = new Date(event.created * 1000);
  if (event.type === "setup_intent.succeeded") {
    const applied = await applySetupSucceeded(tx, event.data.object as Stripe.SetupIntent, gateway);
    return applied ? { outcome: "applied" } : { outcome: "ignored", note: "no plan for this setup" };
  }
  if (event.type.startsWith("refund.")) return applyRefundEvent(tx, event.data.object as Stripe.Refund, at);
  if (event.type.startsWith("charge.dispute.")) return applyDisputeEvent(tx, event.data.object as Stripe.Dispute, at);
  if (event.type === "charge.failed") return applyChargeFailed(tx, event.data.object as Stripe.Charge, at);
  // charge.refunded repeats what the refund.* events say (and its refunds list is not expanded): they carry it.
  const incomingStatus = STATUS_BY_EVENT[event.type];
  if (!incomingStatus) return { outcome: "ignored" };
  return applyIntentEvent(tx, event.data.object as Stripe.PaymentIntent, incomingStatus, at, gateway);
}

/**
 * charge.failed: for a bank debit that had succeeded, the bank's return (Stripe moves the intent back to
 * requires_payment_method and says so with this event). Any other failed charge is carried by its intent's event.
 */
async function applyChargeFailed(tx: Tx, charge: Stripe.Charge, at: Date): Promise<Applied> {
  const intentId = typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null);
  if (!intentId) return { outcome: "ignored", note: `charge ${charge.id} names no payment` };
  const [locked] = await tx.$queryRaw<{ id: string }[]>`select id from "Payment" where "providerPaymentId" = ${intentId} for update`;
  if (!locked) return { outcome: "ignored", note: `no payment for ${intentId}` };
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: locked.id }, select: { id: true, status: true, method: true, lastEventAt: true } });
  if (!isBankDebit(payment.method)) return { outcome: "ignored", note: "carried by the payment intent's own event" };
  // A bank debit still in flight here: this may be the return of a success whose event is late. It waits for it (if
  // the debit fails instead, its own failure event carries that).
  if (payment.status === "PENDING" || payment.status === "PROCESSING") return { outcome: "waiting", waitingFor: intentId, note: `payment for ${intentId} has not succeeded here yet` };
  if (payment.status !== "SUCCEEDED") return { outcome: "ignored", note: "carried by the payment intent's own event" };
  if (payment.lastEventAt && payment.lastEventAt.getTime() > at.getTime()) return { outcome: "unchanged", note: "older than the payment's success" };
  const returned = await applyBankReturn(tx, payment.id, { code: charge.failure_code ?? "returned", message: charge.failure_message }, at);
  return { outcome: returned ? "applied" : "unchanged" };
}

async function applyIntentEvent(tx: Tx, intent: Stripe.PaymentIntent, incomingStatus: PaymentStatus, at: Date, gateway: GatewayName): Promise<Applied> {
      const paymentId = intent.metadata?.paymentId;
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        select "id" from "Payment" where "providerPaymentId" = ${intent.id} or "id" = ${paymentId ?? ""} limit 1 for update`;
      if (!locked) return { outcome: "ignored", note: `no payment for ${intent.id}` };
      const payment = await tx.payment.findUniqueOrThrow({
        where: { id: locked.id },
        include: {
          customer: { include: { business: true } },
          allocations: { include: { invoice: { select: { id: true, number: true } } } },
          discounts: { where: { status: "GRANTED" }, include: { invoice: { select: { number: true } } } },
        },
      });

      const error = intent.last_payment_error;
      // A bank debit that had succeeded and now fails, later than its success: the bank returned it.
      if (incomingStatus === "FAILED" && payment.status === "SUCCEEDED" && isBankDebit(payment.method) && payment.lastEventAt && at.getTime() > payment.lastEventAt.getTime()) {
        const returned = await applyBankReturn(tx, payment.id, { code: error?.code ?? "returned", message: error?.message ?? null }, at);
        return { outcome: returned ? "applied" : "unchanged" };
      }
      if (incomingStatus === "FAILED" && payment.method === "CARD" && payment.status === "PENDING" && !payment.offSession) {
        // A declined card leaves the intent open for another try, as Stripe does: the payment stays PENDING.
        // (Off-session, nobody is there to try again: the decline fails the payment and the plan job retries.)
        await tx.payment.update({
          where: { id: payment.id },
          data: {
            failureCode: error?.decline_code ?? error?.code ?? "card_declined",
            failureMessage: error?.message ?? "Your card was declined.",
            lastEventAt: payment.lastEventAt && payment.lastEventAt > at ? payment.lastEventAt : at,
          },
        });
        for (const a of payment.allocations) {
          await logActivity(tx, {
            businessId: payment.businessId,
            customerId: payment.customerId,
            invoiceId: a.invoice.id,
            actor: "SYSTEM",
            type: "payment.declined",
            summary: `Card declined (${error?.decline_code ?? error?.code ?? "card_declined"}): ${error?.message ?? "declined"}`,
            data: { paymentId: payment.id },
          });
        }
        return { outcome: "applied" };
      }
      const { next, changed } = applyEvent({ status: payment.status, lastEventAt: payment.lastEventAt }, { status: incomingStatus, at });
      if (!changed) {
        await tx.payment.update({ where: { id: payment.id }, data: { lastEventAt: next.lastEventAt } });
        // Stripe does not promise order: a bank debit's "processing" can arrive after its failure. It still
        // failed after processing, when the customer had left, so they are told now (once, by the dedupe key).
        if (incomingStatus === "PROCESSING" && payment.status === "FAILED" && isBankDebit(payment.method)) {
          const withdrawn = await tx.discount.findMany({ where: { paymentId: payment.id, status: "WITHDRAWN" }, select: { amountCents: true } });
          await enqueueBankFailureNotice(tx, payment, withdrawn.reduce((s, d) => s + d.amountCents, 0));
        }
        return { outcome: "unchanged" };
      }

      const methodDetails = describeMethod(intent) ?? payment.methodDetails;
      const data: Prisma.PaymentUpdateInput = { status: next.status, lastEventAt: next.lastEventAt, methodDetails, providerPaymentId: payment.providerPaymentId ?? intent.id };
      if (next.status === "PROCESSING") data.processingAt = now();
      if (next.status === "SUCCEEDED") {
        data.succeededAt = now();
        data.failureCode = null;
        data.failureMessage = null;
        data.receiptNumber = payment.receiptNumber ?? (await nextReceiptNumber(tx));
      }
      if (next.status === "FAILED") {
        data.failedAt = now();
        data.failureCode = error?.decline_code ?? error?.code ?? "payment_failed";
        data.failureMessage = error?.message ?? "The payment did not go through.";
      }
      const updated = await tx.payment.update({ where: { id: payment.id }, data });
      await recordTransition(tx, { ...payment, ...updated, customer: payment.customer, allocations: payment.allocations, discounts: payment.discounts }, payment.status);
      if (updated.instalmentId) await applyInstalmentOutcome(tx, updated, payment.status, intent, gateway);
      else if (updated.status === "SUCCEEDED") await completePlansPaidEarly(tx, payment.allocations.map((a) => a.invoiceId));
      if (updated.status === "SUCCEEDED") {
        // Events arrived out of order: a bank debit's failure that is newer than its success was its return.
        if (payment.status === "FAILED" && isBankDebit(payment.method) && payment.lastEventAt && payment.lastEventAt.getTime() > at.getTime()) {
          await tx.payment.update({ where: { id: payment.id }, data: { lastEventAt: at } });
          await applyBankReturn(tx, payment.id, { code: payment.failureCode ?? "returned", message: payment.failureMessage }, payment.lastEventAt);
        }
        await replayWaiting(tx, intent.id, gateway);
      }
      return { outcome: "applied" };
}

async function markProcessed(tx: Tx, eventId: string, result: Applied): Promise<EventOutcome> {
  await tx.webhookEvent.update({
    where: { id: eventId },
    data: result.outcome === "waiting" ? { waitingFor: result.waitingFor ?? null, error: result.note ?? null } : { processedAt: now(), error: result.note ?? null, waitingFor: null },
  });
  return result.outcome;
}

export type PaymentForEffects = Prisma.PaymentGetPayload<{
  include: {
    customer: { include: { business: true } };
    allocations: { include: { invoice: { select: { id: true; number: true } } } };
    discounts: { include: { invoice: { select: { number: true } } } };
  };
}>;

/** The receipt email for a succeeded payment, queued once per payment (online or recorded by the owner). */
export async function enqueueReceipt(tx: Tx, payment: PaymentForEffects) {
  const { customer } = payment;
  const { business } = customer;
  const words = customerWords(customer, business);
  await enqueueEmail(tx, {
    template: "receipt",
    to: customer.email,
    businessId: business.id,
    customerId: customer.id,
    dedupeKey: `receipt:${payment.id}`,
    props: {
      locale: words.locale,
      brand: brandOf(business),
      customerName: customer.name,
      receiptNumber: payment.receiptNumber ?? "",
      amountText: words.money(payment.amountCents, payment.currency),
      paidOnText: words.day(dateInZone(payment.succeededAt ?? now(), business.timeZone)),
      methodText: words.method(payment),
      lines: words.receiptLines(payment, payment.currency),
      receiptUrl: `${getEnv().APP_URL}/portal/payments/${payment.id}`,
    },
  });
}

/** Activity, receipts and failure notices for a status change: in the same transaction as the change. */
async function recordTransition(tx: Tx, payment: PaymentForEffects, previous: PaymentStatus) {
  const { customer } = payment;
  const { business } = customer;
  const amount = formatMoney(payment.amountCents, payment.currency);
  const method = payment.methodDetails ?? METHOD_LABELS[payment.method] ?? payment.method;
  const base = { businessId: business.id, customerId: customer.id, actor: "SYSTEM" as const, data: { paymentId: payment.id } };
  const perInvoice = async (type: string, summary: string) => {
    for (const a of payment.allocations) await logActivity(tx, { ...base, invoiceId: a.invoice.id, type, summary });
  };

  if (payment.status === "PROCESSING") {
    const days = isBankDebit(payment.method) ? CLEARING_BUSINESS_DAYS[payment.method] : 4;
    const kind = payment.method === "SEPA_DEBIT" ? "SEPA Direct Debit" : "Bank payment";
    await perInvoice("payment.processing", `${kind} of ${amount} is processing (${method}); it takes up to ${days} business days`);
  }
  if (payment.status === "SUCCEEDED") {
    if (payment.attribution?.startsWith("settlement:")) await completeSettlement(tx, payment.attribution.slice("settlement:".length), payment.id);
    await perInvoice("payment.succeeded", `Payment of ${amount} succeeded (${method}), receipt ${payment.receiptNumber}`);
    await enqueueReceipt(tx, payment);
  }
  let withdrawnCents = 0;
  if (payment.status === "FAILED" || payment.status === "CANCELED") {
    const withdrawn = await withdrawDiscounts(tx, [payment.id], payment.status === "FAILED" ? "its payment failed" : "its payment was cancelled");
    for (const d of withdrawn) {
      await logActivity(tx, { ...base, invoiceId: d.invoiceId, type: "discount.withdrawn", summary: `Early-payment discount of ${formatMoney(d.amountCents, payment.currency)} on ${d.invoice.number} withdrawn: the payment did not go through` });
    }
    withdrawnCents = withdrawn.reduce((s, d) => s + d.amountCents, 0);
  }
  if (payment.status === "FAILED") {
    const reason = payment.failureMessage ?? "The payment did not go through.";
    await perInvoice("payment.failed", `Payment of ${amount} failed (${method}): ${reason}`);
    // A bank payment that failed after processing: the customer has left the portal, so tell them.
    if (previous === "PROCESSING") await enqueueBankFailureNotice(tx, payment, withdrawnCents);
  }
  if (payment.status === "CANCELED") await perInvoice("payment.canceled", `Payment of ${amount} was cancelled before it was confirmed`);
}

/** Tells the customer that a payment failed after they left the portal; queued once per payment. */
async function enqueueBankFailureNotice(tx: Tx, payment: PaymentForEffects, withdrawnCents: number) {
  const { customer } = payment;
  const { business } = customer;
  const dedupeKey = `payment-failed:${payment.id}`;
  if (await tx.outboxEmail.findUnique({ where: { dedupeKey }, select: { id: true } })) return;
  const link = await createPortalLink(tx, customer.id, business.portalLinkTtlDays);
  const words = customerWords(customer, business);
  await enqueueEmail(tx, {
    template: "payment-failed",
    to: customer.email,
    businessId: business.id,
    customerId: customer.id,
    dedupeKey,
    props: {
      locale: words.locale,
      brand: brandOf(business),
      customerName: customer.name,
      amountText: words.money(payment.amountCents, payment.currency),
      methodText: words.method(payment),
      reason: words.failure(payment, words.portal.t("stripe.notPaid")),
      invoiceNumbers: payment.allocations.map((a) => a.invoice.number).join(", "),
      portalUrl: link.url,
      discountLostText: withdrawnCents > 0 ? words.money(withdrawnCents, payment.currency) : null,
    },
  });
}
