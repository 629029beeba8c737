// The engine's guardrails as pure decisions, so each can be tested with any clock.
export type CustomerGate = {
  lastReminderAt: Date | null;
  minGapDays: number;
  localHour: number;
  quietHoursStart: number;
  quietHoursEnd: number;
  paused: boolean;
  optedOut: boolean;
  handedOver: boolean;
};

export type GateResult = { send: true } | { send: false; reason: "min_gap" | "quiet_hours" | "customer_paused" | "opted_out" | "handed_over" };

/** Hours from quietHoursStart (inclusive) to quietHoursEnd (exclusive), wrapping past midnight. */
export function isQuietHour(hour: number, start: number, end: number) {
  if (start === end) return false;
  return start > end ? hour >= start || hour < end : hour >= start && hour < end;
}

export const MIN_GAP_FLOOR_DAYS = 3;

export function gateCustomer(g: CustomerGate, now: Date): GateResult {
  if (g.handedOver) return { send: false, reason: "handed_over" };
  if (g.optedOut) return { send: false, reason: "opted_out" };
  if (g.paused) return { send: false, reason: "customer_paused" };
  const gapDays = Math.max(MIN_GAP_FLOOR_DAYS, g.minGapDays);
  if (g.lastReminderAt && now.getTime() - g.lastReminderAt.getTime() < gapDays * 86400_000) return { send: false, reason: "min_gap" };
  if (isQuietHour(g.localHour, g.quietHoursStart, g.quietHoursEnd)) return { send: false, reason: "quiet_hours" };
  return { send: true };
}

export type TierLike = { position: number; offsetDays: number };

/**
 * The tier an invoice is in today: the last one whose day has come. After downtime this is the tier it
 * is in now, not every tier it missed. A broken promise moves it one past the last tier sent.
 */
export function currentTier<T extends TierLike>(tiers: readonly T[], daysFromDue: number, lastSentPosition: number | null, promiseBrokenSinceLastSend: boolean): T | null {
  const sorted = [...tiers].sort((a, b) => a.position - b.position);
  let byTime: T | null = null;
  for (const t of sorted) if (t.offsetDays <= daysFromDue) byTime = t;
  let tier = byTime;
  if (promiseBrokenSinceLastSend && lastSentPosition !== null) {
    const next = sorted.find((t) => t.position > lastSentPosition) ?? null;
    if (next && (!tier || next.position > tier.position)) tier = next;
  }
  if (!tier) return null;
  if (lastSentPosition !== null && tier.position <= lastSentPosition) return null;
  return tier;
}

export const SKIP_REASONS: Record<string, string> = {
  min_gap: "the last reminder to this customer was less than the minimum gap ago",
  quiet_hours: "it is night in the customer's time zone",
  customer_paused: "reminders are paused for this customer",
  opted_out: "the customer opted out of email",
  handed_over: "the account was handed over to collections",
};
