// Late fees with guardrails: off unless the owner turns them on; per tier a fixed amount and/or a share of
// the principal; nothing inside the grace period, while an ACH payment is processing or a plan is current;
// never twice for a tier; never past the cap (an amount and a share of the principal), whatever happens.
import { applyBps, type Cents } from "~/modules/money/money";

export type LateFeePolicy = { enabled: boolean; graceDays: number; capCents: Cents; capBps: number };
export type TierFee = { fixedCents: Cents; bps: number; offsetDays: number };

export type FeeSituation = {
  /** The invoice's lines: the base of the percentage cap. */
  principalCents: Cents;
  /** What is still unpaid of the principal: the base of a tier's percentage fee. */
  overduePrincipalCents: Cents;
  /** Fees already applied (not waived) on this invoice. */
  appliedFeesCents: Cents;
  daysFromDue: number;
  processing: boolean;
  inPlan: boolean;
  alreadyChargedForTier: boolean;
};

/** The most fees an invoice may ever carry: the smaller of the two caps (0 means "no cap of that kind"). */
export function feeCap(policy: LateFeePolicy, principalCents: Cents): Cents {
  const caps = [policy.capCents > 0 ? policy.capCents : Infinity, policy.capBps > 0 ? applyBps(principalCents, policy.capBps, "down") : Infinity];
  const cap = Math.min(...caps);
  return Number.isFinite(cap) ? cap : Number.MAX_SAFE_INTEGER;
}

export function lateFeeDue(policy: LateFeePolicy, tier: TierFee, s: FeeSituation): Cents | null {
  if (!policy.enabled || s.alreadyChargedForTier || s.processing || s.inPlan) return null;
  if (s.daysFromDue <= policy.graceDays || s.daysFromDue < tier.offsetDays || tier.offsetDays <= 0) return null;
  const raw = tier.fixedCents + applyBps(s.overduePrincipalCents, tier.bps, "down");
  const room = feeCap(policy, s.principalCents) - s.appliedFeesCents;
  const amount = Math.min(raw, room);
  return amount > 0 ? amount : null;
}

/**
 * The policy and tier fee for an invoice in `invoiceCurrency` (decision 033): fixed amounts are in the business's
 * currency and apply only to its invoices. In another currency the tier's fixed fee is not charged and the cap is
 * the percentage cap alone; with only an amount cap, no fee is charged (a fee is never charged without a cap).
 */
export function forCurrency(policy: LateFeePolicy, tier: TierFee, invoiceCurrency: string, businessCurrency: string): { policy: LateFeePolicy; tier: TierFee } {
  if (invoiceCurrency === businessCurrency) return { policy, tier };
  return {
    policy: { ...policy, enabled: policy.enabled && policy.capBps > 0, capCents: 0 },
    tier: { ...tier, fixedCents: 0 },
  };
}
