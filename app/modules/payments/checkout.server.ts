// Starting a payment from the portal: the customer's choice of invoices, amount and method becomes a
// Payment (PENDING) with its allocations, then a PaymentIntent at the gateway.
import crypto from "node:crypto";
import { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/activity/activity.server";
import { offerAppliesTo } from "~/modules/discounts/early-pay";
import { earlyPayOffers } from "~/modules/discounts/offers.server";
import { cancelReplacedAtGateway, replaceUnconfirmed, type ReplacedPayment } from "~/modules/plans/plans.server";
import { openSettlement } from "~/modules/settlements/settlements.server";
import { listCustomerInvoices } from "~/modules/invoices/invoices.server";
import { formatMoney } from "~/modules/money/money";
import { now, today } from "~/utils/clock.server";
import { db, isTransactionTimeout } from "~/utils/db.server";
import { allocate, PaymentInputError } from "./allocation";
import { getGateway, gatewayName, idempotencyKeyFor } from "./gateway.server";
import { currencyOfInvoices, methodRefusal, onlineMethodOf, quoteMethod, type OnlineMethod } from "./pricing";

export { PaymentInputError };

export type CheckoutInput = { customerId: string; invoiceIds: string[]; amountCents: number | null; method: OnlineMethod; settlementOfferId?: string };

export async function startPayment(input: CheckoutInput): Promise<{ paymentId: string }> {
  const paymentId = crypto.randomUUID();
  let replaced: ReplacedPayment[] = [];
  await db.$transaction(async (tx) => {
    const customer = await tx.customer.findUniqueOrThrow({ where: { id: input.customerId }, include: { business: true } });
    const { business } = customer;
    // Lock the invoices: two checkouts for the same balance take turns.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      select "id" from "Invoice" where "id" = any(${input.invoiceIds}::text[]) and "customerId" = ${customer.id} and "state" = 'ISSUED'
      order by "id" for update`;
    if (locked.length !== new Set(input.invoiceIds).size) throw new PaymentInputError("pay.error.notFound");

    // Unconfirmed payments (and a plan waiting for its first payment) for the same invoices are replaced by this one.
    replaced = await replaceUnconfirmed(tx, customer.id, input.invoiceIds, "a newer checkout replaced it");

    const day = today(business.timeZone);
    const invoices = (await listCustomerInvoices(customer.id, day, tx)).filter((i) => input.invoiceIds.includes(i.id));
    const currency = currencyOfInvoices(invoices, business.currency);
    if (!currency) throw new PaymentInputError("pay.error.mixedCurrencies");
    const refused = methodRefusal(input.method, currency);
    if (refused) throw new PaymentInputError(refused.key, refused.values);
    // An early-pay discount goes with paying an invoice's whole balance in time (never with a part payment).
    const settlement = input.settlementOfferId ? await openSettlement(customer.id, input.invoiceIds[0] ?? "", day, tx) : null;
    if (input.settlementOfferId && (!settlement || settlement.id !== input.settlementOfferId || input.invoiceIds.length !== 1)) {
      throw new PaymentInputError("pay.error.settlementClosed");
    }
    const offers = input.amountCents === null && !settlement ? await earlyPayOffers(business.id, invoices.map((i) => ({ id: i.id, dueNowCents: i.figures.dueNowCents })), day, tx) : {};
    const discountFor = (invoiceId: string) => {
      const offer = offers[invoiceId] ?? null;
      return offerAppliesTo(offer, input.method) ? offer.discountCents : 0;
    };
    const allocations = allocate(
      invoices.map((i) => ({ id: i.id, number: i.number, dueDate: i.dueDate, dueNowCents: i.figures.dueNowCents - discountFor(i.id) })),
      settlement ? settlement.amountCents : input.amountCents,
      settlement ? 0 : business.minPartialPaymentCents,
      currency,
    );
    const principal = allocations.reduce((s, a) => s + a.amountCents, 0);
    const quote = quoteMethod(principal, input.method, business);
    await tx.payment.create({
      data: {
        id: paymentId,
        businessId: business.id,
        customerId: customer.id,
        currency,
        amountCents: quote.totalCents,
        methodAdjustmentCents: quote.adjustmentCents,
        method: input.method,
        status: "PENDING",
        gateway: gatewayName(),
        idempotencyKey: idempotencyKeyFor(paymentId),
        attribution: settlement ? `settlement:${settlement.id}` : invoices.some((i) => discountFor(i.id) > 0) ? "early-pay-discount" : null,
        allocations: { create: allocations },
      },
    });
    const discounted = invoices.filter((i) => discountFor(i.id) > 0);
    try {
      for (const i of discounted) await tx.discount.create({ data: { invoiceId: i.id, paymentId, amountCents: discountFor(i.id), grantedAt: now() } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new PaymentInputError("pay.error.discountUsed");
      }
      throw error;
    }
    const numbers = invoices.filter((i) => allocations.some((a) => a.invoiceId === i.id)).map((i) => i.number);
    for (const a of allocations) {
      await logActivity(tx, {
        businessId: business.id,
        customerId: customer.id,
        invoiceId: a.invoiceId,
        actor: "CUSTOMER",
        type: "payment.started",
        summary: `Started a ${STARTED_AS[input.method]} payment of ${formatMoney(quote.totalCents, currency)} for ${numbers.join(", ")}`,
        data: { paymentId },
      });
    }
  }, { maxWait: 15_000, timeout: 20_000 }).catch(refuseWhenBusy); // checkouts of one invoice queue on its row lock: let them wait their turn
  await cancelReplacedAtGateway(replaced);
  await ensurePaymentIntent(paymentId);
  return { paymentId };
}

const STARTED_AS: Record<OnlineMethod, string> = { CARD: "card", US_BANK_ACCOUNT: "bank", SEPA_DEBIT: "SEPA Direct Debit" };

/** A checkout that could not get its turn in time changed nothing: the customer is told so, not shown a 500. */
function refuseWhenBusy(error: unknown): never {
  throw isTransactionTimeout(error) ? new PaymentInputError("pay.error.busy") : error;
}

/** Creates the gateway's PaymentIntent if the payment has none yet; safe to call again (idempotency key). */
export async function ensurePaymentIntent(paymentId: string) {
  const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { customer: true, allocations: { include: { invoice: { select: { number: true } } } } } });
  if (payment.providerPaymentId) return payment;
  const gateway = await getGateway();
  const intent = await gateway.createPaymentIntent({
    paymentId: payment.id,
    amountCents: payment.amountCents,
    currency: payment.currency,
    method: onlineMethodOf(payment.method),
    customer: { id: payment.customer.id, email: payment.customer.email, name: payment.customer.name, stripeCustomerId: payment.customer.stripeCustomerId },
    description: `Payment for ${payment.allocations.map((a) => a.invoice.number).join(", ")}`,
    savePaymentMethod: payment.savePaymentMethod,
    metadata: { businessId: payment.businessId, customerId: payment.customerId },
  });
  return db.payment.update({ where: { id: payment.id }, data: { providerPaymentId: intent.providerPaymentId } });
}

/** A payment as its customer may see it; anyone else's id is "not found". */
export async function getCustomerPayment(customerId: string, paymentId: string) {
  return db.payment.findFirst({
    where: { id: paymentId, customerId },
    include: {
      allocations: { include: { invoice: { select: { id: true, number: true, dueDate: true } } } },
      discounts: { where: { status: "GRANTED" }, include: { invoice: { select: { number: true } } } },
      customer: { include: { business: true } },
      // What the customer is told of: refunds on their way and refunds done (a failed one changed nothing for them).
      refunds: { where: { status: { in: ["PENDING", "SUCCEEDED"] } }, orderBy: { createdAt: "asc" }, select: { id: true, amountCents: true, status: true, reason: true, createdAt: true, succeededAt: true } },
    },
  });
}
