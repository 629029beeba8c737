// The plan job: notices before each charge, then each due instalment charged off-session exactly once.
// Exactly once: an attempt is a Payment row created under the invoices' and the instalment's row locks
// (one per instalment attempt, a unique index), committed before the gateway is called; the gateway call
// carries the payment's own idempotency key, so a retry after a crash returns the same charge.
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { addDays, dateInZone, formatDate, fromDbDate, hourInZone, toDbDate } from "~/modules/dates/calendar";
import { customerWords } from "~/modules/email/customer-words.server";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { listCustomerInvoices } from "~/modules/invoices/invoices.server";
import { formatMoney } from "~/modules/money/money";
import { allocate } from "~/modules/payments/allocation";
import { getGateway, idempotencyKeyFor, type PaymentGateway } from "~/modules/payments/gateway.server";
import { onlineMethodOf, quoteMethod } from "~/modules/payments/pricing";
import { createPortalLink } from "~/modules/portal-access/tokens.server";
import { isQuietHour } from "~/modules/reminders/decide";
import { now, today } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { errorSummary } from "~/utils/redact.server";
import crypto from "node:crypto";
import { completeIfPaid, describeSavedMethod, instalmentCharge } from "./plans.server";
import { getPlanPolicy } from "./policy.server";

export type PlanRunResult = { notices: number; charges: number; resubmitted: number; errors: number };

/** An unconfirmed off-session charge older than this is sent again (same idempotency key, so the same charge). */
const RESUBMIT_AFTER_MS = 2 * 60_000;
/** Stripe keeps idempotency keys for 24 hours: past that, a resubmission could charge twice, so it is left to the owner. */
const RESUBMIT_WITHIN_MS = 23 * 3600_000;
/** How long a customer's own checkout for a missed instalment holds off the automatic retry. */
const CUSTOMER_CHECKOUT_GRACE_MS = 60 * 60_000;

export async function runPlanCharges(gateway?: PaymentGateway): Promise<PlanRunResult> {
  const result: PlanRunResult = { notices: 0, charges: 0, resubmitted: 0, errors: 0 };
  const g = gateway ?? (await getGateway());
  result.notices = await sendDueNotices();
  result.resubmitted = await resubmitUnconfirmed(g);
  // The widest "today" on Earth: each business's own date is checked per instalment.
  const horizon = toDbDate(dateInZone(now(), "Pacific/Kiritimati"));
  const due = await db.instalment.findMany({
    where: {
      plan: { status: "ACTIVE" },
      OR: [
        { status: "SCHEDULED", dueDate: { lte: horizon } },
        { status: "FAILED", nextAttemptOn: { lte: horizon } },
      ],
    },
    select: { id: true },
    orderBy: [{ dueDate: "asc" }, { sequence: "asc" }],
  });
  for (const { id } of due) {
    try {
      const paymentId = await claimInstalment(id);
      if (!paymentId) continue;
      result.charges += 1;
      await submitOffSessionCharge(paymentId, g);
    } catch (error) {
      result.errors += 1;
      console.error(`[plans] instalment ${id}: ${errorSummary(error)}`);
    }
  }
  return result;
}

/**
 * Creates the payment for the instalment's next attempt, or returns null when another worker has it, it
 * is not due in the business's time zone, or nothing is left to pay (then the plan may be complete).
 */
