import Stripe from "stripe";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { idempotencyKeyFor, SepaInputError, type CreateIntentInput, type GatewayRefund, type GatewayCustomer, type OffSessionChargeInput, type PaymentGateway } from "./gateway.server";

/** The real Stripe SDK. Host and port can point it at a local server for tests (STRIPE_API_BASE). */
export function createStripeClient(secretKey: string) {
  const base = process.env.STRIPE_API_BASE ? new URL(process.env.STRIPE_API_BASE) : null;
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Duely payment portal" },
    ...(base ? { host: base.hostname, port: Number(base.port), protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
  });
}

async function ensureStripeCustomer(stripe: Stripe, customer: GatewayCustomer) {
  if (customer.stripeCustomerId) return customer.stripeCustomerId;
  const created = await stripe.customers.create(
    { email: customer.email, name: customer.name, metadata: { customerId: customer.id } },
    { idempotencyKey: `customer_${customer.id}` },
  );
  await db.customer.update({ where: { id: customer.id }, data: { stripeCustomerId: created.id } });
  return created.id;
}

function methodTypes(method: CreateIntentInput["method"]): Stripe.PaymentIntentCreateParams.AllowedPaymentMethodType[] {
  return method === "CARD" ? ["card"] : method === "SEPA_DEBIT" ? ["sepa_debit"] : ["us_bank_account"];
}

/** The mandate of a SEPA debit's charge (Stripe names it on the charge), with its reference. */
async function sepaMandateOf(stripe: Stripe, intentId: string) {
  const intent = await stripe.paymentIntents.retrieve(intentId, { expand: ["latest_charge"] });
  const charge = typeof intent.latest_charge === "object" ? intent.latest_charge : null;
  const mandateId = charge?.payment_method_details?.sepa_debit?.mandate ?? null;
  if (!mandateId) return { providerMandateId: null, reference: null };
  const mandate = await stripe.mandates.retrieve(mandateId);
  return { providerMandateId: mandate.id, reference: mandate.payment_method_details.sepa_debit?.reference ?? null };
}

