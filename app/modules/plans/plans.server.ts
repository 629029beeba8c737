// Self-serve instalment plans: who may have one, the checkout that creates one (a plan exists only once
// instalment 1 is paid), and what each instalment payment's outcome does to its plan.
// The charging job is in charges.server.ts. See docs/decisions/010-self-serve-plans.md.
import crypto from "node:crypto";
import type Stripe from "stripe";
import { Prisma, type Plan, type PlanPolicy } from "~/generated/prisma/client";
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { addDays, addMonths, dateInZone, formatDate, fromDbDate, toDbDate, type CalendarDate } from "~/modules/dates/calendar";
import { offerAppliesTo } from "~/modules/discounts/early-pay";
import { earlyPayOffers, withdrawDiscounts } from "~/modules/discounts/offers.server";
import { getDiscountPolicy } from "~/modules/discounts/policy.server";
import { customerWords, type CustomerWords } from "~/modules/email/customer-words.server";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { listCustomerInvoices, type InvoiceSummary } from "~/modules/invoices/invoices.server";
import { formatMoney } from "~/modules/money/money";
import { allocate, PaymentInputError } from "~/modules/payments/allocation";
import { gatewayName, getGateway, idempotencyKeyFor } from "~/modules/payments/gateway.server";
import { currencyOfInvoices, describeSepaAccount, methodRefusal, onlineMethodOf, quoteMethod, type OnlineMethod } from "~/modules/payments/pricing";
import { BRAND_NAMES } from "~/modules/payments/simulator-outcomes";
import { createPortalLink } from "~/modules/portal-access/tokens.server";
import { now, today } from "~/utils/clock.server";
import { db, isTransactionTimeout, modelColumns, readRows, type Db, type Tx } from "~/utils/db.server";
import { getPlanPolicy, rulesOf } from "./policy.server";
import { TranslatedError, type Refusal } from "~/modules/i18n/errors";
import type { Locale } from "~/modules/i18n/locales";
import { customerLocale } from "~/modules/i18n/locale.server";
import { translator } from "~/modules/i18n/translator.server";
import { instalmentCharge, termsTextFor } from "./terms";

export { instalmentCharge, termsTextFor };
import { buildSchedule, FREQUENCY_LABELS, PlanRuleError, rulesIn, type Frequency, type Schedule } from "./schedule";

/** A plan a customer cannot set up or change as asked: the message key says why, in their language. */
export class PlanInputError extends TranslatedError {}

/** Plans that count as running: their invoices get no reminders and cannot start another plan. */
export const CURRENT_PLAN_STATUSES = ["ACTIVE"] as const;

/** What the rules read of the customer and their business (a portal page has them loaded already). */
export type EligibilityCustomer = {
  businessId: string;
  plansAllowed: boolean;
  markedRiskyAt: Date | null;
  handedOverAt: Date | null;
  business: { name: string; supportEmail: string; timeZone: string };
};

type Eligibility = { allowed: true; policy: PlanPolicy } | { allowed: false; refusal: Refusal; policy: PlanPolicy };

/** Whether this customer may set up a plan for these invoices, and if not, why, in words they can act on. */
// The plan policy, the customer's latest broken plan and whether any of the invoices is on a current plan: one
// statement (on every portal page). The policy's columns are null when the business never saved one.
const ELIGIBILITY_SQL = `
  select ${modelColumns(Prisma.PlanPolicyScalarFieldEnum, "p", { frequencies: "text[]" })},
    (select max(x."defaultedAt") from "Plan" x where x."customerId" = $2 and x.status = 'DEFAULTED') as "lastDefaultedAt",
    exists (select 1 from "PlanInvoice" pi join "Plan" x on x.id = pi."planId" where pi."invoiceId" = any($3::text[]) and x.status::text = any($4::text[])) as "anyOnPlan"
  from (select 1) as one left join "PlanPolicy" p on p."businessId" = $1`;

export async function planEligibility(customerId: string, invoiceIds: readonly string[], client: Db | Tx = db, loaded?: EligibilityCustomer): Promise<Eligibility> {
  const customer = loaded ?? (await client.customer.findUniqueOrThrow({ where: { id: customerId }, include: { business: true } }));
  const [row] = await readRows<PlanPolicy & { lastDefaultedAt: Date | null; anyOnPlan: boolean }>(ELIGIBILITY_SQL, [customer.businessId, customerId, [...invoiceIds], [...CURRENT_PLAN_STATUSES]], client);
  const { lastDefaultedAt, anyOnPlan, ...saved } = row!;
  const policy: PlanPolicy = saved.businessId ? saved : await getPlanPolicy(customer.businessId, client);
  const decided = decideEligibility(customer, { policy, lastDefaultedAt, onPlanNumbers: [] });
  if (!decided.allowed || !anyOnPlan) return decided;
  // The invoice numbers for the reason, only when some are on a plan.
  const onPlan = await client.planInvoice.findMany({ where: { invoiceId: { in: [...invoiceIds] }, plan: { status: { in: [...CURRENT_PLAN_STATUSES] } } }, include: { invoice: { select: { number: true } } } });
  return decideEligibility(customer, { policy, lastDefaultedAt, onPlanNumbers: onPlan.map((p) => p.invoice.number) });
}

/** What the eligibility rules are decided on, besides the customer: read by planEligibility or with a customer's plans. */
export type EligibilityFacts = { policy: PlanPolicy; lastDefaultedAt: Date | null; onPlanNumbers: readonly string[] };

