// Issue 8: SMTP down for a while, then up. Emails queued during the outage are retried by the real pg-boss
// worker with growing delays and never marked sent; once SMTP answers again every email is delivered
// exactly once, counted by Message-ID at a real SMTP server (smtp-server) that recorded every message.
import net from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendEmailNow } from "../../app/modules/email/outbox.server";
import { deliverOutboxEmail } from "../../app/modules/email/delivery.server";
import { QUEUES, stopBoss } from "../../app/modules/jobs/queue.server";
import { startWorkers } from "../../app/modules/jobs/workers.server";
import { db } from "../../app/utils/db.server";
import { resetEnvCache } from "../../app/utils/env.server";
import { reportFigure, sized } from "./figures";

const EMAILS = sized(20, 500);
// The app's worker takes one email per poll (1 s) on each of 2 slots: about 2 emails a second. Extra worker
// slots, running the same delivery function as the app's handler, stand in for more worker processes so that
// the full size drains in minutes; the app's own worker still takes its share.
const EXTRA_SLOTS = sized(6, 30);
// What the server does with each connection: three kinds of outage, then service.
type Mode = "greeting-421" | "rcpt-451" | "up";

function smtpError(message: string, responseCode: number) {
  return Object.assign(new Error(message), { responseCode });
}

async function freePort() {
  return new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(port));
    });
  });
}

