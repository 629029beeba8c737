// The offline payment gateway: behaves like Stripe test mode. Stripe's test card numbers give Stripe's
// outcomes; a test bank account goes to processing and settles (or fails) after SIMULATOR_ACH_DELAY_SECONDS.
// Its events are Stripe-shaped and go through the same handler as Stripe's webhooks.
import { TranslatedError } from "~/modules/i18n/errors";
import type Stripe from "stripe";
import { QUEUES, getBoss } from "~/modules/jobs/queue.server";
import { dateInZone } from "~/modules/dates/calendar";
import { passedDiscountDeadline, withdrawDiscounts } from "~/modules/discounts/offers.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { processPaymentEvent } from "./events.server";
import { SepaInputError, type PaymentGateway } from "./gateway.server";
import { ibanBankCodes, ibanLast4, normalizeIban } from "./iban";
import { bankOutcome, cardCanBeSaved, cardOutcome, DISPUTED_CARDS, sepaOutcome, simulatedCardMethodId, TEST_ROUTING_NUMBER, type BankOutcome } from "./simulator-outcomes";
import { bankChargeObject, disputeObject, eventObject, paymentIntentObject, paymentMethodObject, refundObject, stripeMethodType } from "./stripe-objects";

export const SIMULATED_BANK_NAME = "STRIPE TEST BANK";

function intentIdFor(paymentId: string) {
  return `pi_sim_${paymentId.replace(/-/g, "")}`;
}

async function intentFor(paymentId: string, status: Stripe.PaymentIntent.Status, extra: Partial<Parameters<typeof paymentIntentObject>[0]> = {}) {
  const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  return paymentIntentObject({
    id: payment.providerPaymentId ?? intentIdFor(payment.id),
    amount: payment.amountCents,
    currency: payment.currency,
    customer: null,
    status,
    methodType: stripeMethodType(payment.method),
    created: payment.createdAt,
    metadata: { paymentId: payment.id, businessId: payment.businessId, customerId: payment.customerId },
    ...extra,
  });
}

async function emit(eventId: string, type: string, intent: Stripe.PaymentIntent) {
  return processPaymentEvent(eventObject({ id: eventId, type, object: intent, created: now() }), "simulator");
}

export const simulatorGateway: PaymentGateway = {
  name: "simulator",
  testMode: true,
  async createPaymentIntent(input) {
    return { providerPaymentId: intentIdFor(input.paymentId), clientSecret: null, providerCustomerId: null };
  },
  async chargeOffSession(input) {
    const id = intentIdFor(input.paymentId);
    await db.payment.update({ where: { id: input.paymentId }, data: { providerPaymentId: id } });
    const [, kind, number] = /^pm_sim_(card|bank|sepa)_(?:unknown_)?([0-9A-Z]+)/.exec(input.providerPaymentMethodId) ?? [];
    if (kind === "card" && number) await settleCard(input.paymentId, number, 12, 2040, "off-session");
    else if (kind === "bank" && number) await startBankDebit(input.paymentId, number);
    else if (kind === "sepa" && number) await startSepaDebit(input.paymentId, number);
    return { providerPaymentId: id, clientSecret: null, providerCustomerId: null };
  },
  async confirmSepaDebit(input) {
    const iban = normalizeIban(input.iban);
    if (!sepaOutcome(iban)) {
      throw new SepaInputError("checkout.sepa.testIbans");
    }
    const providerMandateId = `mandate_sim_${input.paymentId.replace(/-/g, "")}`;
    await startSepaDebit(input.paymentId, iban);
    return { providerMandateId, reference: null };
  },
  async createSetupIntent(input) {
    return { providerSetupId: `seti_sim_${input.setupId.replace(/-/g, "")}`, clientSecret: null };
  },
  async cancelPaymentIntent() {
    // Nothing is held at the simulator: a cancelled payment simply cannot be confirmed any more.
  },
  async createRefund(input) {
    // As Stripe's test mode: a card refund succeeds at once (card 4000 0000 0000 5126's fails a little later); a bank
    // debit's refund is pending until the bank confirms it. Every change is a Stripe-shaped refund.* event.
    const payment = await db.payment.findUniqueOrThrow({ where: { id: input.paymentId } });
    const card = payment.method === "CARD";
    const failsLater = card && (payment.methodDetails ?? "").endsWith("5126");
    const providerRefundId = `re_sim_${input.refundId.replace(/-/g, "")}`;
    const status = card ? "succeeded" : "pending";
    const refund = simulatedRefund(input, providerRefundId, payment.method, status);
    if (!card || failsLater) {
      // Queued before the event, so that a crash in between never leaves a refund pending for ever.
      const boss = await getBoss();
      await boss.send(QUEUES.simulatorRefund, { refundId: input.refundId, outcome: failsLater ? "failed" : "succeeded" }, { singletonKey: input.refundId, startAfter: getEnv().SIMULATOR_ACH_DELAY_SECONDS });
    }
    await processPaymentEvent(eventObject({ id: `evt_sim_${input.refundId}_created`, type: "refund.created", object: refund, created: now() }), "simulator");
    return { providerRefundId, status, failureReason: null };
  },
  async retrievePaymentIntent(providerPaymentId) {
    const payment = await db.payment.findUniqueOrThrow({ where: { providerPaymentId } });
    const status: Record<string, Stripe.PaymentIntent.Status> = {
      PENDING: "requires_payment_method",
      PROCESSING: "processing",
      SUCCEEDED: "succeeded",
      FAILED: "requires_payment_method",
      CANCELED: "canceled",
    };
    return intentFor(payment.id, status[payment.status] ?? "requires_payment_method");
  },
};

