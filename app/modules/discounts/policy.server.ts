// The owner's early-pay discount policy and per-invoice overrides, validated with clear errors.
import { z } from "zod";
import { logActivity } from "~/modules/activity/activity.server";
import { parseMoney } from "~/modules/money/money";
import { db } from "~/utils/db.server";

const percent = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\.\d{1,2})?$/, "Enter a percentage such as 2 or 1.5 (at most two decimals).")
  .transform((v) => Math.round(Number(v) * 100))
  .refine((bps) => bps > 0 && bps <= 5000, "Between 0.01% and 50%.");

export const DiscountPolicyForm = z
  .object({
    enabled: z.literal("on").optional(),
    kind: z.enum(["PERCENT", "FIXED"], { message: "Choose a percentage or a fixed amount." }),
    percent: z.string().optional(),
    amount: z.string().optional(),
    windowDays: z.coerce.number({ message: "Enter a number of days." }).int("Whole days.").min(1, "At least 1 day.").max(90, "At most 90 days."),
    achOnly: z.literal("on").optional(),
    combinesWithPlan: z.literal("on").optional(),
  })
  .transform((v, ctx) => {
    let percentBps = 0;
    let amountCents = 0;
    if (v.kind === "PERCENT") {
      const parsed = percent.safeParse(v.percent ?? "");
      if (!parsed.success) ctx.addIssue({ code: "custom", path: ["percent"], message: parsed.error.issues[0]?.message ?? "Enter a percentage." });
      else percentBps = parsed.data;
    } else {
      try {
        amountCents = parseMoney(v.amount ?? "", "USD");
        if (amountCents <= 0) ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter an amount greater than zero." });
      } catch (error) {
        ctx.addIssue({ code: "custom", path: ["amount"], message: error instanceof Error ? error.message : "Enter an amount." });
      }
    }
    return { enabled: v.enabled === "on", kind: v.kind, percentBps, amountCents, windowDays: v.windowDays, achOnly: v.achOnly === "on", combinesWithPlan: v.combinesWithPlan === "on" };
  });

export function getDiscountPolicy(businessId: string) {
  return db.discountPolicy.upsert({ where: { businessId }, create: { businessId }, update: {} });
}

export async function saveDiscountPolicy(businessId: string, ownerId: string, input: z.infer<typeof DiscountPolicyForm>) {
  await db.$transaction(async (tx) => {
    await tx.discountPolicy.upsert({ where: { businessId }, create: { businessId, ...input }, update: input });
    await logActivity(tx, { businessId, actor: "OWNER", actorUserId: ownerId, type: "settings.discount_updated", summary: input.enabled ? `Early-pay discount: ${input.kind === "PERCENT" ? `${input.percentBps / 100}%` : `${input.amountCents / 100} off`} within ${input.windowDays} days` : "Early-pay discount turned off", data: input });
  });
}
