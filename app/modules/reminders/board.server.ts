// The owner's tier board: every invoice the reminder sequence has reached, grouped by the tier it stands
// in, with its last contact, what happens next and when, and why it is held if it is.
import { addDays, dateInZone, fromDbDate, type CalendarDate } from "~/modules/dates/calendar";
import { sumByCurrency } from "~/modules/money/money";
import { db } from "~/utils/db.server";
import { MIN_GAP_FLOOR_DAYS } from "./decide";
import { findCandidates } from "./engine.server";

import type { BoardBadge } from "./board";

export type BoardCard = {
  invoiceId: string;
  number: string;
  customerId: string;
  customerName: string;
  amountCents: number;
  currency: string;
  daysOverdue: number;
  dueDate: CalendarDate;
  lastContact: { tier: string; on: CalendarDate } | null;
  next: { action: string; on: CalendarDate | null };
  badges: BoardBadge[];
};

export type BoardFilters = { q?: string; badge?: BoardBadge | "" };

export async function tierBoard(businessId: string, at: Date, filters: BoardFilters = {}) {
  const business = await db.business.findUniqueOrThrow({ where: { id: businessId } });
  const today = dateInZone(at, business.timeZone);
  const [candidates, tiers] = await Promise.all([findCandidates(at, businessId), db.reminderTier.findMany({ where: { businessId }, orderBy: { position: "asc" } })]);
  const invoiceIds = candidates.map((c) => c.invoiceId);
  const customerIds = [...new Set(candidates.map((c) => c.customerId))];
  const [customers, contacts, processing, lastEmails] = await Promise.all([
    db.customer.findMany({ where: { id: { in: customerIds } }, select: { id: true, name: true, companyName: true, remindersPausedAt: true, emailOptOut: true, handedOverAt: true } }),
    db.reminderItem.findMany({ where: { invoiceId: { in: invoiceIds } }, select: { invoiceId: true, tier: { select: { name: true } }, reminder: { select: { createdAt: true } } } }),
    db.paymentAllocation.findMany({ where: { invoiceId: { in: invoiceIds }, payment: { status: "PROCESSING" } }, select: { invoiceId: true } }),
    db.reminder.groupBy({ by: ["customerId"], where: { customerId: { in: customerIds }, outboxEmailId: { not: null } }, _max: { createdAt: true } }),
  ]);
  const customerById = new Map(customers.map((c) => [c.id, c]));
  const lastEmailOf = new Map(lastEmails.map((r) => [r.customerId, r._max.createdAt]));
  const processingIds = new Set(processing.map((p) => p.invoiceId));
  const lastContactOf = new Map<string, { tier: string; at: Date }>();
  for (const c of contacts) {
    const current = lastContactOf.get(c.invoiceId);
    if (!current || c.reminder.createdAt > current.at) lastContactOf.set(c.invoiceId, { tier: c.tier.name, at: c.reminder.createdAt });
  }
  const gapDays = Math.max(MIN_GAP_FLOOR_DAYS, business.reminderMinGapDays);

  const cards: (BoardCard & { position: number })[] = [];
  for (const c of candidates) {
    const customer = customerById.get(c.customerId);
    if (!customer) continue;
    const dueDate = fromDbDate(c.dueDate);
    const reached = tiers.filter((t) => t.offsetDays <= c.daysFromDue).at(-1) ?? tiers[0];
    if (!reached) continue;
    const badges: BoardBadge[] = [];
    if (c.underDispute) badges.push("disputed");
    if (c.openPromise) badges.push("promise");
    if (c.openQuestion) badges.push("question");
    if (c.inPlan) badges.push("plan");
    if (processingIds.has(c.invoiceId)) badges.push("processing");
    if (c.invoicePaused || customer.remindersPausedAt) badges.push("paused");
    const contact = lastContactOf.get(c.invoiceId);
    const lastEmail = lastEmailOf.get(c.customerId);
    const earliestByGap = lastEmail ? addDays(dateInZone(lastEmail, business.timeZone), gapDays) : today;
    const atLeast = (d: CalendarDate) => (d < earliestByGap ? earliestByGap : d < today ? today : d);
    let next: BoardCard["next"];
    const hold = c.underDispute
      ? "Held: under dispute"
      : customer.handedOverAt
      ? "Handed over to collections"
      : customer.emailOptOut
        ? "Held: the customer opted out of email"
        : c.invoicePaused || customer.remindersPausedAt
          ? "Held: reminders paused"
          : c.inPlan
            ? "Held: on a payment plan"
            : c.openPromise
              ? "Held: promised to pay"
              : c.openQuestion
                ? "Held: question to answer"
                : null;
    if (hold) next = { action: hold, on: null };
    else {
      const sent = c.lastSentPosition ?? -1;
      const upcoming = reached.position > sent ? reached : tiers.find((t) => t.position > Math.max(sent, reached.position));
      next = upcoming
        ? { action: `${upcoming.emailsCustomer ? "Send" : "Alert you:"} ${upcoming.name}`, on: atLeast(upcoming.position === reached.position ? today : addDays(dueDate, upcoming.offsetDays)) }
        : { action: "Last tier reached", on: null };
    }
    cards.push({
      position: reached.position,
      invoiceId: c.invoiceId,
      number: c.number,
      customerId: c.customerId,
      customerName: customer.companyName ? `${customer.name} (${customer.companyName})` : customer.name,
      // What is at stake: due now, and what a dispute holds.
      amountCents: Number(c.dueNowCents) + Number(c.disputedCents),
      currency: c.currency,
      daysOverdue: Math.max(0, c.daysFromDue),
      dueDate,
      lastContact: contact ? { tier: contact.tier, on: dateInZone(contact.at, business.timeZone) } : null,
      next,
      badges,
    });
  }

  const q = filters.q?.trim().toLowerCase() ?? "";
  const shown = cards.filter((c) => (!q || c.number.toLowerCase().includes(q) || c.customerName.toLowerCase().includes(q)) && (!filters.badge || c.badges.includes(filters.badge)));
  return {
    today,
    currency: business.currency,
    total: cards.length,
    columns: tiers.map((t) => {
      const inTier = shown.filter((c) => c.position === t.position).sort((a, b) => b.daysOverdue - a.daysOverdue);
      return { tier: { id: t.id, name: t.name, kind: t.kind, offsetDays: t.offsetDays }, amounts: sumByCurrency(inTier.map((c) => ({ currency: c.currency, cents: c.amountCents }))), cards: inTier.map(({ position: _position, ...card }) => card) };
    }),
  };
}