/** The eligibility rules, in order: the business offers plans, the customer may have one, no recent broken plan, none of the invoices on a plan. */
export function decideEligibility(customer: EligibilityCustomer, facts: EligibilityFacts): Eligibility {
  const { policy, lastDefaultedAt, onPlanNumbers } = facts;
  const contact = { business: customer.business.name, email: customer.business.supportEmail };
  if (!policy.enabled) return { allowed: false, policy, refusal: { key: "plan.refuse.notOffered", values: contact } };
  if (!customer.plansAllowed || (policy.excludeRisky && customer.markedRiskyAt) || customer.handedOverAt) {
    return { allowed: false, policy, refusal: { key: "plan.refuse.account", values: contact } };
  }
  if (policy.brokenPlanLockoutMonths > 0 && lastDefaultedAt) {
    const day = today(customer.business.timeZone);
    const since = toDbDate(addMonths(day, -policy.brokenPlanLockoutMonths));
    if (lastDefaultedAt >= since) {
      const until = addMonths(dateInZone(lastDefaultedAt, customer.business.timeZone), policy.brokenPlanLockoutMonths);
      return { allowed: false, policy, refusal: { key: "plan.refuse.lockout", values: { ...contact, date: { day: until } } } };
    }
  }
  if (onPlanNumbers.length) return { allowed: false, policy, refusal: { key: "plan.refuse.onPlan", values: { count: onPlanNumbers.length, numbers: { list: [...onPlanNumbers] } } } };
  return { allowed: true, policy };
}

/** The plan quote's principal: what is due now on the invoices, less any early-pay discount that goes with a plan. */
export async function planPrincipal(businessId: string, invoices: readonly InvoiceSummary[], method: OnlineMethod, day: CalendarDate, client: Db | Tx) {
  const discountPolicy = await getDiscountPolicy(businessId, client);
  const offers = discountPolicy.combinesWithPlan ? await earlyPayOffers(businessId, invoices.map((i) => ({ id: i.id, dueNowCents: i.figures.dueNowCents })), day, client) : {};
  const discounts = invoices.flatMap((i) => {
    const offer = offers[i.id] ?? null;
    return offerAppliesTo(offer, method) ? [{ invoiceId: i.id, amountCents: offer.discountCents }] : [];
  });
  const dueCents = invoices.reduce((s, i) => s + i.figures.dueNowCents, 0);
  const discountCents = discounts.reduce((s, d) => s + d.amountCents, 0);
  return { dueCents, discountCents, principalCents: dueCents - discountCents, discounts };
}

const PAID_BY: Record<OnlineMethod, string> = { CARD: "card", US_BANK_ACCOUNT: "bank account", SEPA_DEBIT: "SEPA Direct Debit" };

/** `locale`: the language the customer read the terms in, which they are stored in (else the customer's language). */
export type StartPlanInput = { customerId: string; invoiceIds: string[]; count: number; frequency: Frequency; method: OnlineMethod; locale?: Locale };

/**
 * The plan checkout: a PENDING plan with its schedule and the payment of instalment 1, in one transaction.
 * The plan becomes ACTIVE only when that payment succeeds (card) or is processing (ACH).
 */
