import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { startSmtp } from "../support/smtp";
import { deliverOutboxEmail } from "../../app/modules/email/delivery.server";
import { enqueueEmail, sendEmailNow } from "../../app/modules/email/outbox.server";
import { startWorkers } from "../../app/modules/jobs/workers.server";
import { stopBoss } from "../../app/modules/jobs/queue.server";
import { db } from "../../app/utils/db.server";
import { resetEnvCache } from "../../app/utils/env.server";

const brand = { businessName: "Acme", brandColor: "#0f766e", supportEmail: "billing@acme.test" };
const testEmail = (dedupeKey?: string) => ({
  template: "owner-test" as const,
  to: "owner@acme.test",
  dedupeKey,
  props: { brand, ownerName: "Olivia", sentAtText: "today" },
});

async function jobsFor(outboxEmailId: string) {
  return db.$queryRaw<{ id: string }[]>`select id from pgboss.job where name = 'deliver-email' and data->>'outboxEmailId' = ${outboxEmailId}`;
}

afterEach(() => {
  delete process.env.SMTP_URL;
  resetEnvCache();
});

describe("email outbox", () => {
  it("writes the email and its delivery job in the caller's transaction, or neither", async () => {
    const committed = await sendEmailNow(testEmail());
    expect(await db.outboxEmail.findUnique({ where: { id: committed.id } })).toMatchObject({ status: "PENDING", subject: "Test email from Acme" });
    expect(await jobsFor(committed.id)).toHaveLength(1);

    let rolledBackId = "";
    await expect(
      db.$transaction(async (tx) => {
        rolledBackId = (await enqueueEmail(tx, testEmail())).id;
        throw new Error("the change that caused the email failed");
      }),
    ).rejects.toThrow("failed");
    expect(rolledBackId).not.toBe("");
    expect(await db.outboxEmail.findUnique({ where: { id: rolledBackId } })).toBeNull();
    expect(await jobsFor(rolledBackId)).toHaveLength(0);
  });

  it("renders HTML and a plain-text version", async () => {
    const { id } = await sendEmailNow(testEmail());
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.html).toContain("<html");
    expect(row.html).toContain("Olivia");
    expect(row.text).toContain("Olivia");
    expect(row.text).not.toContain("<");
  });

  it("queues one email per dedupe key, even when requests race", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => sendEmailNow(testEmail("same-event"))));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.outboxEmail.count({ where: { dedupeKey: "same-event" } })).toBe(1);
  });

  it("delivers to the development mailbox once, however many deliveries race", async () => {
    const { id } = await sendEmailNow(testEmail());
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => deliverOutboxEmail(id)));
    expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "skipped")).toHaveLength(5);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", transport: "dev-mailbox", attempts: 1 });
  });

  it("keeps an email while SMTP is down and delivers it exactly once when SMTP is back", async () => {
    const smtp = await startSmtp();
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
    resetEnvCache();
    await smtp.close();

    const { id } = await sendEmailNow(testEmail());
    await expect(deliverOutboxEmail(id)).rejects.toThrow();
    const waiting = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(waiting.status).toBe("PENDING");
    expect(waiting.lastError).toBeTruthy();

    const back = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _s, done) {
        let raw = "";
        stream.on("data", (c: Buffer) => (raw += c.toString()));
        stream.on("end", () => {
          smtp.received.push(raw);
          done();
        });
      },
    });
    await new Promise<void>((resolve) => back.listen(smtp.port, "127.0.0.1", resolve));
    try {
      expect(await deliverOutboxEmail(id)).toBe("sent");
      expect(await deliverOutboxEmail(id)).toBe("skipped");
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]).toContain(`Message-ID: <${id}@outbox.duely>`);
      expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", transport: "smtp", attempts: 2 });
    } finally {
      await new Promise<void>((resolve) => back.close(() => resolve()));
    }
  });

  it("is delivered by the pg-boss worker without anyone calling it", async () => {
    await startWorkers();
    try {
      const { id } = await sendEmailNow(testEmail());
      const deadline = Date.now() + 15_000;
      let status = "PENDING";
      while (Date.now() < deadline && status !== "SENT") {
        await new Promise((r) => setTimeout(r, 250));
        status = (await db.outboxEmail.findUniqueOrThrow({ where: { id } })).status;
      }
      expect(status).toBe("SENT");
    } finally {
      await stopBoss();
    }
  });
});
