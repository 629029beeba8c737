// The owner's early-pay discount policy and per-invoice overrides, validated with clear errors.
import { z } from "zod";
import { logActivity } from "~/modules/activity/activity.server";
import { parseMoney } from "~/modules/money/money";
import { db, type Db, type Tx } from "~/utils/db.server";

const percent = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\.\d{1,2})?$/, "Enter a percentage such as 2 or 1.5 (at most two decimals).")
  .transform((v) => Math.round(Number(v) * 100))
  .refine((bps) => bps > 0 && bps <= 5000, "Between 0.01% and 50%.");

/** The discount policy form; a fixed amount is in the business's currency. */
export function discountPolicyForm(currency: string) {
  return z
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
        amountCents = parseMoney(v.amount ?? "", currency);
        if (amountCents <= 0) ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter an amount greater than zero." });
      } catch (error) {
        ctx.addIssue({ code: "custom", path: ["amount"], message: error instanceof Error ? error.message : "Enter an amount." });
      }
    }
    return { enabled: v.enabled === "on", kind: v.kind, percentBps, amountCents, windowDays: v.windowDays, achOnly: v.achOnly === "on", combinesWithPlan: v.combinesWithPlan === "on" };
  });
}

/** The form for a business billing in US dollars. */
export const DiscountPolicyForm = discountPolicyForm("USD");

/** Inside a transaction pass its `tx`: a second connection taken while holding row locks can starve the pool. */
export function getDiscountPolicy(businessId: string, client: Db | Tx = db) {
  return client.discountPolicy.upsert({ where: { businessId }, create: { businessId }, update: {} });
}

export async function saveDiscountPolicy(businessId: string, ownerId: string, input: z.infer<typeof DiscountPolicyForm>) {
  await db.$transaction(async (tx) => {
    await tx.discountPolicy.upsert({ where: { businessId }, create: { businessId, ...input }, update: input });
    await logActivity(tx, { businessId, actor: "OWNER", actorUserId: ownerId, type: "settings.discount_updated", summary: input.enabled ? `Early-pay discount: ${input.kind === "PERCENT" ? `${input.percentBps / 100}%` : `${input.amountCents / 100} off`} within ${input.windowDays} days` : "Early-pay discount turned off", data: input });
  });
}

export const InvoiceDiscountForm = z
  .object({
    invoiceId: z.string().min(1),
    mode: z.enum(["INHERIT", "NONE", "CUSTOM"], { message: "Choose the terms for this invoice." }),
    percent: z.string().optional(),
    windowDays: z.string().optional(),
  })
  .transform((v, ctx) => {
    if (v.mode !== "CUSTOM") return { invoiceId: v.invoiceId, mode: v.mode, percentBps: null, windowDays: null };
    const parsed = percent.safeParse(v.percent ?? "");
    const days = Number(v.windowDays);
    if (!parsed.success) ctx.addIssue({ code: "custom", path: ["percent"], message: parsed.error.issues[0]?.message ?? "Enter a percentage." });
    if (!Number.isInteger(days) || days < 1 || days > 90) ctx.addIssue({ code: "custom", path: ["windowDays"], message: "Enter a window of 1 to 90 days." });
    return { invoiceId: v.invoiceId, mode: v.mode, percentBps: parsed.success ? parsed.data : null, windowDays: days };
  });

/** The owner's per-invoice early-pay terms: the business's, none, or their own percentage and window. */
export async function setInvoiceDiscountTerms(businessId: string, ownerId: string, input: z.infer<typeof InvoiceDiscountForm>) {
  const invoice = await db.invoice.findFirst({ where: { id: input.invoiceId, businessId } });
  if (!invoice) throw new Response("Not found", { status: 404 });
  await db.$transaction(async (tx) => {
    await tx.invoice.update({
      where: { id: invoice.id },
      data: {
        discountOverride: input.mode,
        discountKind: input.mode === "CUSTOM" ? "PERCENT" : null,
        discountPercentBps: input.percentBps,
        discountAmountCents: null,
        discountWindowDays: input.windowDays,
      },
    });
    await logActivity(tx, {
      businessId,
      customerId: invoice.customerId,
      invoiceId: invoice.id,
      actor: "OWNER",
      actorUserId: ownerId,
      type: "discount.terms_changed",
      summary:
        input.mode === "INHERIT"
          ? `${invoice.number} follows the business's early-pay terms`
          : input.mode === "NONE"
            ? `No early-pay discount on ${invoice.number}`
            : `${invoice.number}: ${(input.percentBps ?? 0) / 100}% off if paid within ${input.windowDays} days`,
    });
  });
}
