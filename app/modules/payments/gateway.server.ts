// One interface for taking payments, with two implementations: Stripe (when keys are configured) and an
// offline simulator that behaves like Stripe test mode. Both speak Stripe's object shapes, and both feed
// their events to the same handler (events.server.ts). See docs/decisions/007-payment-gateways.md.
import { TranslatedError } from "~/modules/i18n/errors";
import type Stripe from "stripe";
import { getEnv } from "~/utils/env.server";
import type { OnlineMethod } from "./pricing";

export type GatewayName = "stripe" | "simulator";

export type GatewayCustomer = { id: string; email: string; name: string; stripeCustomerId: string | null };

export type CreateIntentInput = {
  paymentId: string;
  amountCents: number;
  currency: string;
  method: OnlineMethod;
  customer: GatewayCustomer;
  description: string;
  /** Keep the payment method for later off-session charges (plan instalments). ACH also records a mandate. */
  savePaymentMethod: boolean;
  metadata: Record<string, string>;
};

export type CreatedIntent = { providerPaymentId: string; clientSecret: string | null; providerCustomerId: string | null };

export type OffSessionChargeInput = Omit<CreateIntentInput, "savePaymentMethod"> & { providerPaymentMethodId: string };

export type SetupInput = { setupId: string; method: OnlineMethod; customer: GatewayCustomer; metadata: Record<string, string> };

/** A SEPA debit confirmed from the portal's IBAN form: the account, and the mandate as the customer accepted it. */
export type SepaConfirmInput = {
  paymentId: string;
  providerPaymentId: string;
  customer: GatewayCustomer;
  iban: string;
  holderName: string;
  email: string;
  /** Saved for the plan's later debits: the mandate is then multi-use. */
  savePaymentMethod: boolean;
  mandate: { acceptedAt: Date; ipAddress: string; userAgent: string };
};

export type ConfirmedSepa = { providerMandateId: string | null; reference: string | null };

export type RefundInput = { refundId: string; paymentId: string; providerPaymentId: string; amountCents: number; currency: string; idempotencyKey: string };
export type GatewayRefund = { providerRefundId: string; status: "pending" | "succeeded" | "failed" | "canceled" | "requires_action"; failureReason: string | null };

export interface PaymentGateway {
  readonly name: GatewayName;
  /** True when no real money moves (the simulator, or Stripe test keys). */
  readonly testMode: boolean;
  /** Creates a PaymentIntent; repeated calls for the same payment return the same intent. */
  createPaymentIntent(input: CreateIntentInput): Promise<CreatedIntent>;
  /** Charges a saved payment method without the customer present (instalments). */
  chargeOffSession(input: OffSessionChargeInput): Promise<CreatedIntent>;
  retrievePaymentIntent(providerPaymentId: string): Promise<Stripe.PaymentIntent>;
  /**
   * Confirms a SEPA debit with the customer's IBAN and their acceptance of the mandate (Stripe's mandate_data); the
   * debit is then processing, and its outcome arrives as events. Refused at once (SepaInputError) if the account is.
   */
  confirmSepaDebit(input: SepaConfirmInput): Promise<ConfirmedSepa>;
  /** Starts saving a new payment method for off-session use (a plan's new card or bank account): a SetupIntent. */
  createSetupIntent(input: SetupInput): Promise<{ providerSetupId: string; clientSecret: string | null }>;
  /** Cancels an unconfirmed intent, so that it can no longer be paid (an expired discount). */
  /** `attempt` names a later try (its own idempotency key); without it the payment's one cancel key is used. */
  cancelPaymentIntent(providerPaymentId: string, paymentId: string, attempt?: string): Promise<void>;
  /** Gives money back on a succeeded payment; the same idempotency key always means the same one refund. */
  createRefund(input: RefundInput): Promise<GatewayRefund>;
}

/** The gateway would not take these bank details: the customer is told why and can correct them. */
/** A refused SEPA debit's details, said in the customer's language where it is shown (message keys). */
export class SepaInputError extends TranslatedError {}

/** The idempotency key of every gateway call for a payment: derived from the payment's own id. */
export function idempotencyKeyFor(paymentId: string, operation = "create") {
  return `payment_${paymentId}_${operation}`;
}

let cached: { key: string; gateway: Promise<PaymentGateway> } | undefined;

export function getGateway(): Promise<PaymentGateway> {
  const env = getEnv();
  const key = env.STRIPE_SECRET_KEY ?? "simulator";
  if (!cached || cached.key !== key) {
    cached = {
      key,
      gateway: env.STRIPE_SECRET_KEY
        ? import("./stripe-gateway.server").then((m) => m.createStripeGateway(env.STRIPE_SECRET_KEY!))
        : import("./simulator.server").then((m) => m.simulatorGateway),
    };
  }
  return cached.gateway;
}

export function gatewayName(): GatewayName {
  return getEnv().STRIPE_SECRET_KEY ? "stripe" : "simulator";
}
