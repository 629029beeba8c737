// Killing a reminder worker at any moment: a run in its own process (reminder-run.ts), a world of customers
// with reminders due, and the check that every due reminder went out exactly once. Shared by the
// integration test (reminders-crash) and the reliability figure (test/reliability/worker-kills).
import { spawn } from "node:child_process";
import path from "node:path";
import { expect } from "vitest";
import { addDays, type CalendarDate } from "../../app/modules/dates/calendar";
import { DEFAULT_TIERS } from "../../app/modules/reminders/default-tiers";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice } from "../fixtures/factories";

const tsx = path.resolve("node_modules/.bin/tsx");

/** Starts a run in a child process and SIGKILLs it after `killAfterMs` (or lets it finish). */
export function runAndKill(businessId: string, at: Date, killAfterMs: number) {
  return timedRun(businessId, at, killAfterMs).then((r) => r.outcome);
}

/** A run in a child process; `ms` is the time from its "started" line to its exit. */
export function timedRun(businessId: string, at: Date, killAfterMs: number) {
  let startedAt = 0;
  return new Promise<{ outcome: "killed" | "finished"; ms: number }>((resolve, reject) => {
    const child = spawn(tsx, ["test/support/reminder-run.ts", businessId, at.toISOString()], { env: process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("started")) {
        startedAt = Date.now();
        if (Number.isFinite(killAfterMs)) timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
      }
    });
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const ms = Date.now() - startedAt;
      if (signal === "SIGKILL") resolve({ outcome: "killed", ms });
      else if (code === 0) resolve({ outcome: "finished", ms });
      else reject(new Error(`the run failed (${code}): ${stderr}`));
    });
  });
}

/** A business with the default tiers and `customers` customers, each with one or two invoices that have a tier due. */
export async function reminderWorld(customers: number) {
  const business = await createBusiness();
  await db.reminderTier.createMany({ data: DEFAULT_TIERS.map((t) => ({ ...t, businessId: business.id })) });
  const invoiceIds: string[] = [];
  for (let c = 0; c < customers; c++) {
    const customer = await createCustomer(business.id);
    for (let k = 0; k < 1 + (c % 2); k++) {
      const due = addDays("2026-11-20" as CalendarDate, -((c * 7 + k * 13) % 60));
      invoiceIds.push((await createInvoice(business.id, customer.id, { amountCents: 10_000 + c, issueDate: addDays(due, -30), dueInDays: 30 })).id);
    }
  }
  return { business, invoiceIds };
}

/** Every customer got exactly one reminder, every due invoice is in exactly one, and each reminder has its one email. */
export async function checkExactlyOnce(businessId: string, invoiceIds: string[], customers: number) {
  const reminders = await db.reminder.findMany({ where: { businessId }, include: { items: { include: { tier: true } } } });
  expect(new Set(reminders.map((r) => r.customerId)).size).toBe(customers);
  expect(reminders).toHaveLength(customers);
  const items = await db.reminderItem.findMany({ where: { invoiceId: { in: invoiceIds } } });
  expect(new Set(items.map((i) => i.invoiceId)).size).toBe(items.length);
  expect(items.length).toBe(invoiceIds.length);
  for (const r of reminders) {
    expect(r.items.length).toBeGreaterThan(0);
    // A reminder with customer tiers has its email; a collections-only one alerted the owner instead.
    expect(r.outboxEmailId !== null).toBe(r.items.some((i) => i.tier.emailsCustomer));
  }
  expect(await db.outboxEmail.count({ where: { businessId, template: "reminder" } })).toBe(reminders.filter((r) => r.outboxEmailId).length);
  return reminders;
}
