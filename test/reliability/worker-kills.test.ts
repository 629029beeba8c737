// Issue 8: the reminder worker killed at random points of its runs (SIGKILL: no clean-up, no rollback
// handlers), sometimes twice, then restarted in a new process to finish. Every due reminder is sent exactly
// once: one reminder per customer, every due invoice in exactly one, one outbox email per reminder (unique
// dedupe key) and one delivery job per email, so nothing is lost between the run and the mailer.
import { afterAll, describe, expect, it } from "vitest";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { runReminders } from "../../app/modules/reminders/engine.server";
import { db } from "../../app/utils/db.server";
import { checkExactlyOnce, reminderWorld, runAndKill, timedRun } from "../support/reminder-kill";
import { reportFigure, scale, sized } from "./figures";

const TRIALS = sized(2, 20);
const CUSTOMERS = sized(6, 40);
const at = new Date("2026-11-20T15:00:00Z");

afterAll(async () => {
  await stopBoss();
});

async function deliveryJobsPerEmail(businessId: string) {
  const emails = await db.outboxEmail.findMany({ where: { businessId }, select: { id: true, dedupeKey: true } });
  const jobs = await db.$queryRaw<{ id: string; n: bigint }[]>`
    select data->>'outboxEmailId' as id, count(*) as n from pgboss.job
    where name = 'deliver-email' and data->>'outboxEmailId' = any(${emails.map((e) => e.id)}::text[]) group by 1`;
  return { emails, jobs: new Map(jobs.map((j) => [j.id, Number(j.n)])) };
}

describe("the reminder worker killed at random points", () => {
  it(`sends every due reminder exactly once over ${TRIALS} trials`, async () => {
    // How long a whole run takes here, so that the kills fall anywhere inside one.
    const calibration = await reminderWorld(CUSTOMERS);
    let { ms: fullRunMs } = await timedRun(calibration.business.id, at, Infinity);
    await checkExactlyOnce(calibration.business.id, calibration.invoiceIds, CUSTOMERS);

    let kills = 0;
    let killedMidway = 0;
    let reminders = 0;
    let emails = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      let { business, invoiceIds } = await reminderWorld(CUSTOMERS);
      // A kill timed after a run that went faster than the calibration finds it finished: that world is
      // spent, so a new one is tried, with the faster time as the bound (at most 5 times).
      for (let attempt = 0; attempt < 5; attempt++) {
        const run = await timedRun(business.id, at, Math.floor(Math.random() * fullRunMs));
        if (run.outcome === "killed") {
          kills++;
          const done = await db.reminder.count({ where: { businessId: business.id } });
          if (done > 0 && done < CUSTOMERS) killedMidway++;
          break;
        }
        await checkExactlyOnce(business.id, invoiceIds, CUSTOMERS);
        fullRunMs = Math.max(1, Math.min(fullRunMs, run.ms));
        ({ business, invoiceIds } = await reminderWorld(CUSTOMERS));
      }
      // At full scale, in every other trial a second kill: the restarted worker dies too.
      for (let k = 0; k < (scale === "full" ? trial % 2 : 0); k++) {
        const outcome = await runAndKill(business.id, at, Math.floor(Math.random() * fullRunMs));
        if (outcome !== "killed") continue;
        kills++;
        const done = await db.reminder.count({ where: { businessId: business.id } });
        if (done > 0 && done < CUSTOMERS) killedMidway++;
      }
      // The worker comes back (a new database session; in this process, to keep the small version quick) and finishes.
      await runReminders({ businessId: business.id, at });
      const sent = await checkExactlyOnce(business.id, invoiceIds, CUSTOMERS);
      const { emails: outbox, jobs } = await deliveryJobsPerEmail(business.id);
      expect(new Set(outbox.map((e) => e.dedupeKey)).size).toBe(outbox.length);
      for (const e of outbox) expect(jobs.get(e.id), `delivery job of ${e.dedupeKey}`).toBe(1);
      reminders += sent.length;
      emails += outbox.length;
    }

    // The kills must land inside runs, or the figure proves nothing (the small CI version may be unlucky).
    expect(kills).toBeGreaterThan(0);
    if (scale === "full") expect(killedMidway).toBeGreaterThan(0);
    reportFigure(
      "worker kills",
      `${TRIALS} trials, ${kills} SIGKILLs at random points of a ${fullRunMs} ms run (${killedMidway} in the middle of writing reminders): ` +
        `${reminders} reminders to ${TRIALS * CUSTOMERS} customers, ${emails} emails each queued once with one delivery job; 0 lost, 0 duplicated`,
      { trials: TRIALS, customersPerTrial: CUSTOMERS, kills, killedMidway, fullRunMs, reminders, emails },
    );
  });
});
