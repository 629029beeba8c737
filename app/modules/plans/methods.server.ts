// Changing the card or bank account a plan charges: Stripe saves it with a SetupIntent (the simulator
// checks it the way Stripe would); a missed instalment is then retried with the new method at the next run.
import crypto from "node:crypto";
import type Stripe from "stripe";
import { logActivity } from "~/modules/activity/activity.server";
import { getGateway } from "~/modules/payments/gateway.server";
import type { OnlineMethod } from "~/modules/payments/pricing";
import { confirmSimulatedSetup, type BankDetails, type CardDetails } from "~/modules/payments/simulator.server";
import { today } from "~/utils/clock.server";
import { toDbDate } from "~/modules/dates/calendar";
import { db, type Tx } from "~/utils/db.server";
import { attachMethodToPlan, describeSavedMethod, PlanInputError } from "./plans.server";

async function activePlanOf(customerId: string, planId: string, client: Tx | typeof db = db) {
  const plan = await client.plan.findFirst({ where: { id: planId, customerId }, include: { customer: { include: { business: true } } } });
  if (!plan) throw new Response("Not found", { status: 404 });
  if (plan.status !== "ACTIVE") throw new PlanInputError("plan.error.ended");
  return plan;
}

/** For Stripe's Payment Element in setup mode: the SetupIntent's client secret. */
export async function startMethodChange(customerId: string, planId: string, method: OnlineMethod) {
  const plan = await activePlanOf(customerId, planId);
  const gateway = await getGateway();
  const { customer } = plan;
  return gateway.createSetupIntent({
    setupId: crypto.randomUUID(),
    method,
    customer: { id: customer.id, email: customer.email, name: customer.name, stripeCustomerId: customer.stripeCustomerId },
    metadata: { planId: plan.id, customerId: customer.id, businessId: plan.businessId },
  });
}

async function afterMethodChange(tx: Tx, planId: string, pm: Stripe.PaymentMethod, gateway: string, setupId: string | null) {
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: planId }, include: { customer: { include: { business: true } }, invoices: true } });
  const saved = await attachMethodToPlan(tx, plan, pm, gateway, setupId);
  const day = today(plan.customer.business.timeZone);
  const missed = await tx.instalment.updateMany({ where: { planId, status: "FAILED" }, data: { nextAttemptOn: toDbDate(day) } });
  for (const i of plan.invoices) {
    await logActivity(tx, {
      businessId: plan.businessId,
      customerId: plan.customerId,
      invoiceId: i.invoiceId,
      actor: "CUSTOMER",
      type: "plan.method_changed",
      summary: `Plan now charges ${describeSavedMethod(saved)}${missed.count ? "; the missed instalment is retried with it today" : ""}`,
      data: { planId },
    });
  }
  return saved;
}

/** Stripe's `setup_intent.succeeded` for a plan's new method (its payment_method expanded by the webhook route). */
export async function applySetupSucceeded(tx: Tx, setup: Stripe.SetupIntent, gateway: string) {
  const planId = setup.metadata?.planId;
  const pm = setup.payment_method;
  if (!planId || !pm || typeof pm === "string") return false;
  const plan = await tx.plan.findFirst({ where: { id: planId, customerId: setup.metadata?.customerId ?? "" } });
  if (!plan || plan.status !== "ACTIVE") return false;
  await afterMethodChange(tx, plan.id, pm, gateway, setup.id);
  return true;
}

/** The portal's test-mode form for a new card or bank account on a plan. */
export async function saveSimulatedPlanMethod(customerId: string, planId: string, details: { method: "CARD"; card: CardDetails } | { method: "US_BANK_ACCOUNT"; bank: BankDetails }) {
  await activePlanOf(customerId, planId);
  const pm = confirmSimulatedSetup(details);
  return db.$transaction((tx) => afterMethodChange(tx, planId, pm, "simulator", null));
}