export async function startPlan(input: StartPlanInput): Promise<{ planId: string; paymentId: string }> {
  const planId = crypto.randomUUID();
  const paymentId = crypto.randomUUID();
  let replaced: ReplacedPayment[] = [];
  await db.$transaction(
    async (tx) => {
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: input.customerId }, include: { business: true } });
      const { business } = customer;
      // The same row locks as a one-off payment: a plan and a payment for one invoice take turns.
      const locked = await tx.$queryRaw<{ id: string }[]>`
        select "id" from "Invoice" where "id" = any(${input.invoiceIds}::text[]) and "customerId" = ${customer.id} and "state" = 'ISSUED'
        order by "id" for update`;
      if (locked.length === 0 || locked.length !== new Set(input.invoiceIds).size) throw new PlanInputError("plan.error.notFound");
      const eligibility = await planEligibility(customer.id, input.invoiceIds, tx);
      if (!eligibility.allowed) throw new PlanInputError(eligibility.refusal.key, eligibility.refusal.values);

      replaced = await replaceUnconfirmed(tx, customer.id, input.invoiceIds, "a newer checkout replaced it");

      const day = today(business.timeZone);
      const invoices = (await listCustomerInvoices(customer.id, day, tx)).filter((i) => input.invoiceIds.includes(i.id) && i.figures.dueNowCents > 0);
      if (invoices.length !== new Set(input.invoiceIds).size) throw new PlanInputError("plan.error.nothingLeftOnInvoice");
      // The plan's money is the invoices' currency, and so is what its methods may be.
      const currency = currencyOfInvoices(invoices, business.currency);
      if (!currency) throw new PlanInputError("pay.error.mixedCurrencies");
      const refused = methodRefusal(input.method, currency);
      if (refused) throw new PlanInputError(refused.key, refused.values);
      const { principalCents, discounts } = await planPrincipal(business.id, invoices, input.method, day, tx);
      let schedule: Schedule;
      try {
        schedule = buildSchedule(rulesIn(rulesOf(eligibility.policy), currency, business.currency), principalCents, input.count, input.frequency, day, currency);
      } catch (error) {
        if (error instanceof PlanRuleError) throw new PlanInputError(error.key, error.values);
        throw error;
      }
      const pricing = { cardSurchargeBps: business.cardSurchargeBps, achDiscountBps: business.achDiscountBps };
      const termsText = termsTextFor({ businessName: business.name, schedule, method: input.method, currency, pricing }, translator(input.locale ?? customerLocale(customer, business)));
      await tx.plan.create({
        data: {
          id: planId,
          businessId: business.id,
          customerId: customer.id,
          status: "PENDING",
          frequency: input.frequency,
          instalmentCount: input.count,
          currency: currency,
          principalCents,
          feeCents: schedule.feeCents,
          termsText,
          acceptedAt: now(),
          invoices: { create: invoices.map((i) => ({ invoiceId: i.id, amountCents: i.figures.dueNowCents - (discounts.find((d) => d.invoiceId === i.id)?.amountCents ?? 0) })) },
          instalments: { create: schedule.instalments.map((i) => ({ sequence: i.sequence, dueDate: toDbDate(i.dueDate), amountCents: i.amountCents, feeCents: i.feeCents })) },
        },
      });
      const first = await tx.instalment.findUniqueOrThrow({ where: { planId_sequence: { planId, sequence: 1 } } });
      const charge = instalmentCharge(first, input.method, pricing);
      const allocations = allocate(
        invoices.map((i) => ({ id: i.id, number: i.number, dueDate: i.dueDate, dueNowCents: i.figures.dueNowCents - (discounts.find((d) => d.invoiceId === i.id)?.amountCents ?? 0) })),
        charge.principalCents,
        0,
        currency,
      );
      await tx.payment.create({
        data: {
          id: paymentId,
          businessId: business.id,
          customerId: customer.id,
          currency: currency,
          amountCents: charge.totalCents,
          methodAdjustmentCents: charge.adjustmentCents,
          planFeeCents: charge.feeCents,
          method: input.method,
          status: "PENDING",
          gateway: gatewayName(),
          idempotencyKey: idempotencyKeyFor(paymentId),
          instalmentId: first.id,
          instalmentAttempt: 1,
          savePaymentMethod: true,
          attribution: `plan:${planId}`,
          allocations: { create: allocations },
        },
      });
      await tx.instalment.update({ where: { id: first.id }, data: { attempts: 1 } });
      for (const d of discounts) await tx.discount.create({ data: { invoiceId: d.invoiceId, paymentId, amountCents: d.amountCents, grantedAt: now() } });
      const numbers = invoices.map((i) => i.number).join(", ");
      for (const i of invoices) {
        await logActivity(tx, {
          businessId: business.id,
          customerId: customer.id,
          invoiceId: i.id,
          actor: "CUSTOMER",
          type: "plan.started",
          summary: `Started a plan for ${numbers}: ${input.count} instalments, ${FREQUENCY_LABELS[input.frequency].toLowerCase()}, paying ${formatMoney(charge.totalCents, currency)} now by ${PAID_BY[input.method]}`,
          data: { planId, paymentId },
        });
      }
    },
    { maxWait: 15_000, timeout: 20_000 },
  ).catch((error: unknown) => {
    // Like a checkout: a plan that could not get its turn on the invoice in time changed nothing.
    throw isTransactionTimeout(error) ? new PlanInputError("pay.error.busy") : error;
  });
  await cancelReplacedAtGateway(replaced);
  return { planId, paymentId };
}

/**
 * The customer pays a missed (failed) instalment in the portal, by card or bank, optionally keeping the
 * method for the rest of the plan. While the charge is processing the job leaves the instalment alone.
 */
