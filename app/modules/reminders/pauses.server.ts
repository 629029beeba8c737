// The owner's pause switches, for one invoice or a whole customer. Every pause and resume is logged.
import { logActivity } from "~/modules/activity/activity.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";

export async function setCustomerRemindersPaused(businessId: string, ownerId: string, customerId: string, paused: boolean) {
  const customer = await db.customer.findFirst({ where: { id: customerId, businessId } });
  if (!customer) throw new Response("Not found", { status: 404 });
  await db.$transaction(async (tx) => {
    await tx.customer.update({ where: { id: customerId }, data: { remindersPausedAt: paused ? now() : null } });
    await logActivity(tx, { businessId, customerId, actor: "OWNER", actorUserId: ownerId, type: paused ? "reminders.paused" : "reminders.resumed", summary: paused ? "Paused all reminders for this customer" : "Resumed reminders for this customer" });
  });
}

export async function setInvoiceRemindersPaused(businessId: string, ownerId: string, invoiceId: string, paused: boolean) {
  const invoice = await db.invoice.findFirst({ where: { id: invoiceId, businessId } });
  if (!invoice) throw new Response("Not found", { status: 404 });
  await db.$transaction(async (tx) => {
    await tx.invoice.update({ where: { id: invoiceId }, data: { remindersPausedAt: paused ? now() : null } });
    await logActivity(tx, { businessId, customerId: invoice.customerId, invoiceId, actor: "OWNER", actorUserId: ownerId, type: paused ? "reminders.paused" : "reminders.resumed", summary: paused ? `Paused reminders for ${invoice.number}` : `Resumed reminders for ${invoice.number}` });
  });
}

/** The bulk switch on the board: every invoice must be the business's, or nothing changes. */
export async function setInvoicesRemindersPaused(businessId: string, ownerId: string, invoiceIds: string[], paused: boolean) {
  await requireInvoicesOf(businessId, invoiceIds);
  for (const id of invoiceIds) await setInvoiceRemindersPaused(businessId, ownerId, id, paused);
}

/** Refuses a list of invoices unless every one belongs to the business (a 404, as for one invoice). */
export async function requireInvoicesOf(businessId: string, invoiceIds: string[]) {
  const ids = [...new Set(invoiceIds)];
  const found = await db.invoice.count({ where: { id: { in: ids }, businessId } });
  if (found !== ids.length) throw new Response("Not found", { status: 404 });
}

/** The last tier each invoice was reminded at, for the owner's views. */
export async function lastTiers(invoiceIds: string[]) {
  const items = await db.reminderItem.findMany({ where: { invoiceId: { in: invoiceIds } }, include: { tier: true, reminder: { select: { createdAt: true } } } });
  const out: Record<string, { name: string; at: Date }> = {};
  for (const i of items) {
    const current = out[i.invoiceId];
    if (!current || i.reminder.createdAt > current.at) out[i.invoiceId] = { name: i.tier.name, at: i.reminder.createdAt };
  }
  return out;
}

export async function pausedInvoiceIds(invoiceIds: string[]) {
  return (await db.invoice.findMany({ where: { id: { in: invoiceIds }, remindersPausedAt: { not: null } }, select: { id: true } })).map((i) => i.id);
}
