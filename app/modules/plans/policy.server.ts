// The owner's rules for self-serve plans, validated with errors that say what to change.
import { z } from "zod";
import { Prisma, type PlanPolicy } from "~/generated/prisma/client";
import { logActivity } from "~/modules/activity/activity.server";
import { formatMoney } from "~/modules/money/money";
import { db, modelColumns, readRows, type Db, type Tx } from "~/utils/db.server";
import { optionalAmountField, percentField } from "~/utils/form-fields";
import { FREQUENCY_LABELS, type Frequency, type PlanRules } from "./schedule";

const FREQUENCY_DAYS: Record<Frequency, number> = { WEEKLY: 7, BIWEEKLY: 14, MONTHLY: 28 };

const whole = (label: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${label}: enter a whole number.` })
    .int(`${label}: enter a whole number.`)
    .min(min, `${label}: at least ${min}.`)
    .max(max, `${label}: at most ${max}.`);



const percent = percentField;

/** The plan policy form, its amounts in the business's currency (minor units with that currency's exponent). */
export function planPolicyForm(currency: string) {
  const amount = (label: string) => optionalAmountField(label, {}, currency);
  return z
  .object({
    enabled: z.literal("on").optional(),
    minBalance: amount("Minimum balance"),
    minInstalments: whole("Fewest instalments", 2, 24),
    maxInstalments: whole("Most instalments", 2, 24),
    frequencies: z.array(z.enum(["WEEKLY", "BIWEEKLY", "MONTHLY"])).min(1, "Offer at least one frequency."),
    maxDurationDays: whole("Longest plan (days)", 7, 730),
    minFirstPercent: percent("Minimum first payment (%)"),
    minFirstAmount: amount("Minimum first payment"),
    fee: amount("Plan fee"),
    brokenPlanLockoutMonths: whole("Months after a broken plan", 0, 60),
    excludeRisky: z.literal("on").optional(),
    retryAfterDays: whole("Days between retries", 1, 14),
    maxRetries: whole("Retries", 0, 5),
    noticeDaysBefore: whole("Notice (days before a charge)", 1, 10),
  })
  .transform((v) => ({
    enabled: v.enabled === "on",
    minBalanceCents: v.minBalance,
    minInstalments: v.minInstalments,
    maxInstalments: v.maxInstalments,
    frequencies: v.frequencies,
    maxDurationDays: v.maxDurationDays,
    minFirstPaymentBps: v.minFirstPercent,
    minFirstPaymentCents: v.minFirstAmount,
    feeCents: v.fee,
    brokenPlanLockoutMonths: v.brokenPlanLockoutMonths,
    excludeRisky: v.excludeRisky === "on",
    retryAfterDays: v.retryAfterDays,
    maxRetries: v.maxRetries,
    noticeDaysBefore: v.noticeDaysBefore,
  }))
  .superRefine((v, ctx) => {
    if (v.minInstalments > v.maxInstalments) ctx.addIssue({ code: "custom", path: ["maxInstalments"], message: "Most instalments must be at least the fewest." });
    const shortest = Math.min(...v.frequencies.map((f) => FREQUENCY_DAYS[f]));
    const fastest = v.frequencies.find((f) => FREQUENCY_DAYS[f] === shortest) ?? "WEEKLY";
    if ((v.minInstalments - 1) * shortest > v.maxDurationDays) {
      ctx.addIssue({ code: "custom", path: ["maxDurationDays"], message: `${v.minInstalments} instalments ${FREQUENCY_LABELS[fastest].toLowerCase()} take ${(v.minInstalments - 1) * shortest} days: allow a longer plan or fewer instalments.` });
    }
    if (v.noticeDaysBefore >= shortest) {
      ctx.addIssue({ code: "custom", path: ["noticeDaysBefore"], message: `The notice must come before the previous charge's date: less than ${shortest} days with ${FREQUENCY_LABELS[fastest].toLowerCase()} plans.` });
    }
    if (v.retryAfterDays * v.maxRetries >= shortest) {
      ctx.addIssue({ code: "custom", path: ["maxRetries"], message: `${v.maxRetries} retries ${v.retryAfterDays} days apart run into the next instalment (${shortest} days later): fewer retries or shorter gaps.` });
    }
    if (v.minBalanceCents > 0 && v.feeCents * 10 > v.minBalanceCents) {
      ctx.addIssue({ code: "custom", path: ["fee"], message: `The fee can be at most 10% of the minimum balance (${formatMoney(Math.floor(v.minBalanceCents / 10), currency)}).` });
    }
    if (v.minBalanceCents === 0 && v.feeCents > 0) ctx.addIssue({ code: "custom", path: ["minBalance"], message: "Set a minimum balance when plans carry a fee." });
  });
}

/** The form for a business billing in US dollars. */
export const PlanPolicyForm = planPolicyForm("USD");

export type PlanPolicyInput = z.infer<typeof PlanPolicyForm>;

const PLAN_POLICY_SQL = `select ${modelColumns(Prisma.PlanPolicyScalarFieldEnum, "p", { frequencies: "text[]" })} from "PlanPolicy" p where p."businessId" = $1`;

export async function getPlanPolicy(businessId: string, client: Db | Tx = db): Promise<PlanPolicy> {
  // Read first (on every portal page, through the pool): an upsert is a transaction of its own; the row is created
  // (with the defaults) only once.
  const [policy] = await readRows<PlanPolicy>(PLAN_POLICY_SQL, [businessId], client);
  return policy ?? client.planPolicy.upsert({ where: { businessId }, create: { businessId }, update: {} });
}

export function rulesOf(policy: PlanPolicy): PlanRules {
  return {
    enabled: policy.enabled,
    minBalanceCents: policy.minBalanceCents,
    minInstalments: policy.minInstalments,
    maxInstalments: policy.maxInstalments,
    frequencies: policy.frequencies,
    maxDurationDays: policy.maxDurationDays,
    minFirstPaymentBps: policy.minFirstPaymentBps,
    minFirstPaymentCents: policy.minFirstPaymentCents,
    feeCents: policy.feeCents,
  };
}

export async function savePlanPolicy(businessId: string, ownerId: string, input: PlanPolicyInput, currency = "USD") {
  await db.$transaction(async (tx) => {
    await tx.planPolicy.upsert({ where: { businessId }, create: { businessId, ...input }, update: input });
    await logActivity(tx, {
      businessId,
      actor: "OWNER",
      actorUserId: ownerId,
      type: "settings.plans_updated",
      summary: input.enabled
        ? `Payment plans: ${input.minInstalments}–${input.maxInstalments} instalments, ${input.frequencies.map((f) => FREQUENCY_LABELS[f].toLowerCase()).join(" / ")}, from ${formatMoney(input.minBalanceCents, currency)}`
        : "Payment plans turned off",
      data: input,
    });
  });
}
