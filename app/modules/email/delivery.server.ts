// Delivers one outbox email exactly once: the row is claimed before sending and marked after.
// A crash between SMTP's acceptance and the mark is retried after a lease expires with the same
// Message-ID, so receiving servers can drop the duplicate (docs/decisions/004-email-outbox.md).
import { db } from "~/utils/db.server";
import { deliver, isPermanentFailure } from "~/utils/mailer.server";
import { now } from "~/utils/clock.server";
import { redact, secretValuesIn } from "~/utils/redact.server";

export const SENDING_LEASE_MS = 5 * 60_000;
export const MAX_ATTEMPTS = 20;

function messageIdFor(id: string) {
  return `<${id}@outbox.duely>`;
}

export type DeliveryOutcome = "sent" | "skipped" | "failed-permanently";

export async function deliverOutboxEmail(id: string): Promise<DeliveryOutcome> {
  const leaseExpired = new Date(Date.now() - SENDING_LEASE_MS);
  const claimed = await db.outboxEmail.updateManyAndReturn({
    where: {
      id,
      OR: [{ status: "PENDING" }, { status: "SENDING", lockedAt: { lt: leaseExpired } }],
    },
    data: { status: "SENDING", lockedAt: new Date(), attempts: { increment: 1 } },
  });
  const email = claimed[0];
  if (!email) return "skipped";

  try {
    const result = await deliver({
      messageId: messageIdFor(email.id),
      from: email.fromAddress,
      to: email.toAddress,
      replyTo: email.replyTo,
      subject: email.subject,
      html: email.html,
      text: email.text,
    });
    await db.outboxEmail.update({
      where: { id },
      data: { status: "SENT", sentAt: now(), transport: result.transport, messageId: result.messageId, lastError: null },
    });
    return "sent";
  } catch (error) {
    // Kept and shown to the owner: an SMTP error must not carry the server's credentials.
    const message = redact(error instanceof Error ? error.message : String(error), secretValuesIn(process.env));
    const permanent = isPermanentFailure(error) || email.attempts >= MAX_ATTEMPTS;
    await db.outboxEmail.update({
      where: { id },
      data: { status: permanent ? "FAILED" : "PENDING", lockedAt: null, lastError: message.slice(0, 2000) },
    });
    if (permanent) return "failed-permanently";
    throw error;
  }
}

/** Emails still pending after `olderThanMs` (their job ran out of retries or was lost): queue them again. */
export async function findStrandedEmails(olderThanMs: number, limit = 500) {
  const before = new Date(Date.now() - olderThanMs);
  const rows = await db.outboxEmail.findMany({
    where: {
      OR: [
        { status: "PENDING", createdAt: { lt: before } },
        { status: "SENDING", lockedAt: { lt: new Date(Date.now() - SENDING_LEASE_MS) } },
      ],
    },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  return rows.map((r) => r.id);
}