export async function startInstalmentPayment(input: { customerId: string; planId: string; method: OnlineMethod; keepMethod: boolean }): Promise<{ paymentId: string }> {
  const paymentId = crypto.randomUUID();
  let replaced: ReplacedPayment[] = [];
  await db.$transaction(
    async (tx) => {
      const plan = await tx.plan.findFirst({ where: { id: input.planId, customerId: input.customerId }, include: { invoices: true, customer: { include: { business: true } } } });
      if (!plan) throw new Response("Not found", { status: 404 });
      const invoiceIds = plan.invoices.map((i) => i.invoiceId);
      await tx.$queryRaw`select "id" from "Invoice" where "id" = any(${invoiceIds}::text[]) order by "id" for update`;
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        select "id" from "Instalment" where "planId" = ${plan.id} and "status" = 'FAILED' order by "sequence" limit 1 for update`;
      if (plan.status !== "ACTIVE" || !locked) throw new PlanInputError("plan.error.noMissed");
      const instalment = await tx.instalment.findUniqueOrThrow({ where: { id: locked.id } });
      const { business } = plan.customer;
      const refused = methodRefusal(input.method, plan.currency);
      if (refused) throw new PlanInputError(refused.key, refused.values);
      replaced = await replaceUnconfirmed(tx, plan.customerId, invoiceIds, "a newer checkout replaced it");
      const day = today(business.timeZone);
      const invoices = (await listCustomerInvoices(plan.customerId, day, tx)).filter((i) => invoiceIds.includes(i.id) && i.figures.dueNowCents > 0);
      const dueNow = invoices.reduce((s, i) => s + i.figures.dueNowCents, 0);
      if (dueNow === 0) throw new PlanInputError("plan.error.nothingLeft");
      const pricing = { cardSurchargeBps: business.cardSurchargeBps, achDiscountBps: business.achDiscountBps };
      const planned = instalmentCharge(instalment, input.method, pricing);
      const principalCents = Math.min(planned.principalCents, dueNow);
      const quote = quoteMethod(principalCents, input.method, pricing);
      await tx.payment.create({
        data: {
          id: paymentId,
          businessId: business.id,
          customerId: plan.customerId,
          currency: plan.currency,
          amountCents: quote.totalCents + instalment.feeCents,
          methodAdjustmentCents: quote.adjustmentCents,
          planFeeCents: instalment.feeCents,
          method: input.method,
          status: "PENDING",
          gateway: gatewayName(),
          idempotencyKey: idempotencyKeyFor(paymentId),
          instalmentId: instalment.id,
          savePaymentMethod: input.keepMethod,
          attribution: `plan:${plan.id}`,
          allocations: {
            create: allocate(
              invoices.map((i) => ({ id: i.id, number: i.number, dueDate: i.dueDate, dueNowCents: i.figures.dueNowCents })),
              principalCents,
              0,
              plan.currency,
            ),
          },
        },
      });
      for (const i of plan.invoices) {
        await logActivity(tx, {
          businessId: business.id,
          customerId: plan.customerId,
          invoiceId: i.invoiceId,
          actor: "CUSTOMER",
          type: "plan.instalment_checkout",
          summary: `Started paying missed instalment ${instalment.sequence} of ${plan.instalmentCount} (${formatMoney(quote.totalCents + instalment.feeCents, plan.currency)}) by ${PAID_BY[input.method]}`,
          data: { planId: plan.id, paymentId },
        });
      }
    },
    { maxWait: 15_000, timeout: 20_000 },
  );
  await cancelReplacedAtGateway(replaced);
  return { paymentId };
}

/**
 * A new checkout for these invoices replaces the unconfirmed ones: their payments are cancelled, and a
 * plan still waiting for its first payment is cancelled with it.
 */
export async function replaceUnconfirmed(tx: Tx, customerId: string, invoiceIds: readonly string[], reason: string): Promise<ReplacedPayment[]> {
  const stale = await tx.payment.findMany({
    where: { customerId, status: "PENDING", offSession: false, allocations: { some: { invoiceId: { in: [...invoiceIds] } } } },
    select: { id: true, providerPaymentId: true, instalment: { select: { planId: true, sequence: true } } },
  });
  if (stale.length === 0) return [];
  // An intent at the gateway must be cancelled there too, after this commits: marked in this transaction, so that
  // if the process dies before that call, the sweeper (sweepReplacedIntents) still makes it.
  const withIntent = stale.filter((p) => p.providerPaymentId !== null).map((p) => p.id);
  const withoutIntent = stale.filter((p) => p.providerPaymentId === null).map((p) => p.id);
  if (withIntent.length) await tx.payment.updateMany({ where: { id: { in: withIntent } }, data: { status: "CANCELED", gatewayCancelDueAt: now() } });
  if (withoutIntent.length) await tx.payment.updateMany({ where: { id: { in: withoutIntent } }, data: { status: "CANCELED" } });
  await withdrawDiscounts(tx, stale.map((p) => p.id), "the payment was replaced by a newer one");
  const pendingPlans = stale.flatMap((p) => (p.instalment?.sequence === 1 ? [p.instalment.planId] : []));
  if (pendingPlans.length) {
    await tx.plan.updateMany({ where: { id: { in: pendingPlans }, status: "PENDING" }, data: { status: "CANCELLED", cancelledAt: now(), cancelReason: `Instalment 1 was not paid: ${reason}.` } });
    await tx.instalment.updateMany({ where: { planId: { in: pendingPlans }, status: { in: ["SCHEDULED", "FAILED"] } }, data: { status: "CANCELLED" } });
  }
  return stale.map((p) => ({ id: p.id, providerPaymentId: p.providerPaymentId }));
}

export type ReplacedPayment = { id: string; providerPaymentId: string | null };

/**
 * After the replacing checkout has committed: the replaced payments' intents are cancelled at the gateway too,
 * so a payment form still open in another tab can no longer take the money a second time. An intent that
 * the customer already confirmed cannot be cancelled; its outcome arrives by webhook and is applied as usual.
 * What fails here for a passing reason (the gateway unreachable) stays marked and the sweeper tries again.
 */
export async function cancelReplacedAtGateway(replaced: readonly ReplacedPayment[], attempt?: (p: ReplacedPayment) => string) {
  const withIntent = replaced.filter((p): p is { id: string; providerPaymentId: string } => p.providerPaymentId !== null);
  const result = { cancelled: 0, refused: 0, retry: 0 };
  if (withIntent.length === 0) return result;
  const gateway = await getGateway();
  for (const p of withIntent) {
    try {
      await gateway.cancelPaymentIntent(p.providerPaymentId, p.id, attempt?.(p));
      result.cancelled++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!isGatewayRefusal(error)) {
        // Tried again by the sweeper, after the others (the mark moves to now, which also makes its next try a new request).
        console.warn(`Could not cancel the replaced payment ${p.id} at the gateway; it will be tried again: ${message}`);
        await mark(p.id, "retry");
        result.retry++;
        continue;
      }
      console.warn(`The gateway would not cancel the replaced payment ${p.id} (it may already be confirmed): ${message}`);
      result.refused++;
    }
    await mark(p.id, "done");
  }
  return result;
}

// The bookkeeping after the gateway's answer: the replacing checkout has committed, so a failure here must not fail
// it. A mark that could not be cleared stays, and the sweeper's next try gets a refusal or a no-op.
async function mark(paymentId: string, outcome: "retry" | "done") {
  try {
    await db.payment.updateMany({ where: { id: paymentId, gatewayCancelDueAt: { not: null } }, data: { gatewayCancelDueAt: outcome === "retry" ? now() : null } });
  } catch (error) {
    console.warn(`Could not record the gateway cancel of payment ${paymentId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Stripe looked at this intent and said it cannot be cancelled (already confirmed or cancelled, or unknown): asking
 * again won't help. Anything else (unreachable, 5xx, rate limits, a revoked or restricted key) is tried again.
 */
function isGatewayRefusal(error: unknown) {
  const e = error as { type?: string; code?: string };
  return e?.type === "StripeInvalidRequestError" && (e.code === "payment_intent_unexpected_state" || e.code === "resource_missing");
}

/**
 * Replaced payments whose gateway cancel did not happen (the process died right after the replacing checkout
 * committed, or the gateway was unreachable): cancelled now. `graceMs` leaves the request that replaced them
 * time to do it itself. Runs every minute (jobs/workers.server.ts).
 */
export async function sweepReplacedIntents(graceMs = 60_000, batch = 100) {
  const due = await db.payment.findMany({
    where: { gatewayCancelDueAt: { lte: new Date(now().getTime() - graceMs) } },
    select: { id: true, providerPaymentId: true, gatewayCancelDueAt: true },
    orderBy: { gatewayCancelDueAt: "asc" },
    take: batch,
  });
  const stale = due.filter((p) => p.providerPaymentId === null).map((p) => p.id);
  if (stale.length) await db.payment.updateMany({ where: { id: { in: stale } }, data: { gatewayCancelDueAt: null } });
  // Each try is a new request to the gateway: Stripe answers a repeated idempotency key with its first answer
  // (a 500 included) for a day. The mark's time names the try; it moves on at every retry.
  const markedAt = new Map(due.map((p) => [p.id, p.gatewayCancelDueAt!.getTime()]));
  return cancelReplacedAtGateway(due, (p) => `sweep_${markedAt.get(p.id)}`);
}

type InstalmentPayment = {
  id: string;
  status: "PENDING" | "PROCESSING" | "SUCCEEDED" | "FAILED" | "CANCELED";
  instalmentId: string | null;
  offSession: boolean;
  savePaymentMethod: boolean;
  amountCents: number;
  currency: string;
  methodDetails: string | null;
  failureMessage: string | null;
  method: string;
  failureCode: string | null;
};

/** Saves the payment method a plan's payment used, for the plan's later charges (with its ACH mandate). */
async function savePlanMethod(tx: Tx, plan: Plan, intent: Stripe.PaymentIntent | null, gateway: string) {
  const pm = intent?.payment_method;
  if (!pm || typeof pm === "string") return null;
  return attachMethodToPlan(tx, plan, pm, gateway, intent?.id ?? null);
}

/** Records a provider payment method as the plan's method for its later charges. */
export async function attachMethodToPlan(tx: Tx, plan: Plan, pm: Stripe.PaymentMethod, gateway: string, authorisedBy: string | null) {
  const bank = pm.us_bank_account;
  const sepa = pm.sepa_debit;
  // A SEPA debit's mandate was accepted with the payment (or setup) that saved the method: later debits use it.
  const mandate = sepa && authorisedBy ? await tx.payment.findFirst({ where: { providerPaymentId: authorisedBy }, select: { sepaMandateId: true } }) : null;
  const saved = await tx.paymentMethod.upsert({
    where: { gateway_providerPaymentMethodId: { gateway, providerPaymentMethodId: pm.id } },
    create: {
      customerId: plan.customerId,
      gateway,
      providerPaymentMethodId: pm.id,
      type: pm.card ? "CARD" : sepa ? "SEPA_DEBIT" : "US_BANK_ACCOUNT",
      brand: pm.card?.brand ?? null,
      last4: pm.card?.last4 ?? bank?.last4 ?? sepa?.last4 ?? "",
      expMonth: pm.card?.exp_month ?? null,
      expYear: pm.card?.exp_year ?? null,
      bankName: bank?.bank_name ?? null,
      // The simulator's record of the debit authorisation; Stripe keeps the mandate on the payment method itself.
      mandateId: bank && gateway === "simulator" ? `mandate_sim_${authorisedBy ?? pm.id}` : null,
      sepaMandateId: mandate?.sepaMandateId ?? null,
    },
    update: { detachedAt: null, ...(mandate?.sepaMandateId ? { sepaMandateId: mandate.sepaMandateId } : {}) },
  });
  await tx.plan.update({ where: { id: plan.id }, data: { paymentMethodId: saved.id } });
  return saved;
}

export function describeSavedMethod(pm: { type: string; brand: string | null; last4: string; bankName: string | null } | null) {
  if (!pm) return "your saved payment method";
  if (pm.type === "CARD") return `${BRAND_NAMES[pm.brand ?? "unknown"] ?? pm.brand ?? "Card"} ending ${pm.last4}`;
  if (pm.type === "SEPA_DEBIT") return describeSepaAccount(pm.last4);
  return `${pm.bankName ?? "Bank account"} ending ${pm.last4}`;
}

/**
 * What a payment's status change does to its instalment and plan; called in the same transaction as the
 * change (events.server.ts), so a plan and its payments never disagree.
 */
export async function applyInstalmentOutcome(tx: Tx, payment: InstalmentPayment, previous: InstalmentPayment["status"], intent: Stripe.PaymentIntent | null, gateway: string) {
  if (!payment.instalmentId) return;
  const instalment = await tx.instalment.findUniqueOrThrow({ where: { id: payment.instalmentId }, include: { plan: { include: { customer: { include: { business: true } }, invoices: { include: { invoice: { select: { id: true, number: true } } } } } } } });
  const { plan } = instalment;
  const { customer } = plan;
  const { business } = customer;
  const money = (c: number) => formatMoney(c, plan.currency);
  const day = today(business.timeZone);
  const log = async (type: string, summary: string) => {
    for (const i of plan.invoices) await logActivity(tx, { businessId: business.id, customerId: customer.id, invoiceId: i.invoiceId, actor: "SYSTEM", type, summary, data: { planId: plan.id, paymentId: payment.id } });
  };
  const sequenceText = `${instalment.sequence} of ${plan.instalmentCount}`;

  if (payment.status === "PROCESSING" || payment.status === "SUCCEEDED") {
    const paid = payment.status === "SUCCEEDED";
    await tx.instalment.update({ where: { id: instalment.id }, data: { status: paid ? "PAID" : "PROCESSING", paidAt: paid ? now() : null, nextAttemptOn: null, lastFailure: null } });
    if (plan.status === "PENDING") {
      const saved = await savePlanMethod(tx, plan, intent, gateway);
      await tx.plan.update({ where: { id: plan.id }, data: { status: "ACTIVE", activatedAt: now() } });
      await log("plan.activated", `Plan active: instalment 1 ${paid ? "paid" : "is processing"} (${money(payment.amountCents)}); ${plan.instalmentCount - 1} more charged to ${describeSavedMethod(saved)}`);
      await sendPlanConfirmation(tx, plan.id);
    } else if (payment.savePaymentMethod && plan.status === "ACTIVE" && previous === "PENDING") {
      // The customer paid an instalment with a new method and asked to keep it for the rest of the plan.
      const saved = await savePlanMethod(tx, plan, intent, gateway);
      if (saved) await log("plan.method_changed", `Later instalments will be charged to ${describeSavedMethod(saved)}`);
    }
    if (paid) {
      await log("plan.instalment_paid", `Instalment ${sequenceText} paid: ${money(payment.amountCents)}`);
      await completeIfPaid(tx, plan.id);
    }
    return;
  }

  if (payment.status === "CANCELED") {
    if (plan.status === "PENDING" && instalment.sequence === 1) {
      await tx.plan.update({ where: { id: plan.id }, data: { status: "CANCELLED", cancelledAt: now(), cancelReason: "Instalment 1 was not paid." } });
      await tx.instalment.updateMany({ where: { planId: plan.id, status: { in: ["SCHEDULED", "FAILED", "PROCESSING"] } }, data: { status: "CANCELLED" } });
    } else if (instalment.status === "PROCESSING") {
      await tx.instalment.update({ where: { id: instalment.id }, data: { status: "FAILED", nextAttemptOn: toDbDate(day) } });
    }
    return;
  }

  if (payment.status !== "FAILED") return;
  const reason = payment.failureMessage ?? "The payment did not go through.";
  // A bank debit returned after it had succeeded (issue 18): the instalment it paid is unpaid again. A plan it had
  // completed is active again, and the instalment fails under the plan's retry rules like any failed charge.
  const returned = previous === "SUCCEEDED";
  if (returned && plan.status === "COMPLETED") {
    await tx.plan.update({ where: { id: plan.id }, data: { status: "ACTIVE", completedAt: null } });
    plan.status = "ACTIVE";
    await log("plan.reopened", `Plan active again: the bank returned instalment ${sequenceText} (${money(payment.amountCents)})`);
  }
  const othersPaid = returned && (await tx.instalment.count({ where: { planId: plan.id, id: { not: instalment.id }, status: "PAID" } })) > 0;
  if (instalment.sequence === 1 && (plan.status === "PENDING" || previous === "PROCESSING" || (returned && !othersPaid))) {
    // No payment today, no plan: instalment 1 failed (an ACH debit returned after the plan had started).
    const wasActive = plan.status === "ACTIVE";
    await tx.plan.update({ where: { id: plan.id }, data: { status: "CANCELLED", cancelledAt: now(), cancelReason: `Instalment 1 did not go through: ${reason}` } });
    await tx.instalment.update({ where: { id: instalment.id }, data: { status: "FAILED", lastFailure: reason, nextAttemptOn: null } });
    await tx.instalment.updateMany({ where: { planId: plan.id, id: { not: instalment.id }, status: { in: ["SCHEDULED", "FAILED", "PROCESSING"] } }, data: { status: "CANCELLED" } });
    await withdrawDiscounts(tx, [payment.id], "the plan's first payment did not go through");
    await log("plan.cancelled", `Plan cancelled: instalment 1 (${money(payment.amountCents)}) did not go through: ${reason}`);
    if (wasActive)
      await sendPlanEnded(tx, plan.id, "cancelled", `your first instalment of ${money(payment.amountCents)} was returned by your bank (${reason.replace(/\.$/, "")}).`, (words) =>
        words.email.t("email.planEnded.returnedReason", { amount: words.money(payment.amountCents, payment.currency), reason: words.failure(payment, reason).replace(/[.。]$/, "") }),
      );
    return;
  }
  if (plan.status !== "ACTIVE") return;
  if (!payment.offSession && !returned) {
    // The customer's own attempt at an instalment (in the portal) failed: the schedule is unchanged.
    await tx.instalment.update({ where: { id: instalment.id }, data: { status: instalment.status === "PROCESSING" ? "FAILED" : instalment.status, lastFailure: reason } });
    await log("plan.instalment_failed", `A payment of ${money(payment.amountCents)} towards instalment ${sequenceText} failed: ${reason}`);
    return;
  }
  const policy = await getPlanPolicy(business.id, tx);
  const retriesUsed = instalment.attempts - 1;
  if (retriesUsed < policy.maxRetries) {
    const retryOn = addDays(day, policy.retryAfterDays);
    await tx.instalment.update({ where: { id: instalment.id }, data: { status: "FAILED", lastFailure: reason, nextAttemptOn: toDbDate(retryOn) } });
    await log("plan.instalment_failed", `Instalment ${sequenceText} (${money(payment.amountCents)}) failed: ${reason} Retry ${retriesUsed + 1} of ${policy.maxRetries} on ${formatDate(retryOn, "en-US", "long")}`);
    const link = await createPortalLink(tx, customer.id, business.portalLinkTtlDays);
    const words = customerWords(customer, business);
    await enqueueEmail(tx, {
      template: "instalment-failed",
      to: customer.email,
      businessId: business.id,
      customerId: customer.id,
      dedupeKey: `instalment-failed:${payment.id}`,
      props: {
        locale: words.locale,
        brand: brandOf(business),
        customerName: customer.name,
        amountText: words.money(payment.amountCents, plan.currency),
        methodText: payment.methodDetails ? words.method(payment) : words.portal.t("method.saved"),
        reason: words.failure({ method: payment.method, failureCode: payment.failureCode, failureMessage: reason }, reason),
        sequence: instalment.sequence,
        count: plan.instalmentCount,
        retry: { dateText: words.day(retryOn), last: retriesUsed + 1 === policy.maxRetries },
        planUrl: link.url,
      },
    });
    return;
  }
  await tx.instalment.update({ where: { id: instalment.id }, data: { status: "FAILED", lastFailure: reason, nextAttemptOn: null } });
  await defaultPlan(tx, plan.id, `instalment ${sequenceText} could not be charged after ${instalment.attempts} attempts (${reason.replace(/\.$/, "")}).`, (w) =>
    w.email.t("email.planEnded.defaultedReason", {
      sequence: instalment.sequence,
      attempts: instalment.attempts,
      reason: w.failure({ method: payment.method, failureCode: payment.failureCode, failureMessage: reason }, reason).replace(/[.。]$/, ""),
    }),
  );
}

/** A plan whose instalment failed its last retry: the rest is due at once and reminders resume. */
/** `customerReason`: the reason in the customer's email language, when Duely words it (the owner's own words are shown as written). */
export async function defaultPlan(tx: Tx, planId: string, reason: string, customerReason?: (words: CustomerWords) => string) {
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: planId }, include: { customer: { include: { business: true } }, invoices: { include: { invoice: true } }, instalments: true } });
  if (plan.status !== "ACTIVE") return;
  const { business } = plan.customer;
  const day = today(business.timeZone);
  await tx.plan.update({ where: { id: plan.id }, data: { status: "DEFAULTED", defaultedAt: now() } });
  await tx.instalment.updateMany({ where: { planId: plan.id, status: "SCHEDULED" }, data: { status: "CANCELLED" } });
  await tx.instalment.updateMany({ where: { planId: plan.id, status: "FAILED" }, data: { nextAttemptOn: null } });
  // An early-pay discount that came with the plan depended on the plan being paid in full.
  const first = await tx.payment.findFirst({ where: { instalment: { planId: plan.id, sequence: 1 } }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (first) await withdrawDiscounts(tx, [first.id], "the plan it came with was not completed");
  for (const { invoice } of plan.invoices) {
    const due = fromDbDate(invoice.dueDate);
    if (due > day) {
      await tx.invoice.update({ where: { id: invoice.id }, data: { dueDate: toDbDate(day) } });
      await logActivity(tx, { businessId: business.id, customerId: plan.customerId, invoiceId: invoice.id, actor: "SYSTEM", type: "invoice.due_date_changed", summary: `Due date moved from ${formatDate(due)} to ${formatDate(day)}: the plan for it defaulted`, data: { planId } });
    }
    await logActivity(tx, { businessId: business.id, customerId: plan.customerId, invoiceId: invoice.id, actor: "SYSTEM", type: "plan.defaulted", summary: `Plan defaulted: ${reason} The rest is due now and reminders resume.`, data: { planId } });
  }
  await sendPlanEnded(tx, plan.id, "defaulted", reason, customerReason);
}

/** An owner ends a plan: no further charges; the invoices go back to the normal reminder sequence. */
export async function cancelPlanByOwner(businessId: string, ownerId: string, planId: string, reason: string) {
  await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`select "id" from "Plan" where "id" = ${planId} and "businessId" = ${businessId} for update`;
    if (!locked) throw new Response("Not found", { status: 404 });
    const plan = await tx.plan.findUniqueOrThrow({ where: { id: planId }, include: { invoices: true } });
    if (plan.status !== "ACTIVE" && plan.status !== "PENDING") throw new PlanInputError("plan.error.already", { status: plan.status.toLowerCase() });
    const inFlight = await tx.instalment.count({ where: { planId, status: "PROCESSING" } });
    await tx.plan.update({ where: { id: planId }, data: { status: "CANCELLED", cancelledAt: now(), cancelReason: reason, cancelledById: ownerId } });
    await tx.instalment.updateMany({ where: { planId, status: { in: ["SCHEDULED", "FAILED"] } }, data: { status: "CANCELLED", nextAttemptOn: null } });
    await tx.payment.updateMany({ where: { instalment: { planId }, status: "PENDING", providerPaymentId: null }, data: { status: "CANCELED" } });
    for (const i of plan.invoices) {
      await logActivity(tx, { businessId, customerId: plan.customerId, invoiceId: i.invoiceId, actor: "OWNER", actorUserId: ownerId, type: "plan.cancelled", summary: `Plan cancelled by the owner: ${reason}${inFlight ? " (a charge already in flight still completes)" : ""}`, data: { planId } });
    }
    if (plan.status === "ACTIVE") await sendPlanEnded(tx, plan.id, "cancelled", reason.endsWith(".") ? reason : `${reason}.`);
  });
}

/** A one-off payment that pays off a plan's invoices (the customer paid the rest early) completes the plan. */
export async function completePlansPaidEarly(tx: Tx, invoiceIds: readonly string[]) {
  const plans = await tx.plan.findMany({ where: { status: "ACTIVE", invoices: { some: { invoiceId: { in: [...invoiceIds] } } } }, select: { id: true } });
  for (const p of plans) await completeIfPaid(tx, p.id);
}

/** A plan is complete when every instalment is paid, or nothing is left to pay on its invoices. */
export async function completeIfPaid(tx: Tx, planId: string) {
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: planId }, include: { instalments: true, invoices: true, customer: { include: { business: true } } } });
  if (plan.status !== "ACTIVE") return false;
  const allPaid = plan.instalments.every((i) => i.status === "PAID" || i.status === "CANCELLED");
  const invoices = (await listCustomerInvoices(plan.customerId, today(plan.customer.business.timeZone), tx)).filter((i) => plan.invoices.some((p) => p.invoiceId === i.id));
  const left = invoices.reduce((s, i) => s + i.figures.balanceCents, 0);
  const inFlight = plan.instalments.some((i) => i.status === "PROCESSING");
  if (!allPaid && (left > 0 || inFlight)) return false;
  await tx.plan.update({ where: { id: planId }, data: { status: "COMPLETED", completedAt: now() } });
  await tx.instalment.updateMany({ where: { planId, status: { in: ["SCHEDULED", "FAILED"] } }, data: { status: "CANCELLED", nextAttemptOn: null } });
  for (const i of plan.invoices) {
    await logActivity(tx, { businessId: plan.businessId, customerId: plan.customerId, invoiceId: i.invoiceId, actor: "SYSTEM", type: "plan.completed", summary: allPaid ? "Plan completed: every instalment paid" : "Plan completed: the invoices were paid in full early", data: { planId } });
  }
  return true;
}