export type CardDetails = { number: string; expMonth: number; expYear: number; cvc: string; name?: string };
export type BankDetails = { holderName: string; routingNumber: string; accountNumber: string };

/** A refusal of the test-mode checkout, said in the customer's language where it is shown (message keys). */
export class SimulatorInputError extends TranslatedError {}

function simulatedBankMethod(accountNumber: string) {
  return paymentMethodObject({
    type: "us_bank_account",
    id: `pm_sim_bank_${accountNumber}`,
    bankName: SIMULATED_BANK_NAME,
    last4: accountNumber.slice(-4),
    routingNumber: TEST_ROUTING_NUMBER,
    customer: null,
  });
}

/** The simulator's SEPA payment method for a test IBAN, with the holder's name and email from the mandate. */
async function simulatedSepaMethod(paymentId: string, iban: string) {
  const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { sepaMandate: true, customer: true } });
  const { bankCode, branchCode } = ibanBankCodes(iban);
  return paymentMethodObject({
    type: "sepa_debit",
    id: `pm_sim_sepa_${iban}`,
    country: iban.slice(0, 2),
    bankCode,
    branchCode,
    last4: ibanLast4(iban),
    fingerprintOf: iban,
    customer: null,
    name: payment.sepaMandate?.holderName ?? payment.customer.name,
    email: payment.sepaMandate?.holderEmail ?? payment.customer.email,
  });
}

/** A SEPA debit goes to processing at once and settles after the delay, as Stripe's test IBANs do. */
async function startSepaDebit(paymentId: string, iban: string) {
  if (!sepaOutcome(iban)) throw new SimulatorInputError("checkout.sepa.unusable");
  const paymentMethod = await simulatedSepaMethod(paymentId, iban);
  // Queued first (once per payment), so a crash here never strands a payment in processing.
  await (await getBoss()).send(QUEUES.simulatorSettle, { paymentId, iban }, { singletonKey: paymentId, startAfter: getEnv().SIMULATOR_ACH_DELAY_SECONDS });
  return emit(`evt_sim_${paymentId}_processing`, "payment_intent.processing", await intentFor(paymentId, "processing", { paymentMethod }));
}

