// The owner's late-fee policy and the fee of each tier, validated with clear errors.
import { z } from "zod";
import { logActivity } from "~/modules/activity/activity.server";
import { db } from "~/utils/db.server";
import { optionalAmountField, percentField } from "~/utils/form-fields";

const percent = percentField;

const moneyField = (currency: string) => (field: string) => optionalAmountField(field, { negative: "Enter an amount of zero or more.", fallback: "enter an amount" }, currency);

/** The late-fee policy form; amounts in the business's currency. */
export function lateFeeForm(currency: string) {
  const money = moneyField(currency);
  return z
  .object({
    enabled: z.literal("on").optional(),
    graceDays: z.coerce.number({ message: "Enter a number of days." }).int("Whole days.").min(0, "Zero or more days.").max(90, "At most 90 days."),
    capAmount: money("Cap amount"),
    capPercent: percent("Cap percentage"),
  })
  .catchall(z.string())
  .transform((v) => ({ enabled: v.enabled === "on", graceDays: v.graceDays, capCents: v.capAmount, capBps: v.capPercent, raw: v as Record<string, string> }))
  .superRefine((v, ctx) => {
    if (v.enabled && v.capCents === 0 && v.capBps === 0) ctx.addIssue({ code: "custom", path: ["capAmount"], message: "Set a cap (an amount or a percentage) before turning late fees on." });
  });
}

/** The form for a business billing in US dollars. */
export const LateFeeForm = lateFeeForm("USD");

export async function getLateFeeSettings(businessId: string) {
  const [policy, tiers] = await Promise.all([
    db.lateFeePolicy.upsert({ where: { businessId }, create: { businessId }, update: {} }),
    db.reminderTier.findMany({ where: { businessId, offsetDays: { gt: 0 }, emailsCustomer: true }, orderBy: { position: "asc" } }),
  ]);
  return { policy, tiers };
}

export async function saveLateFees(businessId: string, ownerId: string, input: z.infer<typeof LateFeeForm>, currency = "USD") {
  const money = moneyField(currency);
  const tiers = await db.reminderTier.findMany({ where: { businessId, offsetDays: { gt: 0 }, emailsCustomer: true } });
  const tierFees: { id: string; fixed: number; bps: number }[] = [];
  const errors: Record<string, string[]> = {};
  for (const t of tiers) {
    const fixed = money(`${t.name} amount`).safeParse(input.raw[`fixed_${t.id}`] ?? "");
    const bps = percent(`${t.name} percentage`).safeParse(input.raw[`percent_${t.id}`] ?? "");
    if (!fixed.success) errors[`fixed_${t.id}`] = fixed.error.issues.map((i) => i.message);
    if (!bps.success) errors[`percent_${t.id}`] = bps.error.issues.map((i) => i.message);
    if (fixed.success && bps.success) tierFees.push({ id: t.id, fixed: fixed.data, bps: bps.data });
  }
  if (Object.keys(errors).length) return errors;
  await db.$transaction(async (tx) => {
    const { enabled, graceDays, capCents, capBps } = input;
    await tx.lateFeePolicy.upsert({ where: { businessId }, create: { businessId, enabled, graceDays, capCents, capBps }, update: { enabled, graceDays, capCents, capBps } });
    for (const t of tierFees) await tx.reminderTier.update({ where: { id: t.id }, data: { lateFeeFixedCents: t.fixed, lateFeeBps: t.bps } });
    await logActivity(tx, { businessId, actor: "OWNER", actorUserId: ownerId, type: "settings.late_fees_updated", summary: enabled ? `Late fees on: ${graceDays} grace days, capped` : "Late fees off", data: { enabled, graceDays, capCents, capBps } });
  });
  return null;
}