/** A real SMTP server whose availability the test switches; it records each accepted message's Message-ID. */
async function startSmtp() {
  const state = { mode: "greeting-421" as Mode, connections: 0, refused: 0 };
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session: SMTPServerSession, callback: (err?: Error) => void) {
      state.connections++;
      if (state.mode === "greeting-421") {
        state.refused++;
        return callback(smtpError("Service not available, try again later", 421));
      }
      callback();
    },
    onRcptTo(_address, _session, callback) {
      if (state.mode === "rcpt-451") {
        state.refused++;
        return callback(smtpError("Requested action aborted: local error in processing", 451));
      }
      callback();
    },
    onData(stream, _session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString()));
      stream.on("end", () => {
        received.push(/^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? "(none)");
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { port, state, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
  resetEnvCache();
});

afterAll(async () => {
  await stopBoss();
  delete process.env.SMTP_URL;
  resetEnvCache();
  await smtp.close();
});

type JobRow = { outboxEmailId: string; state: string; retryCount: number; delaySeconds: number };

async function deliveryJobs(): Promise<JobRow[]> {
  return db.$queryRaw<JobRow[]>`
    select data->>'outboxEmailId' as "outboxEmailId", state::text as state, retry_count as "retryCount",
           extract(epoch from start_after - started_on)::float8 as "delaySeconds"
    from pgboss.job where name = 'deliver-email'`;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs = sized(60_000, 300_000)): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Time passes: the retries pg-boss scheduled for later become due now. */
async function fastForwardRetries() {
  await db.$executeRaw`update pgboss.job set start_after = now() where name = 'deliver-email' and state = 'retry'`;
}

describe("SMTP down for a period, then up", () => {
  it(`delivers each of ${EMAILS} emails queued during the outage exactly once`, async () => {
    const queued = [];
    for (let i = 0; i < EMAILS; i++) {
      queued.push(
        await sendEmailNow({
          template: "owner-test",
          to: `owner-${i}@acme.test`,
          dedupeKey: `smtp-outage:${i}`,
          props: { brand: { businessName: "Acme", brandColor: "#0f766e", supportEmail: "billing@acme.test" }, ownerName: `Owner ${i}`, sentAtText: "today" },
        }),
      );
    }
    const ids = queued.map((q) => q.id);
    const boss = await startWorkers();
    await boss.work<{ outboxEmailId: string }>(QUEUES.deliverEmail, { batchSize: 1, pollingIntervalSeconds: 0.5, localConcurrency: EXTRA_SLOTS }, async ([job]) => {
      if (job) await deliverOutboxEmail(job.data.outboxEmailId);
    });

    // The outage: the greeting refused twice, then recipients refused. Each attempt fails, pg-boss schedules
    // the next one later each time (15–30 s, 30–60 s, 60–120 s), and the email stays PENDING with its error.
    const outage: Mode[] = ["greeting-421", "greeting-421", "rcpt-451"];
    // Each job's wait after its latest failure, by how many retries it had had (pg-boss counts a retry when it starts).
    const delays: number[][] = outage.map(() => []);
    for (const [attempt, mode] of outage.entries()) {
      smtp.state.mode = mode;
      if (attempt > 0) await fastForwardRetries();
      // Every email has failed this many times (a large queue's early ones may already be further on).
      await waitFor(`failed attempt ${attempt + 1}`, async () =>
        (await db.outboxEmail.count({ where: { id: { in: ids }, attempts: { gte: attempt + 1 }, status: "PENDING" } })) === EMAILS ? true : null,
      );
      for (const j of await deliveryJobs()) if (j.state === "retry" && j.retryCount < outage.length) delays[j.retryCount]!.push(j.delaySeconds);
      const rows = await db.outboxEmail.findMany({ where: { id: { in: ids } } });
      expect(rows.map((r) => [r.status, r.sentAt, Boolean(r.lastError)])).toEqual(rows.map(() => ["PENDING", null, true]));
      expect(smtp.received).toHaveLength(0);
    }
    // Backoff: each wait, from the failed attempt's start, is within its doubling band (plus up to 5 s the attempt took).
    for (const [k, band] of delays.entries()) {
      expect(band.length, `waits seen after failure ${k + 1}`).toBeGreaterThan(0);
      const low = 15 * 2 ** k;
      for (const d of band) {
        expect(d).toBeGreaterThanOrEqual(low);
        expect(d).toBeLessThanOrEqual(2 * low + 5);
      }
    }
    const refusedDuringOutage = smtp.state.refused;
    expect(refusedDuringOutage).toBeGreaterThanOrEqual(outage.length * EMAILS);

    // SMTP is back: the waiting retries come due and the worker drains the outbox.
    smtp.state.mode = "up";
    const upAt = Date.now();
    await fastForwardRetries();
    await waitFor("the outbox to drain", async () => ((await db.outboxEmail.count({ where: { id: { in: ids }, status: "SENT" } })) === EMAILS ? true : null));
    const drainMs = Date.now() - upAt;
    await stopBoss();

    // Exactly once, counted at the server: one message per email, each with its email's own Message-ID.
    expect(smtp.received).toHaveLength(EMAILS);
    expect(new Set(smtp.received)).toEqual(new Set(ids.map((id) => `<${id}@outbox.duely>`)));
    const rows = await db.outboxEmail.findMany({ where: { id: { in: ids } } });
    expect(rows.map((r) => [r.status, r.transport, r.attempts > outage.length, r.lastError])).toEqual(rows.map(() => ["SENT", "smtp", true, null]));

    const maxDelay = (k: number) => Math.round(Math.max(...delays[k]!));
    const minDelay = (k: number) => Math.round(Math.min(...delays[k]!));
    reportFigure(
      "SMTP outage",
      `${EMAILS} emails queued while SMTP was down: ${refusedDuringOutage} refused attempts (421 greeting ×2, 451 recipient), retried after ` +
        `${delays.map((_, k) => `${minDelay(k)}–${maxDelay(k)} s`).join(", then ")}, none marked sent; after SMTP came back all delivered by ${2 + EXTRA_SLOTS} worker slots in ` +
        `${(drainMs / 1000).toFixed(1)} s, ${smtp.received.length} messages at the server, ${new Set(smtp.received).size} distinct Message-IDs: each exactly once, 0 lost`,
      { emails: EMAILS, workerSlots: 2 + EXTRA_SLOTS, refusedDuringOutage, retryDelaysSeconds: delays.map((_, k) => [minDelay(k), maxDelay(k)]), drainMs, received: smtp.received.length, connections: smtp.state.connections },
    );
  });
});
