// `npm run check:stripe-shapes`: proves that every Stripe object this project makes up (the simulator's
// and the test stand-in's) has the fields and JSON types of Stripe's own fixture of the same object.
// Reads ../shared/reference/stripe/fixtures3.json (or the path given); never part of `npm test`,
// because a user's clone has no ../shared.
import fs from "node:fs";
import path from "node:path";
import { bankChargeObject, customerObject, disputeObject, eventObject, mandateObject, paymentIntentObject, paymentMethodObject, refundObject } from "../app/modules/payments/stripe-objects";

const fixturePath = process.argv[2] ?? path.resolve(import.meta.dirname, "../../shared/reference/stripe/fixtures3.json");
if (!fs.existsSync(fixturePath)) {
  console.error(`Stripe's fixtures are not at ${fixturePath}. Pass their path: npm run check:stripe-shapes -- /path/to/fixtures3.json`);
  process.exit(2);
}
const fixtures = (JSON.parse(fs.readFileSync(fixturePath, "utf8")) as { resources: Record<string, unknown> }).resources;

// Maps whose keys are the caller's (metadata) or one per payment method type: their keys are free.
const FREE_MAPS = new Set(["metadata", "payment_method_options"]);

// Stripe's fixture of an intent's last_payment_error shows only its `type`; the API's error object also has these
// (docs.stripe.com/api/errors), which a failed debit or decline carries.
const ERROR_OBJECT_FIELDS = new Set(["code", "decline_code", "doc_url", "message", "param", "payment_method", "payment_method_type"]);

const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

function compare(expected: unknown, actual: unknown, at: string, problems: string[], allowExtra: string[] = [], skip: string[] = []) {
  if (kind(expected) === "null" || kind(actual) === "null") return;
  if (kind(expected) !== kind(actual)) {
    problems.push(`${at}: Stripe has ${kind(expected)}, ours is ${kind(actual)}`);
    return;
  }
  if (kind(expected) === "array") {
    const [e] = expected as unknown[];
    const [a] = actual as unknown[];
    if (e !== undefined && a !== undefined) compare(e, a, `${at}[0]`, problems);
    return;
  }
  if (kind(expected) !== "object" || FREE_MAPS.has(at.split(".").at(-1) ?? "")) return;
  const exp = expected as Record<string, unknown>;
  const act = actual as Record<string, unknown>;
  for (const key of Object.keys(exp)) {
    if (skip.includes(key)) continue;
    if (!(key in act)) problems.push(`${at}.${key}: missing (Stripe has ${kind(exp[key])})`);
    else compare(exp[key], act[key], `${at}.${key}`, problems);
  }
  const errorObject = at.endsWith(".last_payment_error");
  for (const key of Object.keys(act)) if (!(key in exp) && !allowExtra.includes(key) && !(errorObject && ERROR_OBJECT_FIELDS.has(key))) problems.push(`${at}.${key}: not a field of Stripe's object`);
}

const card = paymentMethodObject({ type: "card", brand: "visa", last4: "4242", expMonth: 12, expYear: 2030, customer: "cus_123" });
const bank = paymentMethodObject({ type: "us_bank_account", bankName: "STRIPE TEST BANK", last4: "6789", routingNumber: "110000000", customer: "cus_123" });
const sepa = paymentMethodObject({ type: "sepa_debit", country: "DE", bankCode: "37040044", branchCode: "", last4: "3000", fingerprintOf: "DE89370400440532013000", customer: "cus_123", name: "Jenny Rosen", email: "jenny@example.com" });
const intent = (status: "requires_payment_method" | "processing" | "succeeded", methodType: "card" | "us_bank_account" | "sepa_debit") =>
  paymentIntentObject({ id: "pi_123", amount: 1099, currency: methodType === "sepa_debit" ? "eur" : "usd", customer: "cus_123", status, methodType, created: new Date(), metadata: { paymentId: "p" }, paymentMethod: { card, us_bank_account: bank, sepa_debit: sepa }[methodType] });
