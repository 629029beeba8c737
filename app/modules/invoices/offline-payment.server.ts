// Money the owner received outside the portal (a cheque, a bank transfer): recorded as a succeeded payment
// on one invoice, with a receipt numbered and emailed like an online payment's. A repeated submit of the
// same form (its submission key) records nothing new.
import { Prisma } from "~/generated/prisma/client";
import { logActivity } from "~/modules/activity/activity.server";
import { formatDate, startOfDay, type CalendarDate } from "~/modules/dates/calendar";
import { formatMoney, MoneyError, parseMoney } from "~/modules/money/money";
import { enqueueReceipt, nextReceiptNumber } from "~/modules/payments/events.server";
import { completePlansPaidEarly } from "~/modules/plans/plans.server";
import { now, today } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { InvoiceRuleError, lockInvoice } from "./editor.server";
import { figuresOf } from "./invoices.server";
import { methodDetails, OfflinePaymentForm, type OfflinePaymentInput } from "./offline-payment";

const paymentInclude = {
  customer: { include: { business: true } },
  allocations: { include: { invoice: { select: { id: true, number: true } } } },
  discounts: { include: { invoice: { select: { number: true } } } },
} satisfies Prisma.PaymentInclude;

export type RecordedPayment = { paymentId: string; receiptNumber: string; amountCents: number; duplicate: boolean };

export async function recordOfflinePayment(businessId: string, ownerId: string, invoiceId: string, raw: OfflinePaymentInput): Promise<RecordedPayment> {
  const parsed = OfflinePaymentForm.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvoiceRuleError(issue.message, String(issue.path[0] ?? "form"));
  }
  const input = parsed.data;
  const idempotencyKey = `offline:${businessId}:${input.submissionKey}`;
  const already = async () => {
    const existing = await db.payment.findUnique({ where: { idempotencyKey } });
    return existing && { paymentId: existing.id, receiptNumber: existing.receiptNumber ?? "", amountCents: existing.amountCents, duplicate: true };
  };
  const earlier = await already();
  if (earlier) return earlier;

  try {
    return await db.$transaction(async (tx) => {
      const invoice = await lockInvoice(tx, businessId, invoiceId);
      const again = await tx.payment.findUnique({ where: { idempotencyKey } });
      if (again) return { paymentId: again.id, receiptNumber: again.receiptNumber ?? "", amountCents: again.amountCents, duplicate: true };
      const { business } = invoice.customer;
      if (invoice.state === "DRAFT") throw new InvoiceRuleError(`${invoice.number} is a draft. Send it before recording a payment on it.`);
      if (invoice.state === "VOID") throw new InvoiceRuleError(`${invoice.number} is void; payments cannot be recorded on it.`);
      const day = today(business.timeZone);
      const receivedOn = input.receivedOn as CalendarDate;
      if (receivedOn > day) throw new InvoiceRuleError(`The money cannot have come in after today (${day}). Record it once it has arrived.`, "receivedOn");
      let amountCents: number;
      try {
        amountCents = parseMoney(input.amount, invoice.currency);
      } catch (error) {
        if (error instanceof MoneyError) throw new InvoiceRuleError(error.message, "amount");
        throw error;
      }
      if (amountCents <= 0) throw new InvoiceRuleError("Enter an amount greater than zero.", "amount");
      const figures = figuresOf(invoice, day);
      if (amountCents > figures.dueNowCents) {
        const owed = formatMoney(figures.dueNowCents, invoice.currency);
        throw new InvoiceRuleError(
          figures.dueNowCents === 0
            ? `Nothing is left to pay on ${invoice.number}. If the customer paid twice, return the extra money to them.`
            : `That is more than the ${owed} still owed on ${invoice.number}. Record at most ${owed} here; return any extra to the customer or record it against their other invoices.`,
          "amount",
        );
      }
      const method = input.method;
      // A payment that came in on an earlier day is dated at noon of that day, so receipts and reports show the day it arrived.
      const succeededAt = receivedOn === day ? now() : new Date(startOfDay(receivedOn, business.timeZone).getTime() + 12 * 3600_000);
      const created = await tx.payment.create({
        data: {
          businessId,
          customerId: invoice.customerId,
          currency: invoice.currency,
          amountCents,
          method,
          status: "SUCCEEDED",
          gateway: "offline",
          idempotencyKey,
          methodDetails: methodDetails(method, input.reference),
          attribution: "offline",
          succeededAt,
          receiptNumber: await nextReceiptNumber(tx),
          allocations: { create: { invoiceId: invoice.id, amountCents } },
        },
        include: paymentInclude,
      });
      await logActivity(tx, {
        businessId,
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        actor: "OWNER",
        actorUserId: ownerId,
        type: "payment.recorded",
        summary: `${formatMoney(amountCents, invoice.currency)} received on ${formatDate(receivedOn)} recorded (${created.methodDetails}), receipt ${created.receiptNumber}`,
        data: { paymentId: created.id, receivedOn },
      });
      await enqueueReceipt(tx, created);
      await completePlansPaidEarly(tx, [invoice.id]);
      return { paymentId: created.id, receiptNumber: created.receiptNumber ?? "", amountCents, duplicate: false };
    });
  } catch (error) {
    // Two submits raced past the first check: the other one recorded it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await already();
      if (winner) return winner;
    }
    throw error;
  }
}