async function sendPlanConfirmation(tx: Tx, planId: string) {
  const plan = await tx.plan.findUniqueOrThrow({
    where: { id: planId },
    include: { instalments: { orderBy: { sequence: "asc" } }, paymentMethod: true, invoices: { include: { invoice: { select: { number: true } } } }, customer: { include: { business: true } } },
  });
  const { customer } = plan;
  const { business } = customer;
  const method = onlineMethodOf(plan.paymentMethod?.type);
  const pricing = { cardSurchargeBps: business.cardSurchargeBps, achDiscountBps: business.achDiscountBps };
  const words = customerWords(customer, business);
  const money = (c: number) => words.money(c, plan.currency);
  const charges = plan.instalments.map((i) => ({ i, total: instalmentCharge(i, method, pricing).totalCents }));
  const link = await createPortalLink(tx, customer.id, business.portalLinkTtlDays);
  await enqueueEmail(tx, {
    template: "plan-confirmation",
    to: customer.email,
    businessId: business.id,
    customerId: customer.id,
    dedupeKey: `plan-confirmation:${plan.id}`,
    props: {
      locale: words.locale,
      brand: brandOf(business),
      customerName: customer.name,
      invoiceNumbers: plan.invoices.map((i) => i.invoice.number).join(", "),
      methodText: words.savedMethod(plan.paymentMethod),
      schedule: charges.map(({ i, total }) => ({ dateText: words.day(fromDbDate(i.dueDate)), value: money(total), paid: i.sequence === 1 && i.status === "PAID" })),
      totalText: money(charges.reduce((s, c) => s + c.total, 0)),
      feeText: plan.feeCents > 0 ? money(plan.feeCents) : null,
      termsText: plan.termsText,
      planUrl: link.url,
    },
  });
}