const sepaFailed = paymentIntentObject({
  id: "pi_124",
  amount: 1099,
  currency: "eur",
  customer: "cus_123",
  status: "requires_payment_method",
  methodType: "sepa_debit",
  created: new Date(),
  metadata: { paymentId: "p" },
  paymentMethod: sepa,
  lastPaymentError: { type: "invalid_request_error", code: "insufficient_funds", message: "The bank account has insufficient funds.", payment_method: sepa } as never,
});

const checks: { name: string; fixture: string; object: unknown; allowExtra?: string[]; skip?: string[] }[] = [
  { name: "payment_intent (card, succeeded)", fixture: "payment_intent", object: intent("succeeded", "card") },
  { name: "payment_intent (bank, processing)", fixture: "payment_intent", object: intent("processing", "us_bank_account") },
  { name: "payment_intent (requires_payment_method)", fixture: "payment_intent", object: intent("requires_payment_method", "card") },
  { name: "payment_intent (sepa_debit, processing)", fixture: "payment_intent", object: intent("processing", "sepa_debit") },
  { name: "payment_intent (sepa_debit, succeeded)", fixture: "payment_intent", object: intent("succeeded", "sepa_debit") },
  { name: "payment_intent (sepa_debit, failed: requires_payment_method with last_payment_error)", fixture: "payment_intent", object: sepaFailed },
  { name: "payment_method (card)", fixture: "payment_method", object: card },
  // Stripe's payment_method fixture is a card: a SEPA debit's carries sepa_debit (bank_code, branch_code, country, fingerprint, generated_from, last4).
  { name: "payment_method (sepa_debit)", fixture: "payment_method", object: sepa, allowExtra: ["sepa_debit"], skip: ["card"] },
  {
    name: "mandate (sepa_debit, single use)",
    fixture: "mandate",
    object: mandateObject({ id: "mandate_1", paymentMethod: "pm_1", reference: "ABCDEFGH23456789", acceptedAt: new Date(), ipAddress: "127.0.0.1", userAgent: "device", multiUse: false, amount: 1099, currency: "eur" }),
    // Stripe's fixture is a multi-use mandate: a single-use one has single_use (amount, currency) in its place.
    allowExtra: ["single_use"],
    skip: ["multi_use"],
  },
  {
    name: "mandate (sepa_debit, multi use)",
    fixture: "mandate",
    object: mandateObject({ id: "mandate_2", paymentMethod: "pm_1", reference: "ABCDEFGH23456789", acceptedAt: new Date(), ipAddress: "127.0.0.1", userAgent: "device", multiUse: true, amount: 1099, currency: "eur" }),
  },
  { name: "payment_method (us_bank_account)", fixture: "payment_method", object: bank, allowExtra: ["us_bank_account"], skip: ["card"] },
  { name: "refund (card, succeeded)", fixture: "refund", object: refundObject({ id: "re_1", amount: 500, currency: "usd", paymentIntent: "pi_1", status: "succeeded", created: new Date(), metadata: { refundId: "r" }, methodType: "card" }) },
  {
    name: "refund (bank, failed)",
    fixture: "refund",
    object: refundObject({ id: "re_2", amount: 500, currency: "usd", paymentIntent: "pi_1", status: "failed", created: new Date(), metadata: {}, methodType: "us_bank_account", failureReason: "declined" }),
    // Stripe's refund fixture is a card refund without a failure: failure_reason and a bank transfer's
    // destination_details (type us_bank_transfer) are Stripe's own fields for the other cases.
    allowExtra: ["failure_reason"],
    skip: ["destination_details"],
  },
  {
    name: "dispute (card chargeback)",
    fixture: "dispute",
    object: disputeObject({ id: "dp_1", amount: 500, currency: "usd", paymentIntent: "pi_1", charge: "ch_1", status: "needs_response", reason: "fraudulent", created: new Date(), evidenceDueBy: new Date(), methodType: "card", feeCents: 1500 }),
  },
  {
    name: "dispute (card, won and reinstated)",
    fixture: "dispute",
    object: disputeObject({ id: "dp_2", amount: 500, currency: "usd", paymentIntent: "pi_1", charge: "ch_1", status: "won", reason: "fraudulent", created: new Date(), evidenceDueBy: null, methodType: "card", feeCents: 1500, reinstated: true }),
  },
  {
    name: "dispute (bank debit)",
    fixture: "dispute",
    object: disputeObject({ id: "dp_3", amount: 500, currency: "usd", paymentIntent: "pi_1", charge: "ch_1", status: "lost", reason: "debit_not_authorized", created: new Date(), evidenceDueBy: null, methodType: "us_bank_account", feeCents: 0 }),
    // Stripe's dispute fixture is a card dispute: a bank debit's payment_method_details carry us_bank_account instead.
    allowExtra: [],
    skip: ["payment_method_details"],
  },
  {
    name: "balance_transaction (a dispute's withdrawal)",
    fixture: "balance_transaction",
    object: (disputeObject({ id: "dp_4", amount: 500, currency: "usd", paymentIntent: "pi_1", charge: "ch_1", status: "needs_response", reason: "fraudulent", created: new Date(), evidenceDueBy: null, methodType: "card", feeCents: 1500 }) as unknown as { balance_transactions: unknown[] }).balance_transactions[0],
  },
  {
    name: "charge (bank debit returned)",
    fixture: "charge",
    object: bankChargeObject({ id: "ch_2", amount: 500, currency: "usd", paymentIntent: "pi_1", status: "failed", created: new Date(), failureCode: "insufficient_funds", failureMessage: "Insufficient funds.", bankName: "STRIPE TEST BANK", last4: "6789" }),
    // Stripe's charge fixture is a card charge: a bank debit's payment_method_details carry us_bank_account instead.
    skip: ["payment_method_details"],
  },
  {
    name: "charge (sepa_debit failed)",
    fixture: "charge",
    object: bankChargeObject({ id: "ch_3", amount: 500, currency: "eur", paymentIntent: "pi_1", status: "failed", created: new Date(), failureCode: "insufficient_funds", failureMessage: "Insufficient funds.", bankName: "", last4: "3000", sepa: { country: "DE", bankCode: "37040044", branchCode: "", fingerprintOf: "DE89370400440532013000", mandate: "mandate_1" } }),
    // Stripe's charge fixture is a card charge: a SEPA debit's payment_method_details carry sepa_debit instead.
    skip: ["payment_method_details"],
  },
  { name: "event (payment_intent.processing, sepa_debit)", fixture: "event", object: eventObject({ type: "payment_intent.processing", object: intent("processing", "sepa_debit"), created: new Date() }), skip: ["data"] },
  { name: "event (payment_intent.payment_failed, sepa_debit)", fixture: "event", object: eventObject({ type: "payment_intent.payment_failed", object: sepaFailed, created: new Date() }), skip: ["data"] },
  { name: "customer", fixture: "customer", object: customerObject({ email: "ada@example.test", name: "Ada" }) },
  { name: "event", fixture: "event", object: eventObject({ type: "payment_intent.succeeded", object: intent("succeeded", "card"), created: new Date() }), skip: ["data"] },
];

let failed = 0;
for (const check of checks) {
  const problems: string[] = [];
  compare(fixtures[check.fixture], check.object, check.fixture, problems, check.allowExtra, check.skip);
  if (check.fixture === "event") {
    // An event's data.object is the object it is about: check it against that object's fixture.
    const data = (check.object as { data: { object: unknown } }).data;
    compare({ object: {} }, data, "event.data", problems, [], ["object"]);
    if (!("object" in data)) problems.push("event.data.object: missing");
    compare(fixtures.payment_intent, data.object, "event.data.object", problems);
  }
  console.log(`${problems.length ? "✖" : "✓"} ${check.name}${problems.length ? `\n    ${problems.join("\n    ")}` : ""}`);
  if (problems.length) failed++;
}
console.log(`\nStripe shapes: ${checks.length - failed} of ${checks.length} objects match Stripe's fixtures.`);
process.exit(failed ? 1 : 0);
