// The append-only activity log: every contact, visit, payment and decision, per customer and invoice.
import type { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/utils/db.server";
import { now } from "~/utils/clock.server";

export type ActivityInput = {
  businessId: string;
  customerId?: string | null;
  invoiceId?: string | null;
  actor: "OWNER" | "CUSTOMER" | "SYSTEM";
  actorUserId?: string | null;
  type: string;
  summary: string;
  data?: Prisma.InputJsonValue;
};

export async function logActivity(tx: Tx, entry: ActivityInput) {
  await tx.activityEvent.create({ data: { ...entry, data: entry.data ?? {}, occurredAt: now() } });
}
