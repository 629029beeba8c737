// Issue 8: 100 concurrent requests on one invoice — pay the whole balance, claim the early-pay discount,
// set up a plan — all at once, each in its own transaction. The app's rule is "the newest checkout replaces
// the unconfirmed ones" (checkout.server.ts, replaceUnconfirmed): so, when the dust settles, exactly one
// checkout is open (one winner), at most one discount is held and at most one plan waits, both the winner's;
// every other request was either replaced or refused in words, never a 5xx. Then all 100 confirm at once:
// the invoice is paid exactly once.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CalendarDate } from "../../app/modules/dates/calendar";
import { fromDbDate } from "../../app/modules/dates/calendar";
import { listCustomerInvoices } from "../../app/modules/invoices/invoices.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { PaymentInputError, startPayment } from "../../app/modules/payments/checkout.server";
import { confirmSimulatedPayment } from "../../app/modules/payments/simulator.server";
import { PlanInputError, startPlan } from "../../app/modules/plans/plans.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { BUSY_INVOICE_MESSAGE, db } from "../../app/utils/db.server";
import { getEnv, resetEnvCache } from "../../app/utils/env.server";
import { createBusiness, createCustomer, createInvoice } from "../fixtures/factories";
import { reportFigure, sized } from "./figures";

const REQUESTS = sized(20, 100);
const ROUNDS = sized(2, 5);
const AMOUNT = 100_000;
const CARD = { method: "CARD" as const, card: { number: "4242424242424242", expMonth: 12, expYear: 2035, cvc: "123" } };
type Kind = "pay" | "discount" | "plan";
const KINDS: Kind[] = ["pay", "discount", "plan"];

beforeAll(() => {
  // Every request waits its turn on the invoice's row lock: slow-query warnings would only say so 100 times.
  process.env.SLOW_QUERY_MS = "0";
  resetEnvCache();
});

afterEach(async () => {
  await setClockOffset(0);
});

afterAll(async () => {
  delete process.env.SLOW_QUERY_MS;
  resetEnvCache();
  await stopBoss();
});

/** How many of this database's sessions wait on a lock, sampled while the round runs: proof that the requests overlap. */
function lockWaitSampler() {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  let max = 0;
  let running = true;
  const done = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ n: string }>(
        "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
      );
      max = Math.max(max, Number(rows[0]?.n ?? 0));
      await new Promise((r) => setTimeout(r, 10));
    }
    await client.end();
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return max;
    },
  };
}

