// Issue 20: Duely scales out by running more stateless web processes and more workers against one PostgreSQL,
// with no coordination of its own beyond PostgreSQL and pg-boss. Two `node app/server/main.js` processes on two
// ports (RUN_JOBS_IN_WEB=false) and two `node app/server/worker.js` workers share one database and one Stripe
// (the local stand-in):
//   (a) the webhook storm (test/support/webhook-storm.ts) is sent over HTTP, its deliveries alternating between
//       the two web processes: every event applied once, every ledger balanced;
//   (b) the reminder engine and the plan charges run at the same moment, repeatedly, with the clock moved: both
//       workers are handed the scheduled runs (pg-boss) while the owner presses "Send due reminders now" and
//       "Run plan charges" on both web processes; each reminder and each instalment charge happens exactly once;
//   (c) an owner signed in on one uses the session on the other, a customer's portal session too, and the
//       sign-in and link-request rate limits count across both.
// Needs `remix build`.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CalendarDate } from "../../app/modules/dates/calendar";
import { getBoss, QUEUES, stopBoss } from "../../app/modules/jobs/queue.server";
import { SIGN_IN_LIMITS } from "../../app/modules/auth/session.server";
import { processPaymentEvent } from "../../app/modules/payments/events.server";
import { eventObject, paymentIntentObject } from "../../app/modules/payments/stripe-objects";
import { runPlanCharges } from "../../app/modules/plans/charges.server";
import { startPlan } from "../../app/modules/plans/plans.server";
import { LINK_REQUEST_LIMITS } from "../../app/modules/portal-access/request-link.server";
import { createPortalLink } from "../../app/modules/portal-access/tokens.server";
import { runReminders } from "../../app/modules/reminders/engine.server";
import { now, setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { resetEnvCache } from "../../app/utils/env.server";
import { createBusiness, createCustomer, createInvoice, createOwner } from "../fixtures/factories";
import { startFakeStripe } from "../support/fake-stripe";
import { freePort, launch } from "../support/launcher";
import { reminderWorld } from "../support/reminder-kill";
import { runWebhookStorm, signatureFor, STORM_WEBHOOK_SECRET } from "../support/webhook-storm";
import { reportFigure, sized } from "./figures";

const root = path.resolve(import.meta.dirname, "../..");
const EVENTS = sized(200, 10_000);
const IN_FLIGHT = 20;
const STEPS = sized(3, 6);
const REMINDER_CUSTOMERS = sized(8, 60);
const PLANS = sized(4, 30);
const FIRST_STEP = new Date("2026-11-20T15:00:00Z");

let fake: Awaited<ReturnType<typeof startFakeStripe>>;
type Proc = Awaited<ReturnType<typeof launch>>;
const procs: Proc[] = [];
let web: { base: string; proc: Proc }[] = [];
let workers: Proc[] = [];

beforeAll(async () => {
  expect(fs.existsSync(path.join(root, "build/index.js")), "run `npx remix build` before this test").toBe(true);
  fake = await startFakeStripe();
  const stripe = { STRIPE_SECRET_KEY: "sk_test_reliability", STRIPE_PUBLISHABLE_KEY: "pk_test_reliability", STRIPE_WEBHOOK_SECRET: STORM_WEBHOOK_SECRET, STRIPE_API_BASE: fake.url };
  Object.assign(process.env, stripe, { SLOW_QUERY_MS: "0" });
  resetEnvCache();
  const shared = { APP_ENV: "test", DATABASE_URL: process.env.DATABASE_URL!, SESSION_SECRET: crypto.randomBytes(32).toString("hex"), RUN_JOBS_IN_WEB: "false", SLOW_QUERY_MS: "0", ...stripe };
  const webProcess = async () => {
    const port = await freePort();
    const proc = await launch({ ...shared, HOST: "127.0.0.1", PORT: String(port), APP_URL: `http://localhost:${port}` });
    procs.push(proc);
    expect(proc.listening, proc.output()).toBe(true);
    return { base: `http://127.0.0.1:${port}`, proc };
  };
  const worker = async () => {
    const proc = await launch(shared, { script: "app/server/worker.js", ready: /Duely worker is running/ });
    procs.push(proc);
    expect(proc.listening, proc.output()).toBe(true);
    return proc;
  };
  web = await Promise.all([webProcess(), webProcess()]);
  workers = await Promise.all([worker(), worker()]);
}, 120_000);

afterAll(async () => {
  await Promise.all(procs.map((p) => p.stop()));
  await setClockOffset(0);
  for (const key of ["STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE", "SLOW_QUERY_MS"]) delete process.env[key];
  resetEnvCache();
  await stopBoss();
  await fake?.close();
});

const form = (fields: Record<string, string>, cookie?: string) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  redirect: "manual" as const,
});
const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

