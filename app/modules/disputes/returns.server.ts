// A bank debit returned after it had succeeded (issue 18): an ACH return days later (insufficient funds, account
// closed, not authorised), arriving as a failure or a dispute on a payment that had gone through. The payment no
// longer counts (FAILED, with returnedAt), so its invoices are owed again; its early-pay discount goes with it; the
// customer is told why and how to pay again; the payer profile counts it; a plan instalment it paid fails under
// the plan's retry rules. Each return is applied once, in the caller's transaction.
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { dateInZone } from "~/modules/dates/calendar";
import { withdrawDiscounts } from "~/modules/discounts/offers.server";
import { customerWords } from "~/modules/email/customer-words.server";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { formatMoney } from "~/modules/money/money";
import { METHOD_LABELS } from "~/modules/payments/pricing";
import { applyInstalmentOutcome } from "~/modules/plans/plans.server";
import { undoSettlement } from "~/modules/settlements/settlements.server";
import { createPortalLink } from "~/modules/portal-access/tokens.server";
import type { Tx } from "~/utils/db.server";

/** The bank's return codes, in words a customer understands. */
const RETURN_TEXT: Record<string, string> = {
  insufficient_funds: "The bank account had insufficient funds.",
  account_closed: "The bank account has been closed.",
  no_account: "The bank account could not be located.",
  debit_not_authorized: "The account holder did not authorise this debit.",
  invalid_account_number: "The account number is not valid.",
  account_frozen: "The bank account is frozen.",
};

export const returnReasonText = (code: string, message?: string | null) => message ?? RETURN_TEXT[code] ?? `The bank returned it (${code.replace(/_/g, " ")}).`;

/**
 * Undoes a succeeded bank payment that the bank returned. The caller holds the payment's row lock. Returns false
 * (and changes nothing) when the payment is not a succeeded payment any more.
 */
export async function applyBankReturn(tx: Tx, paymentId: string, why: { code: string; message?: string | null }, at: Date): Promise<boolean> {
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: paymentId },
    include: { customer: { include: { business: true } }, allocations: { include: { invoice: { select: { id: true, number: true } } }, orderBy: { id: "asc" } } },
  });
  if (payment.status !== "SUCCEEDED" || payment.returnedAt) return false;
  const reason = returnReasonText(why.code, why.message);
  const updated = await tx.payment.update({
    where: { id: payment.id },
    data: { status: "FAILED", returnedAt: at, failedAt: at, failureCode: why.code, failureMessage: reason, lastEventAt: payment.lastEventAt && payment.lastEventAt > at ? payment.lastEventAt : at },
  });
  const { customer } = payment;
  const { business } = customer;
  const money = (c: number) => formatMoney(c, payment.currency);
  const method = payment.methodDetails ?? METHOD_LABELS[payment.method] ?? payment.method;
  const withdrawn = await withdrawDiscounts(tx, [payment.id], "its payment was returned by the bank");
  await undoSettlement(tx, payment.id, "the bank returned the payment that settled it");
  for (const a of payment.allocations) {
    await logActivity(tx, {
      businessId: business.id,
      customerId: customer.id,
      invoiceId: a.invoiceId,
      actor: "SYSTEM",
      type: "payment.returned",
      summary: `Bank payment of ${money(payment.amountCents)} (${method}, receipt ${payment.receiptNumber ?? "none"}) was returned by the bank: ${reason} ${a.invoice.number} is owed again`,
      data: { paymentId: payment.id, returnCode: why.code },
    });
  }
  const withdrawnCents = withdrawn.reduce((s, d) => s + d.amountCents, 0);
  if (updated.instalmentId) {
    // A plan that is running tells the customer itself (instalment failed and when it is tried again, or the plan
    // ended): one email for one return.
    const plan = await tx.instalment.findUniqueOrThrow({ where: { id: updated.instalmentId }, select: { plan: { select: { status: true } } } });
    if (plan.plan.status === "ACTIVE" || plan.plan.status === "COMPLETED") {
      await applyInstalmentOutcome(tx, { ...updated, failureMessage: reason }, "SUCCEEDED", null, payment.gateway);
      return true;
    }
  }
  const link = await createPortalLink(tx, customer.id, business.portalLinkTtlDays);
  const words = customerWords(customer, business);
  await enqueueEmail(tx, {
    template: "payment-returned",
    to: customer.email,
    businessId: business.id,
    customerId: customer.id,
    dedupeKey: `payment-returned:${payment.id}`,
    props: {
      locale: words.locale,
      brand: brandOf(business),
      customerName: customer.name,
      amountText: words.money(payment.amountCents, payment.currency),
      methodText: words.method(payment),
      paidOnText: payment.succeededAt ? words.day(dateInZone(payment.succeededAt, business.timeZone)) : null,
      receiptNumber: payment.receiptNumber,
      reason: words.failure({ method: payment.method, failureCode: why.code, failureMessage: reason }, reason),
      invoiceNumbers: payment.allocations.map((a) => a.invoice.number).join(", "),
      invoiceCount: payment.allocations.length,
      portalUrl: link.url,
      discountLostText: withdrawnCents > 0 ? words.money(withdrawnCents, payment.currency) : null,
    },
  });
  return true;
}