async function round(businessId: string) {
  const customer = await createCustomer(businessId);
  const invoice = await createInvoice(businessId, customer.id, { amountCents: AMOUNT, issueDate: "2026-11-21" as CalendarDate, dueInDays: 30 });
  const kinds = Array.from({ length: REQUESTS }, (_, i) => KINDS[i % KINDS.length]!);
  const request = (kind: Kind): Promise<{ paymentId: string; planId?: string }> => {
    const base = { customerId: customer.id, invoiceIds: [invoice.id], method: "CARD" as const };
    if (kind === "pay") return startPayment({ ...base, amountCents: AMOUNT }); // the whole balance, named: no discount
    if (kind === "discount") return startPayment({ ...base, amountCents: null }); // the whole balance in time: claims the discount
    return startPlan({ ...base, count: 3, frequency: "MONTHLY" });
  };

  const sampler = lockWaitSampler();
  const started = Date.now();
  const results = await Promise.allSettled(kinds.map(request));
  const ms = Date.now() - started;
  const maxLockWaiters = await sampler.stop();

  // Losers are refused in words the customer can act on, never with an unknown error.
  const unexpected = results.flatMap((r) => (r.status === "rejected" && !(r.reason instanceof PaymentInputError || r.reason instanceof PlanInputError) ? [String(r.reason)] : []));
  expect(unexpected).toEqual([]);
  const refused = results.filter((r) => r.status === "rejected").length;
  // "Busy": a request that could not get its turn on the invoice in time (every other one queued behind it) and changed nothing.
  const busy = results.filter((r) => r.status === "rejected" && (r.reason as Error).message === BUSY_INVOICE_MESSAGE).length;

  const payments = await db.payment.findMany({ where: { customerId: customer.id }, include: { discounts: true, instalment: { select: { planId: true } } } });
  const fulfilled = results.flatMap((r, i) => (r.status === "fulfilled" ? [{ kind: kinds[i]!, ...r.value }] : []));
  expect(payments).toHaveLength(fulfilled.length);
  // Exactly one checkout is open; all the others were replaced.
  const open = payments.filter((p) => p.status === "PENDING");
  const tally = `${fulfilled.length} started, ${busy} busy, ${refused - busy} refused otherwise; payments ${JSON.stringify(payments.map((p) => p.status))}`;
  expect(open, tally).toHaveLength(1);
  const winner = open[0]!;
  expect(payments.filter((p) => p.id !== winner.id).every((p) => p.status === "CANCELED")).toBe(true);
  const winnerKind = fulfilled.find((f) => f.paymentId === winner.id)!.kind;
  // At most one discount is held, and only by the winner (when it claimed one).
  const granted = await db.discount.findMany({ where: { invoiceId: invoice.id, status: "GRANTED" } });
  expect(granted.map((d) => d.paymentId)).toEqual(winnerKind === "pay" ? [] : winnerKind === "discount" ? [winner.id] : granted.map(() => winner.id));
  expect(granted.length).toBeLessThanOrEqual(1);
  // At most one plan waits for its first payment, and only the winner's; every other plan was cancelled with its payment.
  const plans = await db.plan.findMany({ where: { customerId: customer.id } });
  expect(plans).toHaveLength(fulfilled.filter((f) => f.kind === "plan").length);
  const waiting = plans.filter((p) => p.status === "PENDING");
  expect(waiting.map((p) => p.id)).toEqual(winnerKind === "plan" ? [winner.instalment!.planId] : []);
  expect(plans.filter((p) => p.status !== "PENDING").every((p) => p.status === "CANCELLED")).toBe(true);

  // Everyone who got a checkout now confirms it at once: one payment goes through, the invoice is paid once.
  const confirmed = await Promise.all(fulfilled.map((f) => confirmSimulatedPayment(customer.id, f.paymentId, CARD)));
  expect(confirmed.filter((s) => s === "SUCCEEDED")).toHaveLength(1);
  expect(confirmed.filter((s) => s === "CANCELED")).toHaveLength(fulfilled.length - 1);
  const succeeded = await db.payment.findMany({ where: { customerId: customer.id, status: "SUCCEEDED" } });
  expect(succeeded.map((p) => p.id)).toEqual([winner.id]);
  const figures = (await listCustomerInvoices(customer.id, fromDbDate(invoice.dueDate))).find((i) => i.id === invoice.id)!.figures;
  expect(figures.overpaidCents).toBe(0);
  expect(figures.totalCents).toBe(figures.paidCents + figures.discountCents + figures.balanceCents);
  expect(figures.paidCents).toBe(winner.amountCents - winner.methodAdjustmentCents - winner.planFeeCents);
  if (winnerKind === "plan") expect((await db.plan.findUniqueOrThrow({ where: { id: winner.instalment!.planId } })).status).toBe("ACTIVE");
  else expect(figures).toMatchObject({ status: "PAID", balanceCents: 0 });
  return { winnerKind, refused, busy, ms, maxLockWaiters, replaced: fulfilled.length - 1 };
}

describe(`${REQUESTS} concurrent pay / claim-discount / create-plan requests on one invoice`, () => {
  it(`has exactly one winner in each of ${ROUNDS} rounds`, async () => {
    const business = await createBusiness();
    await db.discountPolicy.create({ data: { businessId: business.id, enabled: true, kind: "PERCENT", percentBps: 200, windowDays: 10, combinesWithPlan: true } });
    await setClockOffset(new Date("2026-11-25T17:00:00Z").getTime() - Date.now());
    const rounds: Awaited<ReturnType<typeof round>>[] = [];
    for (let r = 0; r < ROUNDS; r++) rounds.push(await round(business.id));

    const winners = Object.fromEntries(KINDS.map((k) => [k, rounds.filter((r) => r.winnerKind === k).length]));
    const pool = getEnv().DB_POOL_SIZE;
    // The requests must really have overlapped: some of them waited on another's lock.
    expect(Math.max(...rounds.map((r) => r.maxLockWaiters))).toBeGreaterThan(0);
    reportFigure(
      "concurrent claims",
      `${ROUNDS} rounds of ${REQUESTS} concurrent requests on one invoice (pool of ${pool} connections, up to ${Math.max(...rounds.map((r) => r.maxLockWaiters))} waiting on its lock): ` +
        `exactly 1 open checkout, ≤1 discount, ≤1 waiting plan and 1 successful payment each round; winners ${KINDS.map((k) => `${k} ${winners[k]}`).join(", ")}; ` +
        `${rounds.reduce((s, r) => s + r.replaced, 0)} replaced, ${rounds.reduce((s, r) => s + r.refused, 0)} refused in words (${rounds.reduce((s, r) => s + r.busy, 0)} of them "busy, try again"), 0 errors; ${Math.round(rounds.reduce((s, r) => s + r.ms, 0) / ROUNDS)} ms a round`,
      { rounds: ROUNDS, requests: REQUESTS, pool, winners, perRound: rounds },
    );
  });
});