async function signIn(base: string, businessId: string) {
  const { email, password } = await createOwner(businessId);
  const response = await fetch(`${base}/login`, form({ email, password }));
  expect(response.status).toBe(302);
  return cookieOf(response);
}

/** Active weekly plans of four on Stripe, started on the first step's day, whose first instalment is paid and card saved. */
async function planWorld(count: number) {
  const business = await createBusiness();
  const planIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const customer = await createCustomer(business.id);
    const invoice = await createInvoice(business.id, customer.id, { amountCents: 40_000 + i * 4, issueDate: "2026-11-01" as CalendarDate, dueInDays: 30 });
    const { planId, paymentId } = await startPlan({ customerId: customer.id, invoiceIds: [invoice.id], count: 4, frequency: "WEEKLY", method: "CARD" });
    const first = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(first.gateway).toBe("stripe");
    const pm = { id: `pm_card_${i}`, object: "payment_method", type: "card", card: { brand: "visa", last4: "4242", exp_month: 12, exp_year: 2035 }, us_bank_account: null };
    const intent = paymentIntentObject({ id: `pi_first_${paymentId.replace(/-/g, "")}`, amount: first.amountCents, currency: "usd", customer: null, status: "succeeded", methodType: "card", created: now(), metadata: { paymentId }, paymentMethod: pm as never });
    await db.payment.update({ where: { id: paymentId }, data: { providerPaymentId: intent.id } });
    expect(await processPaymentEvent(eventObject({ id: `evt_first_${paymentId}`, type: "payment_intent.succeeded", object: intent, created: now() }), "stripe")).toBe("applied");
    planIds.push(planId);
  }
  expect(await db.plan.count({ where: { id: { in: planIds }, status: "ACTIVE" } })).toBe(count);
  return { business, planIds };
}

const FINISHED = ["completed", "failed", "cancelled"];
async function waitForJob(name: string, id: string, states = FINISHED) {
  for (let i = 0; i < 240; i++) {
    const [job] = await db.$queryRaw<{ state: string }[]>`select state::text from pgboss.job where name = ${name} and id = ${id}::uuid`;
    if (job && states.includes(job.state)) return job.state;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`job ${name} ${id} did not reach ${states.join(" or ")} in a minute`);
}