/** The job that finishes a simulated SEPA debit: succeeded (then perhaps disputed), or failed with the bank's reason. */
export async function settleSimulatedSepaDebit(paymentId: string, iban: string) {
  const outcome = sepaOutcome(iban) ?? { kind: "failed" as const, code: "invalid_bank_account_iban", message: "The IBAN could not be debited." };
  const paymentMethod = await simulatedSepaMethod(paymentId, iban);
  if (outcome.kind === "succeeded") {
    // Stripe's "disputed" test IBANs: the account holder disputes the debit at once after it succeeds.
    if (outcome.disputed) {
      await (await getBoss()).send(QUEUES.simulatorLater, { kind: "dispute", paymentId, reason: "debit_not_authorized", status: "needs_response" }, { singletonKey: `dispute:${paymentId}`, startAfter: getEnv().SIMULATOR_ACH_DELAY_SECONDS });
    }
    return emit(`evt_sim_${paymentId}_succeeded`, "payment_intent.succeeded", await intentFor(paymentId, "succeeded", { paymentMethod }));
  }
  const lastPaymentError = { type: "invalid_request_error", code: outcome.code, message: outcome.message, payment_method: paymentMethod } as unknown as Stripe.PaymentIntent.LastPaymentError;
  return emit(`evt_sim_${paymentId}_failed`, "payment_intent.payment_failed", await intentFor(paymentId, "requires_payment_method", { paymentMethod, lastPaymentError }));
}

async function settleCard(paymentId: string, number: string, expMonth: number, expYear: number, attemptKey: string) {
  const outcome = cardOutcome(number);
  const paymentMethod = paymentMethodObject({ type: "card", id: simulatedCardMethodId(number), brand: outcome.brand, last4: number.slice(-4), expMonth, expYear, customer: null });
  if (outcome.kind === "succeeded") {
    const disputed = DISPUTED_CARDS[number.replace(/\D/g, "")];
    // As Stripe's test cards 0259 and 1976: the charge succeeds, then the card holder's bank disputes it. Queued
    // before the success, so that a crash in between never loses the dispute.
    if (disputed) await (await getBoss()).send(QUEUES.simulatorLater, { kind: "dispute", paymentId, ...disputed }, { singletonKey: `dispute:${paymentId}`, startAfter: getEnv().SIMULATOR_ACH_DELAY_SECONDS });
    return emit(`evt_sim_${paymentId}_succeeded`, "payment_intent.succeeded", await intentFor(paymentId, "succeeded", { paymentMethod }));
  }
  const lastPaymentError = {
    type: "card_error",
    code: outcome.code,
    decline_code: outcome.declineCode,
    message: outcome.message,
    payment_method: paymentMethod,
  } as unknown as Stripe.PaymentIntent.LastPaymentError;
  return emit(`evt_sim_${paymentId}_failed_${attemptKey}`, "payment_intent.payment_failed", await intentFor(paymentId, "requires_payment_method", { paymentMethod, lastPaymentError }));
}

async function startBankDebit(paymentId: string, accountNumber: string) {
  const outcome = bankOutcome(TEST_ROUTING_NUMBER, accountNumber);
  if (!outcome) throw new SimulatorInputError("checkout.bank.unusable");
  const paymentMethod = simulatedBankMethod(accountNumber);
  // The settlement job is queued first (once per payment), so a crash here never strands a payment in processing.
  const boss = await getBoss();
  await boss.send(QUEUES.simulatorSettle, { paymentId, accountNumber }, { singletonKey: paymentId, startAfter: getEnv().SIMULATOR_ACH_DELAY_SECONDS });
  return emit(`evt_sim_${paymentId}_processing`, "payment_intent.processing", await intentFor(paymentId, "processing", { paymentMethod }));
}

/** The job that finishes a simulated bank debit: succeeded, or failed with the bank's reason. */
export async function settleSimulatedBankDebit(paymentId: string, accountNumber: string) {
  const outcome: BankOutcome = bankOutcome(TEST_ROUTING_NUMBER, accountNumber) ?? { kind: "failed", code: "no_account", message: "The bank account could not be located." };
  const paymentMethod = simulatedBankMethod(accountNumber);
  if (outcome.kind === "succeeded") {
    if (outcome.returnedLater) {
      await (await getBoss()).send(QUEUES.simulatorLater, { kind: "bank-return", paymentId, ...outcome.returnedLater }, { singletonKey: `return:${paymentId}`, startAfter: getEnv().SIMULATOR_ACH_DELAY_SECONDS });
    }
    return emit(`evt_sim_${paymentId}_succeeded`, "payment_intent.succeeded", await intentFor(paymentId, "succeeded", { paymentMethod }));
  }
  const lastPaymentError = { type: "invalid_request_error", code: outcome.code, message: outcome.message, payment_method: paymentMethod } as unknown as Stripe.PaymentIntent.LastPaymentError;
  return emit(`evt_sim_${paymentId}_failed`, "payment_intent.payment_failed", await intentFor(paymentId, "requires_payment_method", { paymentMethod, lastPaymentError }));
}

