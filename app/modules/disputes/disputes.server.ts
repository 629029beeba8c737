// The owner's side of disputes: what a payment's page shows of them, and test mode's stand-in for the bank's decision.
import { z } from "zod";
import { logActivity } from "~/modules/activity/activity.server";
import { disputeReasonText } from "./disputes";
import { decideSimulatedDispute } from "~/modules/payments/simulator.server";
import { db } from "~/utils/db.server";

const decisionSchema = z.object({
  disputeId: z.string().min(1, "Choose the dispute to decide."),
  outcome: z.enum(["won", "lost"], { message: "Choose won or lost." }),
});

/**
 * Test mode only (the simulator): closes an open dispute as the card network would after evidence. With Stripe the
 * decision comes from the card network through charge.dispute.closed, never from here.
 */
export async function simulateDisputeDecision(businessId: string, userId: string, paymentId: string, values: Record<string, string>) {
  const parsed = decisionSchema.safeParse(values);
  if (!parsed.success) return { ok: false as const, fieldErrors: { form: parsed.error.issues.map((i) => i.message) } };
  const dispute = await db.dispute.findFirst({ where: { id: parsed.data.disputeId, paymentId, businessId }, include: { payment: { select: { gateway: true, customerId: true } } } });
  if (!dispute) throw new Response("Not found", { status: 404 });
  if (dispute.payment.gateway !== "simulator") return { ok: false as const, fieldErrors: { form: ["Only a test-mode dispute can be decided here: Stripe's card network decides real ones."] } };
  if (dispute.status !== "OPEN") return { ok: false as const, fieldErrors: { form: ["This dispute is closed already."] } };
  await decideSimulatedDispute(dispute.id, parsed.data.outcome);
  await db.$transaction((tx) =>
    logActivity(tx, { businessId, customerId: dispute.payment.customerId, actor: "OWNER", actorUserId: userId, type: "dispute.simulated", summary: `Test mode: the bank's decision on the dispute was simulated as ${parsed.data.outcome}`, data: { disputeId: dispute.id } }),
  );
  return { ok: true as const, message: parsed.data.outcome === "won" ? "The dispute is won: the money counts as paid again." : "The dispute is lost: the invoice is owed again and its reminders are paused until you decide." };
}

/** The disputes on an invoice's payments, for its page: newest first. The invoice must be the business's. */
export async function invoiceDisputes(businessId: string, invoiceId: string) {
  const parts = await db.disputeAllocation.findMany({
    where: { invoiceId, invoice: { businessId } },
    include: { dispute: { select: { id: true, paymentId: true, status: true, inquiry: true, reason: true, evidenceDueBy: true, openedAt: true, closedAt: true, currency: true } } },
    orderBy: { dispute: { openedAt: "desc" } },
  });
  return parts.map((p) => ({
    id: p.dispute.id,
    paymentId: p.dispute.paymentId,
    amountCents: p.amountCents,
    status: p.dispute.status,
    inquiry: p.dispute.inquiry,
    reasonText: disputeReasonText(p.dispute.reason),
    evidenceDueBy: p.dispute.evidenceDueBy?.toISOString() ?? null,
    openedAt: p.dispute.openedAt.toISOString(),
    closedAt: p.dispute.closedAt?.toISOString() ?? null,
  }));
}

/** After a lost chargeback the owner chooses to chase the balance again: reminders resume, and the log says why. */
export async function chaseAfterLostDispute(businessId: string, userId: string, invoiceId: string) {
  const invoice = await db.invoice.findFirst({ where: { id: invoiceId, businessId }, select: { id: true, number: true, customerId: true, remindersPausedAt: true } });
  if (!invoice) throw new Response("Not found", { status: 404 });
  const lost = await db.disputeAllocation.count({ where: { invoiceId, dispute: { status: "LOST", inquiry: false } } });
  if (lost === 0) return { ok: false as const, message: "No chargeback was lost on this invoice." };
  await db.$transaction(async (tx) => {
    await tx.invoice.update({ where: { id: invoice.id }, data: { remindersPausedAt: null } });
    await logActivity(tx, { businessId, customerId: invoice.customerId, invoiceId: invoice.id, actor: "OWNER", actorUserId: userId, type: "reminders.resumed", summary: `Chasing ${invoice.number} again after the lost chargeback: reminders resumed` });
  });
  return { ok: true as const, message: `Reminders resumed for ${invoice.number}.` };
}
