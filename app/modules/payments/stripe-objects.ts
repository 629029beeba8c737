// Stripe API objects as Stripe shapes them (checked against Stripe's own fixtures by
// `npm run check:stripe-shapes`). The simulator answers with these, and so does the local stand-in
// for Stripe's API that the integration tests point the real SDK at.
import crypto from "node:crypto";
import type Stripe from "stripe";

export function stripeId(prefix: string) {
  return `${prefix}_${crypto.randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

export type MethodType = "card" | "us_bank_account" | "sepa_debit";

/** The Stripe payment method type of one of our online methods. */
export function stripeMethodType(method: string): MethodType {
  return method === "SEPA_DEBIT" ? "sepa_debit" : method === "US_BANK_ACCOUNT" ? "us_bank_account" : "card";
}

const METHOD_OPTIONS: Record<MethodType, object> = {
  card: { card: { request_three_d_secure: "automatic" } },
  us_bank_account: { us_bank_account: { verification_method: "automatic" } },
  sepa_debit: { sepa_debit: {} },
};

export type IntentFields = {
  id: string;
  amount: number;
  currency: string;
  customer: string | null;
  status: Stripe.PaymentIntent.Status;
  methodType: MethodType;
  created: Date;
  metadata: Record<string, string>;
  description?: string | null;
  paymentMethod?: Stripe.PaymentMethod | string | null;
  lastPaymentError?: Stripe.PaymentIntent.LastPaymentError | null;
  setupFutureUsage?: "off_session" | null;
};

export function paymentIntentObject(f: IntentFields): Stripe.PaymentIntent {
  const succeeded = f.status === "succeeded";
  return {
    id: f.id,
    object: "payment_intent",
    amount: f.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: succeeded ? f.amount : 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: f.status === "canceled" ? seconds(new Date()) : null,
    cancellation_reason: null,
    capture_method: "automatic",
    client_secret: `${f.id}_secret_${crypto.randomBytes(12).toString("hex")}`,
    confirmation_method: "automatic",
    created: seconds(f.created),
    currency: f.currency.toLowerCase(),
    customer: f.customer,
    customer_account: null,
    description: f.description ?? null,
    excluded_payment_method_types: null,
    last_payment_error: f.lastPaymentError ?? null,
    latest_charge: succeeded || f.status === "processing" ? stripeId("ch") : null,
    livemode: false,
    managed_payments: { enabled: false },
    metadata: f.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: f.paymentMethod ?? null,
    payment_method_configuration_details: null,
    payment_method_options: METHOD_OPTIONS[f.methodType],
    payment_method_types: [f.methodType],
    processing: f.status === "processing" ? { type: f.methodType } : null,
    receipt_email: null,
    review: null,
    setup_future_usage: f.setupFutureUsage ?? null,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: f.status,
    transfer_data: null,
    transfer_group: null,
  } as unknown as Stripe.PaymentIntent;
}

export type MethodFields =
  | { type: "card"; id?: string; brand: string; last4: string; expMonth: number; expYear: number; customer: string | null; name?: string | null }
  | { type: "us_bank_account"; id?: string; bankName: string; last4: string; routingNumber: string; customer: string | null; name?: string | null }
  | { type: "sepa_debit"; id?: string; country: string; bankCode: string; branchCode: string; last4: string; fingerprintOf: string; customer: string | null; name: string; email: string };

/** Stripe's fingerprint of an account: the same account always gives the same one, and it reveals nothing of it. */
export function accountFingerprint(account: string) {
  return crypto.createHash("sha256").update(account).digest("base64url").slice(0, 16);
}

export function paymentMethodObject(f: MethodFields): Stripe.PaymentMethod {
  const common = {
    id: f.id ?? stripeId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
      email: f.type === "sepa_debit" ? f.email : null,
      name: f.name ?? null,
      phone: null,
      tax_id: null,
    },
    created: seconds(new Date()),
    customer: f.customer,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: f.type,
  };
  if (f.type === "sepa_debit") {
    return {
      ...common,
      sepa_debit: {
        bank_code: f.bankCode,
        branch_code: f.branchCode,
        country: f.country,
        fingerprint: accountFingerprint(f.fingerprintOf),
        generated_from: { charge: null, setup_attempt: null },
        last4: f.last4,
      },
    } as unknown as Stripe.PaymentMethod;
  }
  if (f.type === "card") {
    return {
      ...common,
      card: {
        brand: f.brand,
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
        country: "US",
        display_brand: f.brand,
        exp_month: f.expMonth,
        exp_year: f.expYear,
        fingerprint: crypto.createHash("sha256").update(`${f.brand}${f.last4}`).digest("base64url").slice(0, 16),
        funding: "credit",
        generated_from: null,
        last4: f.last4,
        networks: { available: [f.brand], preferred: null },
        regulated_status: "unregulated",
        three_d_secure_usage: { supported: true },
        wallet: null,
      },
    } as unknown as Stripe.PaymentMethod;
  }
  return {
    ...common,
    us_bank_account: {
      account_holder_type: "individual",
      account_type: "checking",
      bank_name: f.bankName,
      financial_connections_account: null,
      fingerprint: crypto.createHash("sha256").update(`${f.routingNumber}${f.last4}`).digest("base64url").slice(0, 16),
      last4: f.last4,
      networks: { preferred: "ach", supported: ["ach"] },
      routing_number: f.routingNumber,
      status_details: {},
    },
  } as unknown as Stripe.PaymentMethod;
}

export type MandateFields = {
  id: string;
  paymentMethod: string;
  reference: string;
  acceptedAt: Date;
  ipAddress: string;
  userAgent: string;
  multiUse: boolean;
  amount: number;
  currency: string;
};

/** A SEPA Direct Debit mandate as Stripe shapes it: the customer's online acceptance, and its reference. */
export function mandateObject(f: MandateFields): Stripe.Mandate {
  return {
    id: f.id,
    object: "mandate",
    customer_acceptance: { accepted_at: seconds(f.acceptedAt), online: { ip_address: f.ipAddress, user_agent: f.userAgent }, type: "online" },
    livemode: false,
    ...(f.multiUse ? { multi_use: {} } : { single_use: { amount: f.amount, currency: f.currency.toLowerCase() } }),
    payment_method: f.paymentMethod,
    payment_method_details: { sepa_debit: { reference: f.reference, url: "" }, type: "sepa_debit" },
    status: "active",
    type: f.multiUse ? "multi_use" : "single_use",
  } as unknown as Stripe.Mandate;
}

export function customerObject(f: { id?: string; email: string | null; name: string | null; metadata?: Record<string, string> }): Stripe.Customer {
  return {
    id: f.id ?? stripeId("cus"),
    object: "customer",
    address: null,
    balance: 0,
    created: seconds(new Date()),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: f.email,
    invoice_prefix: crypto.randomBytes(4).toString("hex").toUpperCase().slice(0, 7),
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    metadata: f.metadata ?? {},
    name: f.name,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: "none",
    test_clock: null,
  } as unknown as Stripe.Customer;
}

export function eventObject(f: { id?: string; type: string; object: unknown; created: Date }): Stripe.Event {
  return {
    id: f.id ?? stripeId("evt"),
    object: "event",
    api_version: null,
    created: seconds(f.created),
    data: { object: f.object },
    livemode: false,
    pending_webhooks: 0,
    request: { id: null, idempotency_key: null },
    type: f.type,
  } as unknown as Stripe.Event;
}

export type RefundFields = {
  id: string;
  amount: number;
  currency: string;
  paymentIntent: string;
  status: "pending" | "succeeded" | "failed" | "canceled";
  created: Date;
  metadata: Record<string, string>;
  methodType: MethodType;
  failureReason?: string | null;
};

const REFUND_DESTINATIONS: Record<MethodType, object> = {
  card: { card: { type: "refund" }, type: "card" },
  us_bank_account: { type: "us_bank_transfer", us_bank_transfer: { reference: null, reference_status: "pending" } },
  sepa_debit: { type: "sepa_bank_transfer", sepa_bank_transfer: { reference: null, reference_status: "pending" } },
};

export function refundObject(f: RefundFields): Stripe.Refund {
  return {
    id: f.id,
    object: "refund",
    amount: f.amount,
    balance_transaction: null,
    charge: null,
    created: seconds(f.created),
    currency: f.currency.toLowerCase(),
    destination_details: REFUND_DESTINATIONS[f.methodType],
    metadata: f.metadata,
    payment_intent: f.paymentIntent,
    reason: "requested_by_customer",
    receipt_number: null,
    source_transfer_reversal: null,
    status: f.status,
    transfer_reversal: null,
    ...(f.status === "failed" ? { failure_reason: f.failureReason ?? "unknown" } : {}),
    customer: null,
    customer_account: null,
    payment_method: null,
  } as unknown as Stripe.Refund;
}

export type DisputeFields = {
  id: string;
  amount: number;
  currency: string;
  paymentIntent: string;
  charge: string;
  status: Stripe.Dispute.Status;
  reason: string;
  created: Date;
  evidenceDueBy: Date | null;
  methodType: MethodType;
  /** Stripe's dispute fee, withdrawn with the disputed amount (and given back when Stripe reinstates it). */
  feeCents: number;
  /** Whether the funds have been returned to the business (a dispute won): a second balance transaction. */
  reinstated?: boolean;
};

/** A dispute (chargeback or inquiry) as Stripe shapes it, with the balance transactions that carry its fee. */
export function disputeObject(f: DisputeFields): Stripe.Dispute {
  const inquiry = f.status.startsWith("warning_");
  const tx = (amount: number, fee: number, type: string) => ({
    id: stripeId("txn"),
    object: "balance_transaction",
    amount,
    available_on: seconds(f.created),
    balance_type: "payments",
    created: seconds(f.created),
    currency: f.currency.toLowerCase(),
    description: `Chargeback ${type === "adjustment" ? "withdrawal" : "reversal"} for ${f.charge}`,
    exchange_rate: null,
    fee,
    fee_details: fee !== 0 ? [{ amount: fee, application: null, currency: f.currency.toLowerCase(), description: "Dispute fee", type: "stripe_fee" }] : [],
    net: amount - fee,
    reporting_category: "dispute",
    source: f.id,
    status: "available",
    type,
  });
  const transactions = inquiry ? [] : [tx(-f.amount, f.feeCents, "adjustment"), ...(f.reinstated ? [tx(f.amount, 0, "adjustment")] : [])];
  return {
    id: f.id,
    object: "dispute",
    amount: f.amount,
    balance_transactions: transactions,
    charge: f.charge,
    created: seconds(f.created),
    currency: f.currency.toLowerCase(),
    evidence: {
      access_activity_log: null,
      billing_address: null,
      cancellation_policy: null,
      cancellation_policy_disclosure: null,
      cancellation_rebuttal: null,
      customer_communication: null,
      customer_email_address: null,
      customer_name: null,
      customer_purchase_ip: null,
      customer_signature: null,
      duplicate_charge_documentation: null,
      duplicate_charge_explanation: null,
      duplicate_charge_id: null,
      product_description: null,
      receipt: null,
      refund_policy: null,
      refund_policy_disclosure: null,
      refund_refusal_explanation: null,
      service_date: null,
      service_documentation: null,
      shipping_address: null,
      shipping_carrier: null,
      shipping_date: null,
      shipping_documentation: null,
      shipping_tracking_number: null,
      uncategorized_file: null,
      uncategorized_text: null,
      enhanced_evidence: {},
    },
    evidence_details: {
      due_by: f.evidenceDueBy ? seconds(f.evidenceDueBy) : null,
      has_evidence: false,
      past_due: false,
      submission_count: 0,
      enhanced_eligibility: {},
    },
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: f.paymentIntent,
    payment_method_details:
      f.methodType === "card"
        ? { card: { brand: "visa", case_type: inquiry ? "inquiry" : "chargeback", network_reason_code: f.reason === "fraudulent" ? "10.4" : "13.1", network: "visa" }, type: "card" }
        : { type: f.methodType, [f.methodType]: {} },
    reason: f.reason,
    status: f.status,
    enhanced_eligibility_types: [],
  } as unknown as Stripe.Dispute;
}

export type ChargeFields = {
  id: string;
  amount: number;
  currency: string;
  paymentIntent: string;
  status: "succeeded" | "pending" | "failed";
  created: Date;
  failureCode?: string | null;
  failureMessage?: string | null;
  bankName: string;
  last4: string;
  /** A SEPA debit's charge: its account's country and codes, and the mandate it was made under. */
  sepa?: { country: string; bankCode: string; branchCode: string; fingerprintOf: string; mandate: string | null };
};

/** A bank debit's charge as Stripe shapes it (the simulator sends one with charge.failed when the bank returns a debit). */
export function bankChargeObject(f: ChargeFields): Stripe.Charge {
  const failed = f.status === "failed";
  return {
    id: f.id,
    object: "charge",
    amount: f.amount,
    amount_captured: f.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: stripeId("txn"),
    billing_details: { address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null }, email: null, name: null, phone: null, tax_id: null },
    calculated_statement_descriptor: null,
    captured: true,
    created: seconds(f.created),
    currency: f.currency.toLowerCase(),
    customer: null,
    description: null,
    disputed: false,
    failure_balance_transaction: failed ? stripeId("txn") : null,
    failure_code: failed ? (f.failureCode ?? "generic_decline") : null,
    failure_message: failed ? (f.failureMessage ?? "The payment was returned.") : null,
    fraud_details: {},
    livemode: false,
    metadata: {},
    on_behalf_of: null,
    outcome: { advice_code: null, network_advice_code: null, network_decline_code: null, network_status: failed ? "declined_by_network" : "approved_by_network", reason: null, seller_message: failed ? "The bank returned this payment." : "Payment complete.", type: failed ? "issuer_declined" : "authorized" },
    paid: !failed,
    payment_intent: f.paymentIntent,
    payment_method: stripeId("pm"),
    payment_method_details: f.sepa
      ? {
          type: "sepa_debit",
          sepa_debit: { bank_code: f.sepa.bankCode, branch_code: f.sepa.branchCode, country: f.sepa.country, expected_debit_date: null, fingerprint: accountFingerprint(f.sepa.fingerprintOf), last4: f.last4, mandate: f.sepa.mandate },
        }
      : {
          type: "us_bank_account",
          us_bank_account: { account_holder_type: "individual", account_type: "checking", bank_name: f.bankName, fingerprint: crypto.randomBytes(8).toString("hex"), last4: f.last4, mandate: null, payment_reference: null, routing_number: "110000000" },
        },
    receipt_email: null,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: { data: [], has_more: false, object: "list", url: `/v1/charges/${f.id}/refunds` },
    review: null,
    shipping: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: f.status,
    transfer_data: null,
    transfer_group: null,
    source: null,
  } as unknown as Stripe.Charge;
}