/** A payment whose early-pay discount ended before it was confirmed is cancelled: the customer pays the current amount. */
export async function refuseAfterDiscountDeadline(payment: { id: string; businessId: string }) {
  const business = await db.business.findUniqueOrThrow({ where: { id: payment.businessId } });
  const passed = await passedDiscountDeadline(payment.id, dateInZone(now(), business.timeZone));
  if (!passed) return;
  await db.$transaction(async (tx) => {
    await tx.payment.update({ where: { id: payment.id }, data: { status: "CANCELED" } });
    await withdrawDiscounts(tx, [payment.id], "its last day passed before the payment was confirmed");
  });
  throw new SimulatorInputError("checkout.discountEnded", { date: { day: passed } });
}

/** The portal's test-mode checkout: what Stripe's Payment Element and confirmPayment do, offline. */
export async function confirmSimulatedPayment(customerId: string, paymentId: string, details: { method: "CARD"; card: CardDetails } | { method: "US_BANK_ACCOUNT"; bank: BankDetails }) {
  const payment = await db.payment.findFirst({ where: { id: paymentId, customerId } });
  if (!payment) throw new Response("Not found", { status: 404 });
  if (payment.status !== "PENDING") return payment.status;
  await refuseAfterDiscountDeadline(payment);
  if (details.method === "CARD") {
    const attempts = await db.activityEvent.count({ where: { customerId, type: "payment.declined", data: { path: ["paymentId"], equals: paymentId } } });
    await settleCard(payment.id, details.card.number, details.card.expMonth, details.card.expYear, String(attempts + 1));
  } else {
    if (!bankOutcome(details.bank.routingNumber, details.bank.accountNumber)) {
      throw new SimulatorInputError("checkout.bank.testAccounts");
    }
    await startBankDebit(payment.id, details.bank.accountNumber);
  }
  return (await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status;
}

/** The simulator's SetupIntent confirmation: checks the details as Stripe would and returns the saved method. */
export function confirmSimulatedSetup(details: { method: "CARD"; card: CardDetails } | { method: "US_BANK_ACCOUNT"; bank: BankDetails }): Stripe.PaymentMethod {
  if (details.method === "CARD") {
    const outcome = cardCanBeSaved(details.card.number);
    if (outcome.kind === "declined") throw new SimulatorInputError("checkout.card.notSaved", { reason: { message: `failure.card.${outcome.declineCode}`, text: outcome.message } });
    return paymentMethodObject({ type: "card", id: simulatedCardMethodId(details.card.number), brand: outcome.brand, last4: details.card.number.slice(-4), expMonth: details.card.expMonth, expYear: details.card.expYear, customer: null });
  }
  if (!bankOutcome(details.bank.routingNumber, details.bank.accountNumber)) {
    throw new SimulatorInputError("checkout.bank.testAccount");
  }
  return simulatedBankMethod(details.bank.accountNumber);
}

function simulatedRefund(input: { refundId: string; paymentId: string; providerPaymentId: string; amountCents: number; currency: string }, id: string, method: string, status: "pending" | "succeeded" | "failed", failureReason?: string) {
  return refundObject({
    id,
    amount: input.amountCents,
    currency: input.currency,
    paymentIntent: input.providerPaymentId,
    status,
    created: now(),
    metadata: { refundId: input.refundId, paymentId: input.paymentId },
    methodType: stripeMethodType(method),
    failureReason,
  });
}

/** The job that finishes a simulated refund: the bank confirms it, or (card 5126) the card network returns it. */
export async function finishSimulatedRefund(refundId: string, outcome: "succeeded" | "failed") {
  const refund = await db.refund.findUnique({ where: { id: refundId }, include: { payment: true } });
  if (!refund || !refund.payment.providerPaymentId) return;
  const object = simulatedRefund(
    { refundId, paymentId: refund.paymentId, providerPaymentId: refund.payment.providerPaymentId, amountCents: refund.amountCents, currency: refund.currency },
    refund.providerRefundId ?? `re_sim_${refundId.replace(/-/g, "")}`,
    refund.payment.method,
    outcome,
    outcome === "failed" ? "expired_or_canceled_card" : undefined,
  );
  await processPaymentEvent(eventObject({ id: `evt_sim_${refundId}_${outcome}`, type: outcome === "failed" ? "refund.failed" : "refund.updated", object, created: now() }), "simulator");
}

export type SimulatorLater =
  | { kind: "dispute"; paymentId: string; reason: string; status: "needs_response" | "warning_needs_response" }
  | { kind: "bank-return"; paymentId: string; code: string; message: string };

/** Stripe's dispute fee in the simulator, as Stripe charges in the US ($15). */
export const SIMULATED_DISPUTE_FEE_CENTS = 1500;

const disputeIdFor = (paymentId: string) => `dp_sim_${paymentId.replace(/-/g, "")}`;

async function simulatedDispute(paymentId: string, status: Stripe.Dispute.Status, reason: string, reinstated = false) {
  const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const existing = await db.dispute.findUnique({ where: { providerDisputeId: disputeIdFor(paymentId) } });
  const inquiry = status.startsWith("warning_");
  return disputeObject({
    id: disputeIdFor(paymentId),
    amount: existing?.amountCents ?? payment.amountCents,
    currency: payment.currency,
    paymentIntent: payment.providerPaymentId ?? intentIdFor(payment.id),
    charge: `ch_sim_${payment.id.replace(/-/g, "")}`,
    status,
    reason: existing?.reason ?? reason,
    created: existing?.openedAt ?? now(),
    // Stripe gives the business about three weeks to answer.
    evidenceDueBy: status === "won" || status === "lost" ? null : (existing?.evidenceDueBy ?? new Date(now().getTime() + 21 * 86_400_000)),
    methodType: stripeMethodType(payment.method),
    feeCents: inquiry ? 0 : SIMULATED_DISPUTE_FEE_CENTS,
    reinstated,
  });
}

/** The simulator's later events: a dispute opened on a test card's charge, a bank debit returned after success. */
export async function runSimulatorLater(job: SimulatorLater) {
  if (job.kind === "dispute") {
    const object = await simulatedDispute(job.paymentId, job.status, job.reason);
    await processPaymentEvent(eventObject({ id: `evt_sim_${object.id}_created`, type: "charge.dispute.created", object, created: now() }), "simulator");
    return;
  }
  const payment = await db.payment.findUniqueOrThrow({ where: { id: job.paymentId } });
  const charge = bankChargeObject({
    id: `ch_sim_${payment.id.replace(/-/g, "")}`,
    amount: payment.amountCents,
    currency: payment.currency,
    paymentIntent: payment.providerPaymentId ?? intentIdFor(payment.id),
    status: "failed",
    created: payment.createdAt,
    failureCode: job.code,
    failureMessage: job.message,
    bankName: SIMULATED_BANK_NAME,
    last4: (payment.methodDetails ?? "").slice(-4),
  });
  await processPaymentEvent(eventObject({ id: `evt_sim_${payment.id}_returned`, type: "charge.failed", object: charge, created: now() }), "simulator");
}

/**
 * Test mode's stand-in for the card network's decision (Stripe's test mode decides from the evidence text given:
 * "winning_evidence" or "losing_evidence"): closes the payment's open dispute as won or lost.
 */
export async function decideSimulatedDispute(disputeId: string, outcome: "won" | "lost") {
  const dispute = await db.dispute.findUniqueOrThrow({ where: { id: disputeId } });
  const inquiry = dispute.inquiry;
  const status: Stripe.Dispute.Status = inquiry ? (outcome === "won" ? "warning_closed" : "lost") : outcome;
  const object = await simulatedDispute(dispute.paymentId, status, dispute.reason, outcome === "won" && !inquiry);
  await processPaymentEvent(eventObject({ id: `evt_sim_${object.id}_closed`, type: "charge.dispute.closed", object, created: now() }), "simulator");
}
