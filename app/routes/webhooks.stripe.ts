import { json, type ActionFunctionArgs } from "@remix-run/node";
import { processPaymentEvent } from "~/modules/payments/events.server";
import { verifyStripeWebhook, withExpandedPaymentMethod } from "~/modules/payments/stripe-gateway.server";

// Thin on purpose: raw body, signature check, then the one event handler shared with the simulator.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ error: "Method not allowed" }, { status: 405 });
  const body = await request.text();
  let event;
  try {
    event = verifyStripeWebhook(body, request.headers.get("stripe-signature"));
  } catch (error) {
    return json({ error: error instanceof Error ? error.message : "Invalid signature" }, { status: 400 });
  }
  const outcome = await processPaymentEvent(await withExpandedPaymentMethod(event), "stripe");
  return json({ received: true, outcome });
}

export function loader() {
  return json({ error: "Stripe sends webhooks here with POST." }, { status: 405 });
}