describe("two web processes and two workers on one database", () => {
  it(`apply a ${EVENTS}-event webhook storm split across both web processes exactly once`, { timeout: 1_800_000 }, async () => {
    const perProcess = [0, 0];
    const { summary, details } = await runWebhookStorm({
      events: EVENTS,
      inFlight: IN_FLIGHT,
      deliver: async (payload, index) => {
        perProcess[index % 2]! += 1;
        const response = await fetch(`${web[index % 2]!.base}/webhooks/stripe`, { method: "POST", body: payload, headers: { "stripe-signature": signatureFor(payload), "content-type": "application/json" } });
        return { status: response.status, body: (await response.json()) as { outcome?: string } };
      },
    });
    expect(perProcess[0]! + perProcess[1]!).toBe(EVENTS);
    reportFigure("scale-out webhook storm", `2 web processes (${perProcess.join(" + ")} deliveries): ${summary}`, { ...details, perProcess });
  });

  it(`run reminders and plan charges on both workers and both web processes at once, ${STEPS} times with the clock moved: each exactly once`, { timeout: 900_000 }, async () => {
    await setClockOffset(FIRST_STEP.getTime() - Date.now());
    const reminders = await reminderWorld(REMINDER_CUSTOMERS);
    const plans = await planWorld(PLANS);
    const cookies = await Promise.all(web.map((w) => signIn(w.base, reminders.business.id)));
    const planCookies = await Promise.all(web.map((w) => signIn(w.base, plans.business.id)));
    const boss = await getBoss("producer");
    const offSessionCreates = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/payment_intents" && r.form.off_session === "true");

    let jobsRun = 0;
    let dueInstalments = 0;
    let buttonWork = 0;
    const perStep: { at: string; reminders: number; charges: number }[] = [];
    for (let step = 0; step < STEPS; step++) {
      const at = new Date(FIRST_STEP.getTime() + step * 8 * 86_400_000);
      await setClockOffset(at.getTime() - Date.now());
      const remindersBefore = await db.reminder.groupBy({ by: ["customerId"], where: { businessId: reminders.business.id }, _count: true });
      const chargesBefore = await db.payment.count({ where: { offSession: true } });

      // The same moment: the scheduled runs for the two workers to take, and the owner's two buttons on each web process.
      // Each worker polls each queue every 5 s on its own timer; a random moment within that lets either take a run.
      const queued = (name: string) => new Promise((r) => setTimeout(r, Math.random() * 5_000)).then(() => boss.send(name, {}));
      const [remindersJob, plansJob] = await Promise.all([queued(QUEUES.remindersRun), queued(QUEUES.plansRun)]);
      expect(remindersJob && plansJob, "pg-boss queued both runs").toBeTruthy();
      // The buttons are pressed while the workers' runs are under way (or already done, for a quick run).
      await Promise.all([waitForJob(QUEUES.remindersRun, remindersJob!, ["active", ...FINISHED]), waitForJob(QUEUES.plansRun, plansJob!, ["active", ...FINISHED])]);
      const presses = web.flatMap((w, i) => [
        fetch(`${w.base}/app/reminders`, form({ intent: "run-now" }, cookies[i])),
        fetch(`${w.base}/app/plans?index`, form({ intent: "run" }, planCookies[i])),
      ]);
      const answers = await Promise.all(presses);
      for (const answer of answers) {
        const page = await answer.text();
        expect(answer.status, page).toBe(200);
        const done = /Reminder run finished: (\d+) customer/.exec(page) ?? /Charged (\d+) instalment/.exec(page);
        expect(done, "the page says what the run did").not.toBeNull();
        buttonWork += Number(done![1]);
      }
      expect(await waitForJob(QUEUES.remindersRun, remindersJob!)).toBe("completed");
      expect(await waitForJob(QUEUES.plansRun, plansJob!)).toBe("completed");
      jobsRun += 2;

      // Nothing was left for one more run in this process at the same moment.
      const again = await runReminders({ businessId: reminders.business.id, at });
      expect(again.customersEmailed, `step ${step}: a further reminder run still found reminders due`).toBe(0);
      expect((await runPlanCharges()).charges, `step ${step}: a further plan run still found charges due`).toBe(0);

      // Reminders: one per customer at most in this step (the min gap), every (invoice, tier) once, one email and
      // one delivery job per reminder.
      const remindersAfter = await db.reminder.groupBy({ by: ["customerId"], where: { businessId: reminders.business.id }, _count: true });
      const before = new Map(remindersBefore.map((r) => [r.customerId, r._count]));
      for (const r of remindersAfter) expect(r._count - (before.get(r.customerId) ?? 0), `step ${step}: reminders to one customer`).toBeLessThanOrEqual(1);
      const all = await db.reminder.findMany({ where: { businessId: reminders.business.id }, include: { items: true } });
      const items = all.flatMap((r) => r.items.map((i) => `${i.invoiceId}:${i.tierId}`));
      expect(new Set(items).size).toBe(items.length);
      const emails = await db.outboxEmail.findMany({ where: { businessId: reminders.business.id, template: "reminder" }, select: { id: true, dedupeKey: true } });
      expect(emails).toHaveLength(all.filter((r) => r.outboxEmailId).length);
      expect(new Set(emails.map((e) => e.dedupeKey)).size).toBe(emails.length);
      const jobs = await db.$queryRaw<{ id: string; n: bigint }[]>`
        select data->>'outboxEmailId' as id, count(*) as n from pgboss.job
        where name = 'deliver-email' and data->>'outboxEmailId' = any(${emails.map((e) => e.id)}::text[]) group by 1`;
      expect(jobs.filter((j) => Number(j.n) !== 1), `step ${step}: emails with other than one delivery job`).toEqual([]);
      expect(jobs).toHaveLength(emails.length);

      // Plan charges: every instalment due by today has exactly one off-session payment, and Stripe was asked
      // for it under that payment's one idempotency key, one intent each.
      const day = at.toISOString().slice(0, 10) as CalendarDate;
      const instalments = await db.instalment.findMany({ where: { planId: { in: plans.planIds }, sequence: { gt: 1 } }, include: { payments: true } });
      dueInstalments = 0;
      for (const i of instalments) {
        const due = i.dueDate.toISOString().slice(0, 10) <= day;
        if (due) dueInstalments++;
        expect(i.payments.length, `step ${step}: instalment ${i.sequence} of plan ${i.planId} due ${i.dueDate.toISOString().slice(0, 10)}`).toBe(due ? 1 : 0);
      }
      const offSession = await db.payment.findMany({ where: { offSession: true } });
      const created = offSessionCreates();
      expect(new Set(created.map((r) => r.idempotencyKey))).toEqual(new Set(offSession.map((p) => `payment_${p.id}_off-session`)));
      for (const p of offSession) expect([...fake.intents.values()].filter((i) => i.metadata.paymentId === p.id), `intents for ${p.id}`).toHaveLength(1);
      perStep.push({ at: at.toISOString().slice(0, 10), reminders: remindersAfter.reduce((s, r) => s + r._count, 0) - remindersBefore.reduce((s, r) => s + r._count, 0), charges: offSession.length - chargesBefore });
    }
    const reminderCount = await db.reminder.count({ where: { businessId: reminders.business.id } });
    const charges = await db.payment.count({ where: { offSession: true } });
    expect(reminderCount).toBeGreaterThan(REMINDER_CUSTOMERS);
    expect(charges).toBe(dueInstalments);
    expect(charges, "the clock moved past at least one instalment of every plan").toBeGreaterThanOrEqual(PLANS);
    // Who did the work: each worker prints what a run did (when it did something), each button press says it. Added
    // up, every reminder email and every charge was made by exactly one of them.
    const workerWork = workers.map((w) =>
      [...w.output().matchAll(/^\[(reminders|plans)\] (\{.*\})$/gm)].reduce((sum, [, kind, result]) => {
        const r = JSON.parse(result!) as { customersEmailed?: number; charges?: number };
        return sum + (kind === "reminders" ? r.customersEmailed! : r.charges!);
      }, 0),
    );
    const emailed = await db.reminder.count({ where: { businessId: reminders.business.id, outboxEmailId: { not: null } } });
    expect(workerWork[0]! + workerWork[1]! + buttonWork, "reminder emails and charges made, by whoever made them").toBe(emailed + charges);
    reportFigure(
      "scale-out jobs",
      `${STEPS} moments ${perStep.map((s) => s.at).join(", ")}: each time a reminder run and a plan run queued for 2 workers and, while they ran, 4 button presses on 2 web processes; ` +
        `${reminderCount} reminders to ${REMINDER_CUSTOMERS} customers and ${charges} instalment charges to ${PLANS} plans, each exactly once (0 duplicated, 0 missed by a further run); ` +
        `made by: worker 1 ${workerWork[0]}, worker 2 ${workerWork[1]}, the buttons ${buttonWork}`,
      { steps: STEPS, perStep, reminderCount, charges, jobsRun, workerWork, buttonWork },
    );
    await setClockOffset(0);
  });

  it("share owner and portal sessions and count the rate limits together", { timeout: 180_000 }, async () => {
    const [a, b] = web as [(typeof web)[0], (typeof web)[0]];
    // An owner signs in on A and works on B with the same cookie; signing out on B ends it on A too.
    const business = await createBusiness();
    const owner = await signIn(a.base, business.id);
    expect(owner).toContain("duely_owner=");
    const onB = await fetch(`${b.base}/app`, { headers: { Cookie: owner }, redirect: "manual" });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain(business.name);
    const signOut = await fetch(`${b.base}/logout`, form({}, owner));
    expect([302, 303]).toContain(signOut.status);
    expect((await fetch(`${a.base}/app`, { headers: { Cookie: owner }, redirect: "manual" })).status).toBe(302);

    // A customer opens their emailed link on B and goes on on A.
    const customer = await createCustomer(business.id, { name: "Shared Session Co" });
    const { token } = await db.$transaction((tx) => createPortalLink(tx, customer.id, 7));
    const opened = await fetch(`${b.base}/portal/access/${token}`, { redirect: "manual" });
    const portal = cookieOf(opened);
    expect(portal).toContain("duely_portal=");
    const home = await fetch(`${a.base}/portal`, { headers: { Cookie: portal }, redirect: "manual" });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Shared Session Co");

    // Wrong passwords alternate between the processes: the limit is the same as on one.
    const victim = await createOwner(business.id);
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit; i++) {
      const wrong = await fetch(`${(i % 2 ? a : b).base}/login`, form({ email: victim.email, password: `wrong-${i}` }));
      expect(wrong.status).toBe(400);
    }
    for (const p of [a, b]) expect((await fetch(`${p.base}/login`, form({ email: victim.email, password: victim.password }))).status).toBe(429);

    // Link requests from one address, alternating: the hourly limit is shared too.
    for (let i = 0; i < LINK_REQUEST_LIMITS.perIpPerHour; i++) {
      expect((await fetch(`${(i % 2 ? a : b).base}/portal/expired`, form({ email: `someone-${i}@example.test` }))).status).toBe(200);
    }
    for (const p of [a, b]) expect((await fetch(`${p.base}/portal/expired`, form({ email: "one-more@example.test" }))).status).toBe(429);

    reportFigure("scale-out sessions", "2 web processes on 1 database: owner session signed in on A used and ended on B, portal session opened on B used on A, sign-in and link-request limits counted across both", {
      signInLimit: SIGN_IN_LIMITS.perEmail.limit,
      linkRequestLimit: LINK_REQUEST_LIMITS.perIpPerHour,
    });
  });
});
