// pg-boss on the app's own PostgreSQL. See docs/decisions/003-job-queue.md.
import { PgBoss, fromPrisma, type SendOptions } from "pg-boss";
import type { Tx } from "~/utils/db.server";
import { errorSummary } from "~/utils/redact.server";

export const QUEUES = {
  deliverEmail: "deliver-email",
  outboxSweep: "outbox-sweep",
  simulatorSettle: "simulator-settle",
  simulatorRefund: "simulator-refund",
  simulatorLater: "simulator-later",
  remindersRun: "reminders-run",
  plansRun: "plans-run",
  gatewayCancelSweep: "gateway-cancel-sweep",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

declare global {
  var __boss: { url: string; boss: PgBoss; started: Promise<PgBoss> } | undefined;
}

export type BossRole = "producer" | "worker";

/** The process's pg-boss instance. A producer only sends; a worker also runs maintenance and cron. */
export function getBoss(role: BossRole = "producer"): Promise<PgBoss> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: boot the database before using jobs.");
  if (globalThis.__boss?.url === url) return globalThis.__boss.started;
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    application_name: `duely-${role}`,
    supervise: role === "worker",
    schedule: role === "worker",
  });
  boss.on("error", (error) => {
    // Once this instance is being stopped (stopBoss has let go of it), the database closing its
    // connections (57P01, admin shutdown) is the expected end, not an error worth a stack trace.
    if (globalThis.__boss?.started !== started && (error as { code?: string }).code === "57P01") return;
    console.error(`[jobs] ${errorSummary(error)}`);
  });
  const started = (async () => {
    await boss.start();
    await ensureQueues(boss);
    return boss;
  })();
  globalThis.__boss = { url, boss, started };
  return started;
}

async function ensureQueues(boss: PgBoss) {
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  if (!existing.has(QUEUES.deliverEmail)) {
    await boss.createQueue(QUEUES.deliverEmail, {
      policy: "stately",
      retryLimit: 8,
      retryDelay: 15,
      retryBackoff: true,
      retryDelayMax: 3600,
      expireInSeconds: 120,
    });
  }
  if (!existing.has(QUEUES.simulatorSettle)) {
    await boss.createQueue(QUEUES.simulatorSettle, { policy: "stately", retryLimit: 10, retryDelay: 5, retryBackoff: true });
  }
  if (!existing.has(QUEUES.simulatorRefund)) {
    await boss.createQueue(QUEUES.simulatorRefund, { policy: "stately", retryLimit: 10, retryDelay: 5, retryBackoff: true });
  }
  if (!existing.has(QUEUES.simulatorLater)) {
    await boss.createQueue(QUEUES.simulatorLater, { policy: "stately", retryLimit: 10, retryDelay: 5, retryBackoff: true });
  }
  if (!existing.has(QUEUES.remindersRun)) {
    // One run at a time; a run that dies is simply run again (each customer's email is its own transaction).
    await boss.createQueue(QUEUES.remindersRun, { policy: "singleton", retryLimit: 3, retryDelay: 60, expireInSeconds: 900 });
  }
  if (!existing.has(QUEUES.plansRun)) {
    // One run at a time (two runs would also be safe: each instalment attempt is claimed under a row lock).
    await boss.createQueue(QUEUES.plansRun, { policy: "singleton", retryLimit: 3, retryDelay: 60, expireInSeconds: 900 });
  }
  if (!existing.has(QUEUES.outboxSweep)) {
    await boss.createQueue(QUEUES.outboxSweep, { policy: "singleton", retryLimit: 0 });
  }
  if (!existing.has(QUEUES.gatewayCancelSweep)) {
    await boss.createQueue(QUEUES.gatewayCancelSweep, { policy: "singleton", retryLimit: 0 });
  }
}

/** Sends a job inside a Prisma transaction, so the job exists if and only if the transaction commits. */
export async function sendJobInTransaction(tx: Tx, name: QueueName, data: object, options: SendOptions = {}) {
  const boss = await getBoss();
  return boss.send(name, data, {
    ...options,
    db: fromPrisma(tx),
  });
}

export async function stopBoss() {
  const current = globalThis.__boss;
  globalThis.__boss = undefined;
  if (current) await (await current.started).stop({ graceful: true, timeout: 5000 });
}