export async function claimInstalment(instalmentId: string): Promise<string | null> {
  const peek = await db.instalment.findUnique({ where: { id: instalmentId }, select: { plan: { select: { invoices: { select: { invoiceId: true } } } } } });
  if (!peek) return null;
  const invoiceIds = peek.plan.invoices.map((i) => i.invoiceId);
  return db.$transaction(
    async (tx) => {
      // Invoices first, then the instalment: the order every checkout and event handler also takes.
      await tx.$queryRaw`select "id" from "Invoice" where "id" = any(${invoiceIds}::text[]) order by "id" for update`;
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        select "id" from "Instalment" where "id" = ${instalmentId} and "status" in ('SCHEDULED', 'FAILED') for update`;
      if (!locked) return null;
      const instalment = await tx.instalment.findUniqueOrThrow({
        where: { id: instalmentId },
        include: { plan: { include: { paymentMethod: true, customer: { include: { business: true } }, invoices: true } } },
      });
      const { plan } = instalment;
      const { business } = plan.customer;
      if (plan.status !== "ACTIVE") return null;
      const day = today(business.timeZone);
      const chargeOn = instalment.status === "FAILED" ? instalment.nextAttemptOn : instalment.dueDate;
      if (!chargeOn || fromDbDate(chargeOn) > day) return null;
      const money = (c: number) => formatMoney(c, plan.currency);
      // The customer is paying this instalment in the portal right now: leave it to them for the moment.
      const ownAttempt = await tx.payment.count({ where: { instalmentId, offSession: false, status: "PENDING", createdAt: { gt: new Date(now().getTime() - CUSTOMER_CHECKOUT_GRACE_MS) } } });
      if (ownAttempt > 0) return null;

      const invoices = (await listCustomerInvoices(plan.customerId, day, tx)).filter((i) => invoiceIds.includes(i.id));
      const dueNow = invoices.reduce((s, i) => s + i.figures.dueNowCents, 0);
      if (dueNow === 0) {
        // Paid some other way (early, offline): nothing to charge.
        await completeIfPaid(tx, plan.id);
        return null;
      }
      const pm = plan.paymentMethod;
      if (!pm || pm.detachedAt) {
        await logActivity(tx, { businessId: business.id, customerId: plan.customerId, actor: "SYSTEM", type: "plan.no_method", summary: `Instalment ${instalment.sequence} not charged: the plan has no saved payment method`, data: { planId: plan.id } });
        return null;
      }
      const method = onlineMethodOf(pm.type);
      const pricing = { cardSurchargeBps: business.cardSurchargeBps, achDiscountBps: business.achDiscountBps };
      const planned = instalmentCharge(instalment, method, pricing);
      const principalCents = Math.min(planned.principalCents, dueNow);
      const quote = quoteMethod(principalCents, method, pricing);
      const allocations = allocate(
        invoices.map((i) => ({ id: i.id, number: i.number, dueDate: i.dueDate, dueNowCents: i.figures.dueNowCents })),
        principalCents,
        0,
        plan.currency,
      );
      const attempt = instalment.attempts + 1;
      const paymentId = crypto.randomUUID();
      await tx.payment.create({
        data: {
          id: paymentId,
          businessId: business.id,
          customerId: plan.customerId,
          currency: plan.currency,
          amountCents: quote.totalCents + instalment.feeCents,
          methodAdjustmentCents: quote.adjustmentCents,
          planFeeCents: instalment.feeCents,
          method,
          status: "PENDING",
          gateway: pm.gateway,
          idempotencyKey: idempotencyKeyFor(paymentId),
          paymentMethodId: pm.id,
          // A saved SEPA account is debited under the mandate the customer accepted with instalment 1.
          sepaMandateId: pm.sepaMandateId,
          methodDetails: describeSavedMethod(pm),
          instalmentId: instalment.id,
          instalmentAttempt: attempt,
          offSession: true,
          attribution: `plan:${plan.id}`,
          allocations: { create: allocations },
        },
      });
      await tx.instalment.update({ where: { id: instalment.id }, data: { status: "PROCESSING", attempts: attempt, nextAttemptOn: null } });
      for (const i of plan.invoices) {
        await logActivity(tx, {
          businessId: business.id,
          customerId: plan.customerId,
          invoiceId: i.invoiceId,
          actor: "SYSTEM",
          type: "plan.instalment_charging",
          summary: `Charging instalment ${instalment.sequence} of ${plan.instalmentCount} (${money(quote.totalCents + instalment.feeCents)}) to ${describeSavedMethod(pm)}${attempt > 1 ? `, attempt ${attempt}` : ""}`,
          data: { planId: plan.id, paymentId },
        });
      }
      return paymentId;
    },
    { maxWait: 15_000, timeout: 20_000 },
  );
}

/** Asks the gateway for the charge; safe to repeat, the idempotency key makes it the same charge. */
export async function submitOffSessionCharge(paymentId: string, gateway: PaymentGateway) {
  const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { customer: true, paymentMethod: true, allocations: { include: { invoice: { select: { number: true } } } } } });
  if (payment.status !== "PENDING" || !payment.paymentMethod) return;
  const charged = await gateway.chargeOffSession({
    paymentId: payment.id,
    amountCents: payment.amountCents,
    currency: payment.currency,
    method: onlineMethodOf(payment.method),
    customer: { id: payment.customer.id, email: payment.customer.email, name: payment.customer.name, stripeCustomerId: payment.customer.stripeCustomerId },
    description: `Plan instalment for ${payment.allocations.map((a) => a.invoice.number).join(", ")}`,
    providerPaymentMethodId: payment.paymentMethod.providerPaymentMethodId,
    metadata: { businessId: payment.businessId, customerId: payment.customerId, instalmentId: payment.instalmentId ?? "" },
  });
  await db.payment.updateMany({ where: { id: payment.id, providerPaymentId: null }, data: { providerPaymentId: charged.providerPaymentId } });
}

/** Off-session charges whose outcome never came back (the process died mid-call): asked again, same key. */
async function resubmitUnconfirmed(gateway: PaymentGateway) {
  const stuck = await db.payment.findMany({
    where: { offSession: true, status: "PENDING", createdAt: { lt: new Date(now().getTime() - RESUBMIT_AFTER_MS), gt: new Date(now().getTime() - RESUBMIT_WITHIN_MS) } },
    select: { id: true },
  });
  let count = 0;
  for (const { id } of stuck) {
    try {
      await submitOffSessionCharge(id, gateway);
      count += 1;
    } catch (error) {
      console.error(`[plans] resubmitting payment ${id}: ${errorSummary(error)}`);
    }
  }
  return count;
}

/** "We'll charge $120.00 to Visa ending 4242 on 5 December": once per instalment, never at night. */
async function sendDueNotices() {
  const horizon = toDbDate(addDays(dateInZone(now(), "Pacific/Kiritimati"), 10));
  const upcoming = await db.instalment.findMany({
    where: { status: "SCHEDULED", sequence: { gt: 1 }, noticeSentAt: null, dueDate: { lte: horizon }, plan: { status: "ACTIVE" } },
    include: { plan: { include: { paymentMethod: true, customer: { include: { business: true } }, invoices: { include: { invoice: { select: { number: true } } } } } } },
  });
  let sent = 0;
  for (const instalment of upcoming) {
    const { plan } = instalment;
    const { customer } = plan;
    const { business } = customer;
    const policy = await getPlanPolicy(business.id);
    const day = today(business.timeZone);
    const dueDate = fromDbDate(instalment.dueDate);
    // Due today or earlier: the charge itself is the news (with its receipt or its failure notice).
    if (addDays(dueDate, -policy.noticeDaysBefore) > day || dueDate <= day) continue;
    if (isQuietHour(hourInZone(now(), customer.timeZone ?? business.timeZone), business.quietHoursStart, business.quietHoursEnd)) continue;
    const method = onlineMethodOf(plan.paymentMethod?.type);
    const charge = instalmentCharge(instalment, method, { cardSurchargeBps: business.cardSurchargeBps, achDiscountBps: business.achDiscountBps });
    await db.$transaction(async (tx) => {
      const claimed = await tx.instalment.updateMany({ where: { id: instalment.id, noticeSentAt: null }, data: { noticeSentAt: now() } });
      if (claimed.count === 0) return;
      const link = await createPortalLink(tx, customer.id, business.portalLinkTtlDays);
      const amountText = formatMoney(charge.totalCents, plan.currency);
      const methodText = describeSavedMethod(plan.paymentMethod);
      const dateText = formatDate(dueDate, "en-US", "long");
      const words = customerWords(customer, business);
      await enqueueEmail(tx, {
        template: "instalment-notice",
        to: customer.email,
        businessId: business.id,
        customerId: customer.id,
        dedupeKey: `instalment-notice:${instalment.id}`,
        props: {
          locale: words.locale,
          brand: brandOf(business),
          customerName: customer.name,
          amountText: words.money(charge.totalCents, plan.currency),
          methodText: words.savedMethod(plan.paymentMethod),
          dateText: words.day(dueDate),
          sequence: instalment.sequence,
          count: plan.instalmentCount,
          invoiceNumbers: plan.invoices.map((i) => i.invoice.number).join(", "),
          planUrl: link.url,
        },
      });
      for (const i of plan.invoices) {
        await logActivity(tx, { businessId: business.id, customerId: customer.id, invoiceId: i.invoiceId, actor: "SYSTEM", type: "plan.notice_sent", summary: `Notice sent: ${amountText} will be charged to ${methodText} on ${dateText}`, data: { planId: plan.id } });
      }
      sent += 1;
    });
  }
  return sent;
}
