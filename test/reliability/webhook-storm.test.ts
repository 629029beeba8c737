// Issue 8: a webhook storm (test/support/webhook-storm.ts) through the signed webhook route, called in this
// process. test/reliability/scale-out.test.ts sends the same storm over HTTP to two web processes.
import { afterAll, beforeAll, describe, it } from "vitest";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { action as webhook } from "../../app/routes/webhooks.stripe";
import { resetEnvCache } from "../../app/utils/env.server";
import { startFakeStripe } from "../support/fake-stripe";
import { runWebhookStorm, signatureFor, STORM_WEBHOOK_SECRET } from "../support/webhook-storm";
import { reportFigure, sized } from "./figures";

const EVENTS = sized(200, 10_000);
const IN_FLIGHT = 20;

let fake: Awaited<ReturnType<typeof startFakeStripe>>;

beforeAll(async () => {
  fake = await startFakeStripe();
  process.env.STRIPE_SECRET_KEY = "sk_test_reliability";
  process.env.STRIPE_WEBHOOK_SECRET = STORM_WEBHOOK_SECRET;
  process.env.STRIPE_API_BASE = fake.url;
  // The storm saturates the pool on purpose: slow-query warnings would drown the figure.
  process.env.SLOW_QUERY_MS = "0";
  resetEnvCache();
});

afterAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.STRIPE_API_BASE;
  delete process.env.SLOW_QUERY_MS;
  resetEnvCache();
  await stopBoss();
  await fake.close();
});

async function deliver(payload: string) {
  const request = new Request("http://localhost/webhooks/stripe", { method: "POST", body: payload, headers: { "stripe-signature": signatureFor(payload), "content-type": "application/json" } });
  const response = (await webhook({ request, params: {}, context: {} })) as Response;
  return { status: response.status, body: (await response.json()) as { outcome?: string } };
}

describe("a webhook storm", () => {
  it(`applies ${EVENTS} shuffled events with 20% duplicates exactly once, every ledger balanced`, async () => {
    const { summary, details } = await runWebhookStorm({ events: EVENTS, inFlight: IN_FLIGHT, deliver });
    reportFigure("webhook storm", summary, details);
  });
});
