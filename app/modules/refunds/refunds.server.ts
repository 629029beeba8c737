// Asking for a refund (issue 18): the owner's form, checked against what is left of the payment under its row
// lock, written as a pending refund, then sent to the gateway with the refund's own idempotency key. A gateway
// that cannot be reached leaves the refund pending; the sweeper sends it again with the same key, so the money
// goes back once, however many times the request is repeated or a process dies on the way.
import { logActivity } from "~/modules/activity/activity.server";
import { formatMoney } from "~/modules/money/money";
import { getGateway } from "~/modules/payments/gateway.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { errorSummary } from "~/utils/redact.server";
import { fieldErrorsOf } from "~/utils/forms";
import { gatewayRefundStatus, recordRefund, setRefundStatus } from "./refund-state.server";
import { RefundError, refundableAfterDisputes, refundFormSchema } from "./refunds";

type Actor = { id: string; name: string };

export type RefundRequestResult = { ok: true; refundId: string; status: string; message: string } | { ok: false; fieldErrors: Record<string, string[]> };

/** The owner's payment page: the payment, what it paid, its refunds, and what can still go back. */
export async function paymentForOwner(businessId: string, paymentId: string) {
  const payment = await db.payment.findFirst({
    where: { id: paymentId, businessId },
    include: {
      customer: { select: { id: true, name: true, email: true } },
      sepaMandate: true,
      allocations: { include: { invoice: { select: { id: true, number: true } } } },
      refunds: { orderBy: { createdAt: "desc" }, include: { allocations: { include: { invoice: { select: { number: true } } } } } },
      disputes: { orderBy: { openedAt: "desc" }, include: { allocations: { include: { invoice: { select: { number: true } } } } } },
    },
  });
  if (!payment) throw new Response("Not found", { status: 404 });
  return { payment, refundableCents: payment.status === "SUCCEEDED" ? refundableAfterDisputes(payment.amountCents, payment.refunds, payment.disputes) : 0 };
}

export async function requestRefund(businessId: string, actor: Actor, paymentId: string, values: Record<string, string>): Promise<RefundRequestResult> {
  const { payment, refundableCents: left } = await paymentForOwner(businessId, paymentId);
  if (payment.status !== "SUCCEEDED") return { ok: false, fieldErrors: { form: ["Only a payment that went through can be refunded."] } };
  const parsed = refundFormSchema(payment.currency, left).safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error.issues) };
  const input = parsed.data;
  let refundId: string;
  try {
    refundId = await db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`select id from "Payment" where id = ${payment.id} and "businessId" = ${businessId} for update`;
      if (!locked) throw new Response("Not found", { status: 404 });
      const refund = await recordRefund(tx, payment.id, { ...input, requestedById: actor.id });
      await logActivity(tx, {
        businessId,
        customerId: payment.customerId,
        invoiceId: payment.allocations[0]?.invoiceId ?? null,
        actor: "OWNER",
        actorUserId: actor.id,
        type: "refund.requested",
        summary: `${actor.name} refunded ${formatMoney(input.amountCents, payment.currency)} of ${payment.receiptNumber ?? "a payment"} (${input.effect === "CREDIT" ? "settled as a credit" : "owed again"}): ${input.reason}`,
        data: { refundId: refund.id, paymentId: payment.id, effect: input.effect },
      });
      // Cash or a cheque recorded by hand goes back by hand: nothing to wait for.
      if (payment.gateway === "offline") await setRefundStatus(tx, refund.id, "SUCCEEDED", now());
      return refund.id;
      // Refunds of one payment queue on its row lock: many at once wait their turn rather than fail.
    }, { maxWait: 20_000, timeout: 20_000 });
  } catch (error) {
    if (error instanceof RefundError) return { ok: false, fieldErrors: { [error.field]: [error.message] } };
    throw error;
  }
  if (payment.gateway === "offline") return { ok: true, refundId, status: "SUCCEEDED", message: "Refund recorded. Give the money back the way it was paid." };
  const sent = await submitRefund(refundId);
  const status = sent === "UNSENT" ? "PENDING" : sent;
  const message =
    status === "SUCCEEDED"
      ? "Refund sent. The customer is emailed."
      : status === "FAILED"
        ? "The payment provider refused the refund. Nothing changed on the invoice."
        : "Refund asked for: pending until the payment provider confirms it. Nothing changes on the invoice until then.";
  return { ok: true, refundId, status, message };
}

/**
 * Sends a pending refund to the gateway (again): the same idempotency key, so at most one refund exists there.
 * Answers the refund's status, or UNSENT when the gateway could not be reached (the sweeper tries again).
 */
export async function submitRefund(refundId: string): Promise<string> {
  const refund = await db.refund.findUniqueOrThrow({ where: { id: refundId }, include: { payment: true } });
  if (refund.status !== "PENDING" || refund.providerRefundId) return refund.status;
  if (!refund.payment.providerPaymentId) return refund.status;
  try {
    const gateway = await getGateway();
    const answer = await gateway.createRefund({
      refundId: refund.id,
      paymentId: refund.paymentId,
      providerPaymentId: refund.payment.providerPaymentId,
      amountCents: refund.amountCents,
      currency: refund.currency,
      idempotencyKey: refund.idempotencyKey,
    });
    const next = gatewayRefundStatus(answer.status);
    await db.$transaction((tx) => setRefundStatus(tx, refund.id, next, now(), { providerRefundId: answer.providerRefundId, failureReason: answer.failureReason }), { maxWait: 15_000, timeout: 20_000 });
    return (await db.refund.findUniqueOrThrow({ where: { id: refund.id }, select: { status: true } })).status;
  } catch (error) {
    console.error(`[refunds] refund ${refund.id} not sent yet, the sweeper retries it: ${errorSummary(error)}`);
    return "UNSENT";
  }
}

/** Pending refunds the gateway never answered (it was down, or the process died): sent again. */
export async function sweepUnsentRefunds(olderThanMs = 30_000) {
  const stuck = await db.refund.findMany({ where: { status: "PENDING", providerRefundId: null, createdAt: { lt: new Date(Date.now() - olderThanMs) } }, select: { id: true }, take: 100 });
  let sent = 0;
  for (const { id } of stuck) if ((await submitRefund(id)) !== "UNSENT") sent += 1;
  return { stuck: stuck.length, sent };
}