export function createStripeGateway(secretKey: string): PaymentGateway {
  const stripe = createStripeClient(secretKey);
  return {
    name: "stripe",
    testMode: secretKey.startsWith("sk_test_") || secretKey.startsWith("rk_test_"),

    async createPaymentIntent(input) {
      const stripeCustomer = await ensureStripeCustomer(stripe, input.customer);
      const intent = await stripe.paymentIntents.create(
        {
          amount: input.amountCents,
          currency: input.currency.toLowerCase(),
          customer: stripeCustomer,
          description: input.description,
          allowed_payment_method_types: methodTypes(input.method),
          ...(input.method === "US_BANK_ACCOUNT"
            ? { payment_method_options: { us_bank_account: { verification_method: "automatic" } } }
            : {}),
          ...(input.savePaymentMethod ? { setup_future_usage: "off_session" as const } : {}),
          metadata: { ...input.metadata, paymentId: input.paymentId, ...(input.savePaymentMethod ? { savePaymentMethod: "true" } : {}) },
        },
        { idempotencyKey: idempotencyKeyFor(input.paymentId) },
      );
      return { providerPaymentId: intent.id, clientSecret: intent.client_secret, providerCustomerId: stripeCustomer };
    },

    async chargeOffSession(input: OffSessionChargeInput) {
      const stripeCustomer = await ensureStripeCustomer(stripe, input.customer);
      const create = () => stripe.paymentIntents.create(
        {
          amount: input.amountCents,
          currency: input.currency.toLowerCase(),
          customer: stripeCustomer,
          description: input.description,
          payment_method: input.providerPaymentMethodId,
          allowed_payment_method_types: methodTypes(input.method),
          off_session: true,
          confirm: true,
          metadata: { ...input.metadata, paymentId: input.paymentId },
        },
        { idempotencyKey: idempotencyKeyFor(input.paymentId, "off-session") },
      );
      try {
        const intent = await create();
        return { providerPaymentId: intent.id, clientSecret: null, providerCustomerId: stripeCustomer };
      } catch (error) {
        // A declined off-session charge is an answer, not an error: the intent exists, and its
        // payment_intent.payment_failed event carries the outcome.
        const declined = error instanceof Stripe.errors.StripeCardError ? error.payment_intent : undefined;
        if (declined?.id) return { providerPaymentId: declined.id, clientSecret: null, providerCustomerId: stripeCustomer };
        throw error;
      }
    },

    async confirmSepaDebit(input) {
      // The IBAN goes to Stripe as a payment method, and the intent is confirmed with the customer's acceptance of
      // the mandate (mandate_data), as Stripe's API takes it when the page collects the IBAN and shows the mandate.
      let pm: Stripe.PaymentMethod;
      try {
        pm = await stripe.paymentMethods.create(
          { type: "sepa_debit", sepa_debit: { iban: input.iban }, billing_details: { name: input.holderName, email: input.email } },
          { idempotencyKey: idempotencyKeyFor(input.paymentId, `sepa-method-${input.iban.slice(-4)}-${input.mandate.acceptedAt.getTime()}`) },
        );
      } catch (error) {
        if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) throw new SepaInputError("checkout.sepa.provider", { reason: error.message });
        throw error;
      }
      const confirmed = await stripe.paymentIntents.confirm(
        input.providerPaymentId,
        {
          payment_method: pm.id,
          mandate_data: {
            customer_acceptance: {
              type: "online",
              accepted_at: Math.floor(input.mandate.acceptedAt.getTime() / 1000),
              online: { ip_address: input.mandate.ipAddress, user_agent: input.mandate.userAgent },
            },
          },
        },
        { idempotencyKey: idempotencyKeyFor(input.paymentId, `sepa-confirm-${pm.id}`) },
      );
      return sepaMandateOf(stripe, confirmed.id);
    },

    async createSetupIntent(input) {
      const stripeCustomer = await ensureStripeCustomer(stripe, input.customer);
      const setup = await stripe.setupIntents.create(
        { customer: stripeCustomer, usage: "off_session", allowed_payment_method_types: methodTypes(input.method) as Stripe.SetupIntentCreateParams.AllowedPaymentMethodType[], metadata: { ...input.metadata, setupId: input.setupId } },
        { idempotencyKey: `setup_${input.setupId}` },
      );
      return { providerSetupId: setup.id, clientSecret: setup.client_secret };
    },

    retrievePaymentIntent(id) {
      return stripe.paymentIntents.retrieve(id, { expand: ["payment_method"] });
    },

    async cancelPaymentIntent(id, paymentId, attempt) {
      await stripe.paymentIntents.cancel(id, { cancellation_reason: "abandoned" }, { idempotencyKey: idempotencyKeyFor(paymentId, attempt ? `cancel_${attempt}` : "cancel") });
    },

    async createRefund(input) {
      const refund = await stripe.refunds.create(
        { payment_intent: input.providerPaymentId, amount: input.amountCents, reason: "requested_by_customer", metadata: { refundId: input.refundId, paymentId: input.paymentId } },
        { idempotencyKey: input.idempotencyKey },
      );
      return { providerRefundId: refund.id, status: (refund.status ?? "pending") as GatewayRefund["status"], failureReason: refund.failure_reason ?? null };
    },
  };
}

/** Verifies a webhook's signature and returns the event; throws on a bad or stale signature. */
export function verifyStripeWebhook(rawBody: string, signature: string | null): Stripe.Event {
  const { STRIPE_WEBHOOK_SECRET, STRIPE_SECRET_KEY } = getEnv();
  if (!STRIPE_WEBHOOK_SECRET || !STRIPE_SECRET_KEY) throw new Error("Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET).");
  if (!signature) throw new Error("Missing Stripe-Signature header.");
  return createStripeClient(STRIPE_SECRET_KEY).webhooks.constructEvent(rawBody, signature, STRIPE_WEBHOOK_SECRET);
}

/**
 * Webhook events carry a payment method as an id; saving it for a plan needs its details. This fetches the
 * object with the method expanded, for the events that save one (a plan's first payment, a new plan method).
 */
export async function withExpandedPaymentMethod(event: Stripe.Event): Promise<Stripe.Event> {
  const { STRIPE_SECRET_KEY } = getEnv();
  if (!STRIPE_SECRET_KEY) return event;
  const object = event.data.object as { id: string; object: string; payment_method?: unknown; metadata?: Record<string, string> | null };
  if (typeof object.payment_method !== "string") return event;
  const stripe = createStripeClient(STRIPE_SECRET_KEY);
  if (object.object === "setup_intent" && event.type === "setup_intent.succeeded" && object.metadata?.planId) {
    const setup = await stripe.setupIntents.retrieve(object.id, { expand: ["payment_method"] });
    return withObject(event, { ...object, payment_method: setup.payment_method });
  }
  if (object.object === "payment_intent" && object.metadata?.savePaymentMethod === "true") {
    const pm = await stripe.paymentMethods.retrieve(object.payment_method);
    return withObject(event, { ...object, payment_method: pm });
  }
  return event;
}

function withObject(event: Stripe.Event, object: object): Stripe.Event {
  const copy: Record<string, unknown> = { ...event, data: { ...event.data, object } };
  return copy as unknown as Stripe.Event;
}
