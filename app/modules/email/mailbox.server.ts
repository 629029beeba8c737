// The development mailbox: outbox emails delivered without SMTP, readable in the app.
import { isProduction } from "~/utils/env.server";
import { db } from "~/utils/db.server";

export function assertMailboxAvailable() {
  if (isProduction()) throw new Response("Not found", { status: 404 });
}

export function listMailbox(limit = 200) {
  return db.outboxEmail.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, toAddress: true, subject: true, status: true, template: true, createdAt: true, sentAt: true, transport: true, attempts: true, lastError: true },
  });
}

export async function getMailboxMessage(id: string) {
  const message = await db.outboxEmail.findUnique({ where: { id } });
  if (!message) throw new Response("Not found", { status: 404 });
  return message;
}