async function sendPlanEnded(tx: Tx, planId: string, outcome: "defaulted" | "cancelled", reason: string, customerReason?: (words: CustomerWords) => string) {
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: planId }, include: { invoices: { include: { invoice: { select: { number: true } } } }, customer: { include: { business: true } } } });
  const { customer } = plan;
  const { business } = customer;
  const invoices = (await listCustomerInvoices(customer.id, today(business.timeZone), tx)).filter((i) => plan.invoices.some((p) => p.invoiceId === i.id));
  const link = await createPortalLink(tx, customer.id, business.portalLinkTtlDays);
  const words = customerWords(customer, business);
  await enqueueEmail(tx, {
    template: "plan-ended",
    to: customer.email,
    businessId: business.id,
    customerId: customer.id,
    dedupeKey: `plan-ended:${plan.id}`,
    props: {
      locale: words.locale,
      brand: brandOf(business),
      customerName: customer.name,
      invoiceNumbers: plan.invoices.map((i) => i.invoice.number).join(", "),
      outcome,
      reason: customerReason ? customerReason(words) : reason,
      balanceText: words.money(invoices.reduce((s, i) => s + i.figures.dueNowCents, 0), plan.currency),
      portalUrl: link.url,
    },
  });
}

/** Whether an error from the database is the unique index that allows one payment per instalment attempt. */
export function isDuplicateAttempt(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export { PaymentInputError };
