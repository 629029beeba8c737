// Registers every job handler. Runs in the web process by default (RUN_JOBS_IN_WEB) and in
// `npm run worker` for production deployments that separate the two.
import { deliverOutboxEmail, findStrandedEmails } from "~/modules/email/delivery.server";
import { runReminders } from "~/modules/reminders/engine.server";
import { runPlanCharges } from "~/modules/plans/charges.server";
import { sweepReplacedIntents } from "~/modules/plans/plans.server";
import { sweepUnsentRefunds } from "~/modules/refunds/refunds.server";
import { finishSimulatedRefund, runSimulatorLater, settleSimulatedBankDebit, settleSimulatedSepaDebit, type SimulatorLater } from "~/modules/payments/simulator.server";
import { syncClock } from "~/utils/clock.server";
import { getBoss, QUEUES } from "./queue.server";

export async function startWorkers() {
  const boss = await getBoss("worker");

  await boss.work<{ outboxEmailId: string }>(
    QUEUES.deliverEmail,
    // One email per job (a failure retries only that email); with a backlog (after an SMTP outage) the
    // slots fetch without pausing between jobs instead of one job per slot per second.
    { batchSize: 1, pollingIntervalSeconds: 1, localConcurrency: 4, burstWhenReadyExceeds: 4 },
    async ([job]) => {
      if (!job) return;
      await syncClock();
      await deliverOutboxEmail(job.data.outboxEmailId);
    },
  );

  // A simulated bank debit settling: ACH (an account number) or SEPA (one of Stripe's test IBANs).
  await boss.work<{ paymentId: string; accountNumber: string } | { paymentId: string; iban: string }>(QUEUES.simulatorSettle, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    await syncClock();
    if ("iban" in job.data) await settleSimulatedSepaDebit(job.data.paymentId, job.data.iban);
    else await settleSimulatedBankDebit(job.data.paymentId, job.data.accountNumber);
  });

  await boss.work<{ refundId: string; outcome: "succeeded" | "failed" }>(QUEUES.simulatorRefund, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    await syncClock();
    await finishSimulatedRefund(job.data.refundId, job.data.outcome);
  });

  await boss.work<SimulatorLater>(QUEUES.simulatorLater, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (!job) return;
    await syncClock();
    await runSimulatorLater(job.data);
  });

  await boss.work(QUEUES.remindersRun, { pollingIntervalSeconds: 5 }, async () => {
    await syncClock();
    const result = await runReminders();
    if (result.customersEmailed || result.ownerAlerts) console.log(`[reminders] ${JSON.stringify(result)}`);
  });
  await boss.schedule(QUEUES.remindersRun, "*/15 * * * *");

  await boss.work(QUEUES.plansRun, { pollingIntervalSeconds: 5 }, async () => {
    await syncClock();
    const result = await runPlanCharges();
    if (result.charges || result.notices || result.errors) console.log(`[plans] ${JSON.stringify(result)}`);
  });
  await boss.schedule(QUEUES.plansRun, "*/15 * * * *");

  await boss.work(QUEUES.outboxSweep, { pollingIntervalSeconds: 5 }, async () => {
    const ids = await findStrandedEmails(2 * 60_000);
    for (const id of ids) {
      await boss.send(QUEUES.deliverEmail, { outboxEmailId: id }, { singletonKey: id });
    }
  });
  await boss.schedule(QUEUES.outboxSweep, "* * * * *");

  // Replaced checkouts whose intent a crash or a gateway outage left confirmable at the gateway.
  await boss.work(QUEUES.gatewayCancelSweep, { pollingIntervalSeconds: 5 }, async () => {
    await syncClock();
    const result = await sweepReplacedIntents();
    if (result.cancelled || result.refused || result.retry) console.log(`[payments] replaced intents swept: ${JSON.stringify(result)}`);
    const refunds = await sweepUnsentRefunds();
    if (refunds.stuck) console.log(`[refunds] unsent refunds swept: ${JSON.stringify(refunds)}`);
  });
  await boss.schedule(QUEUES.gatewayCancelSweep, "* * * * *");
  return boss;
}
