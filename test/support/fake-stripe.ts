// A local stand-in for Stripe's API, for the real `stripe` SDK to talk to in tests. It answers with
// objects built like Stripe's (checked against Stripe's fixtures by `npm run check:stripe-shapes`)
// and, like Stripe, returns the first answer again for a repeated idempotency key.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { checkIban, ibanBankCodes, ibanLast4 } from "../../app/modules/payments/iban";
import { bankChargeObject, customerObject, mandateObject, paymentIntentObject, paymentMethodObject, refundObject, stripeId, type MethodType } from "../../app/modules/payments/stripe-objects";

export type RecordedRequest = { method: string; path: string; idempotencyKey: string | null; form: Record<string, string> };

/** A 500 kept for an idempotency key: Stripe answers a repeated key with its first answer, errors included. */
class ServerError {
  constructor(readonly body: unknown) {}
}

export async function startFakeStripe() {
  const requests: RecordedRequest[] = [];
  const byIdempotencyKey = new Map<string, unknown>();
  const intents = new Map<string, ReturnType<typeof paymentIntentObject>>();
  const refunded = new Map<string, number>();
  const paymentMethods = new Map<string, ReturnType<typeof paymentMethodObject>>();
  const mandates = new Map<string, ReturnType<typeof mandateObject>>();
  const charges = new Map<string, ReturnType<typeof bankChargeObject>>();
  const methodTypeOf = (value: string | undefined): MethodType => (value === "us_bank_account" || value === "sepa_debit" ? value : "card");
  // dropResponses: answers lost after the work is done; unavailable: requests answered 503 without doing anything;
  // serverErrors: requests answered 500, and (as Stripe does) that answer kept for their idempotency key;
  // unauthorized: requests refused 401, as with a revoked key.
  const control = { dropResponses: 0, dropPath: null as string | null, unavailable: 0, serverErrors: 0, unauthorized: 0 };

  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const form = Object.fromEntries(new URLSearchParams(body));
      const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const path = (req.url ?? "").split("?")[0] ?? "";
      requests.push({ method: req.method ?? "", path, idempotencyKey, form });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { "Content-Type": "application/json", "Request-Id": stripeId("req") });
        res.end(JSON.stringify(payload));
      };
      const deliver = (payload: unknown) => {
        // A lost answer: Stripe did the work, the caller never hears of it (a crash, a cut connection).
        if (control.dropResponses > 0 && (control.dropPath === null || control.dropPath === path)) {
          control.dropResponses -= 1;
          res.destroy();
          return;
        }
        send(200, payload);
      };
      if (control.unavailable > 0) {
        control.unavailable -= 1;
        return send(503, { error: { type: "api_error", message: "Stripe is temporarily unavailable." } });
      }
      if (control.unauthorized > 0) {
        control.unauthorized -= 1;
        return send(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided." } });
      }
      const replay = idempotencyKey ? byIdempotencyKey.get(`${path}:${idempotencyKey}`) : undefined;
      if (replay instanceof ServerError) return send(500, replay.body);
      if (control.serverErrors > 0) {
        control.serverErrors -= 1;
        const error = new ServerError({ error: { type: "api_error", message: "An unknown error occurred." } });
        if (idempotencyKey) byIdempotencyKey.set(`${path}:${idempotencyKey}`, error);
        return send(500, error.body);
      }
      if (idempotencyKey && byIdempotencyKey.has(`${path}:${idempotencyKey}`)) return deliver(byIdempotencyKey.get(`${path}:${idempotencyKey}`));
      const remember = (payload: unknown) => {
        if (idempotencyKey) byIdempotencyKey.set(`${path}:${idempotencyKey}`, payload);
        deliver(payload);
      };
      const metadata = Object.fromEntries(Object.entries(form).filter(([k]) => k.startsWith("metadata[")).map(([k, v]) => [k.slice(9, -1), v]));

      if (req.method === "POST" && path === "/v1/customers") return remember(customerObject({ email: form.email ?? null, name: form.name ?? null, metadata }));
      if (req.method === "POST" && path === "/v1/payment_intents") {
        const intent = paymentIntentObject({
          id: stripeId("pi"),
          amount: Number(form.amount),
          currency: form.currency ?? "usd",
          customer: form.customer ?? null,
          status: "requires_payment_method",
          methodType: methodTypeOf(form["allowed_payment_method_types[0]"]),
          created: new Date(),
          metadata,
          description: form.description ?? null,
          setupFutureUsage: form.setup_future_usage === "off_session" ? "off_session" : null,
          // An off-session charge is confirmed at once: a saved card succeeds, a bank debit starts processing.
          ...(form.confirm === "true"
            ? { status: methodTypeOf(form["allowed_payment_method_types[0]"]) === "card" ? ("succeeded" as const) : ("processing" as const), paymentMethod: form.payment_method ?? null }
            : {}),
        });
        intents.set(intent.id, intent);
        return remember(intent);
      }
      const cancel = /^\/v1\/payment_intents\/([^/]+)\/cancel$/.exec(path);
      if (req.method === "POST" && cancel?.[1] && intents.has(cancel[1])) {
        // As Stripe: only an intent still waiting for its customer can be cancelled.
        const status = intents.get(cancel[1])!.status;
        if (status === "succeeded" || status === "processing" || status === "canceled") {
          return send(400, { error: { type: "invalid_request_error", code: "payment_intent_unexpected_state", message: `You cannot cancel this PaymentIntent because it has a status of ${status}.` } });
        }
        const canceled = { ...intents.get(cancel[1])!, status: "canceled" as const, cancellation_reason: form.cancellation_reason ?? null };
        intents.set(cancel[1], canceled as never);
        return remember(canceled);
      }
      if (req.method === "POST" && path === "/v1/refunds") {
        // As Stripe: only a succeeded intent can be refunded, never beyond its amount; a card refund succeeds at once.
        const intent = intents.get(form.payment_intent ?? "");
        if (!intent) return send(404, { error: { type: "invalid_request_error", code: "resource_missing", message: `No such payment_intent: '${form.payment_intent}'` } });
        if (intent.status !== "succeeded") return send(400, { error: { type: "invalid_request_error", code: "charge_not_refundable", message: "This PaymentIntent has not succeeded." } });
        const amount = Number(form.amount ?? intent.amount);
        const already = refunded.get(intent.id) ?? 0;
        if (already + amount > intent.amount) {
          return send(400, { error: { type: "invalid_request_error", code: "charge_already_refunded", message: `Refund amount ($${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge ($${((intent.amount - already) / 100).toFixed(2)})` } });
        }
        refunded.set(intent.id, already + amount);
        const methodType = intent.payment_method_types?.[0] === "us_bank_account" ? "us_bank_account" : "card";
        return remember(refundObject({ id: stripeId("re"), amount, currency: intent.currency, paymentIntent: intent.id, status: methodType === "card" ? "succeeded" : "pending", created: new Date(), metadata, methodType }));
      }
      if (req.method === "POST" && path === "/v1/payment_methods" && form.type === "sepa_debit") {
        // As Stripe: an IBAN that is not valid is refused with the reason; a valid one becomes a payment method.
        const checked = checkIban(form["sepa_debit[iban]"] ?? "");
        if (!checked.ok) return send(400, { error: { type: "invalid_request_error", code: "invalid_bank_account_iban", param: "sepa_debit[iban]", message: "The IBAN you entered is invalid." } });
        const { bankCode, branchCode } = ibanBankCodes(checked.iban);
        const pm = paymentMethodObject({ type: "sepa_debit", country: checked.country, bankCode, branchCode, last4: ibanLast4(checked.iban), fingerprintOf: checked.iban, customer: null, name: form["billing_details[name]"] ?? "", email: form["billing_details[email]"] ?? "" });
        paymentMethods.set(pm.id, pm);
        return remember(pm);
      }
      const confirm = /^\/v1\/payment_intents\/([^/]+)\/confirm$/.exec(path);
      if (req.method === "POST" && confirm?.[1] && intents.has(confirm[1])) {
        // A SEPA debit confirmed with the customer's acceptance: Stripe makes the mandate and the charge, and the
        // intent is processing. Without mandate_data, Stripe refuses.
        const intent = intents.get(confirm[1])!;
        const pm = paymentMethods.get(form.payment_method ?? "");
        if (!pm) return send(400, { error: { type: "invalid_request_error", code: "resource_missing", message: `No such PaymentMethod: '${form.payment_method}'` } });
        if (form["mandate_data[customer_acceptance][type]"] !== "online" || !form["mandate_data[customer_acceptance][online][ip_address]"]) {
          return send(400, { error: { type: "invalid_request_error", code: "parameter_missing", message: "Missing required param: mandate_data." } });
        }
        const mandate = mandateObject({
          id: stripeId("mandate"),
          paymentMethod: pm.id,
          reference: stripeId("ref").slice(4, 20).toUpperCase(),
          acceptedAt: new Date(Number(form["mandate_data[customer_acceptance][accepted_at]"]) * 1000),
          ipAddress: form["mandate_data[customer_acceptance][online][ip_address]"] ?? "",
          userAgent: form["mandate_data[customer_acceptance][online][user_agent]"] ?? "",
          multiUse: intent.setup_future_usage === "off_session",
          amount: intent.amount,
          currency: intent.currency,
        });
        mandates.set(mandate.id, mandate);
        const sepa = pm.sepa_debit!;
        const charge = bankChargeObject({
          id: stripeId("py"),
          amount: intent.amount,
          currency: intent.currency,
          paymentIntent: intent.id,
          status: "pending",
          created: new Date(),
          bankName: "",
          last4: sepa.last4 ?? "",
          sepa: { country: sepa.country ?? "", bankCode: sepa.bank_code ?? "", branchCode: sepa.branch_code ?? "", fingerprintOf: sepa.fingerprint ?? "", mandate: mandate.id },
        });
        charges.set(charge.id, charge);
        const processing = { ...intent, status: "processing" as const, payment_method: pm.id, latest_charge: charge.id, processing: { type: "sepa_debit" } };
        intents.set(intent.id, processing as never);
        return remember(processing);
      }
      const mandate = /^\/v1\/mandates\/([^/]+)$/.exec(path);
      if (req.method === "GET" && mandate?.[1] && mandates.has(mandate[1])) return send(200, mandates.get(mandate[1]));
      const match = /^\/v1\/payment_intents\/([^/]+)$/.exec(path);
      if (req.method === "GET" && match?.[1] && intents.has(match[1])) {
        const intent = intents.get(match[1])!;
        const query = [...new URLSearchParams((req.url ?? "").split("?")[1] ?? "").entries()];
        const expand = query.filter(([k]) => /^expand\[\d*\]$/.test(k)).map(([, v]) => v);
        const charge = expand.includes("latest_charge") && typeof intent.latest_charge === "string" ? charges.get(intent.latest_charge) : undefined;
        return send(200, charge ? { ...intent, latest_charge: charge } : intent);
      }
      send(404, { error: { type: "invalid_request_error", message: `No such route or object: ${req.method} ${path}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, intents, mandates, control, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
