import { describe, expect, it } from "vitest";
import { runReminders } from "../../app/modules/reminders/engine.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { db } from "../../app/utils/db.server";
import { checkExactlyOnce, runAndKill, timedRun, reminderWorld as world } from "../support/reminder-kill";

// Each trial starts a worker process (about 2 s): 8 in the suite, spread over the run; CRASH_TRIALS=50 for more.
const TRIALS = Number(process.env.CRASH_TRIALS ?? 8);

describe("a reminder worker killed at any point", () => {
  it(`loses nothing and sends nothing twice over ${TRIALS} killed runs`, { timeout: 300_000 }, async () => {
    const at = new Date("2026-11-20T15:00:00Z");
    const CUSTOMERS = 20;
    let killedMidway = 0;
    // How long a whole run takes on this machine, so that the kills fall anywhere inside one.
    const calibration = await world(CUSTOMERS);
    const { ms: fullRunMs } = await timedRun(calibration.business.id, at, Infinity);
    await checkExactlyOnce(calibration.business.id, calibration.invoiceIds, CUSTOMERS);
    for (let trial = 0; trial < TRIALS; trial++) {
      const { business, invoiceIds } = await world(CUSTOMERS);
      // One kill in each slice of the run (anywhere inside its slice), so that the kills cover a whole run.
      const outcome = await runAndKill(business.id, at, Math.floor(((trial + Math.random()) / TRIALS) * fullRunMs));
      const before = await db.reminder.count({ where: { businessId: business.id } });
      if (outcome === "killed" && before > 0 && before < CUSTOMERS) killedMidway++;
      await runReminders({ businessId: business.id, at });
      await checkExactlyOnce(business.id, invoiceIds, CUSTOMERS);
    }
    await stopBoss();
    console.log(`reminder worker killed mid-run in ${killedMidway} of ${TRIALS} trials (a whole run: ${fullRunMs} ms); every trial ended with each reminder sent exactly once`);
    // The kills must have landed in the middle of runs, or the test proves nothing.
    expect(killedMidway).toBeGreaterThan(0);
  });
});
