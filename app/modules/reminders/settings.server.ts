// The owner's reminder sequence and guardrails, validated before anything is saved.
import { z } from "zod";
import { logActivity } from "~/modules/activity/activity.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { MIN_GAP_FLOOR_DAYS } from "./decide";
import { unknownPlaceholders } from "./placeholders";

const template = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `Write the ${what}.`)
    .max(max, `Keep the ${what} under ${max} characters.`)
    .superRefine((value, ctx) => {
      const unknown = unknownPlaceholders(value);
      if (unknown.length) ctx.addIssue({ code: "custom", message: `Unknown placeholder ${unknown.map((p) => `{{${p}}}`).join(", ")}: use the ones listed below.` });
    });

export const TierForm = z.object({
  tierId: z.string().min(1),
  offsetDays: z.coerce.number({ message: "Enter a number of days." }).int("Enter whole days.").min(-60, "At most 60 days before the due date.").max(365, "At most 365 days after the due date."),
  subject: template(200, "subject"),
  body: template(5000, "message"),
});

export const GuardrailForm = z.object({
  reminderMinGapDays: z.coerce
    .number()
    .int()
    .min(MIN_GAP_FLOOR_DAYS, `The gap cannot be shorter than ${MIN_GAP_FLOOR_DAYS} days: closer reminders feel like harassment.`)
    .max(60, "At most 60 days."),
  quietHoursStart: z.coerce.number().int().min(0, "Hours run from 0 to 23.").max(23, "Hours run from 0 to 23."),
  quietHoursEnd: z.coerce.number().int().min(0, "Hours run from 0 to 23.").max(23, "Hours run from 0 to 23."),
  promiseMaxDays: z.coerce.number().int().min(1, "At least 1 day.").max(60, "At most 60 days."),
  finalNoticeConsequence: z.string().trim().min(10, "Say what will happen (at least 10 characters).").max(300, "Keep it under 300 characters."),
});

export function getReminderSettings(businessId: string) {
  return db.business.findUniqueOrThrow({ where: { id: businessId }, include: { reminderTiers: { orderBy: { position: "asc" } } } });
}

export class SettingsError extends Error {
  constructor(public fieldErrors: Record<string, string[]>) {
    super("Invalid settings");
  }
}

export async function saveTier(businessId: string, ownerId: string, input: z.infer<typeof TierForm>) {
  const tiers = await db.reminderTier.findMany({ where: { businessId }, orderBy: { position: "asc" } });
  const tier = tiers.find((t) => t.id === input.tierId);
  if (!tier) throw new Response("Not found", { status: 404 });
  const before = tiers.filter((t) => t.position < tier.position).at(-1);
  const after = tiers.find((t) => t.position > tier.position);
  if (before && input.offsetDays <= before.offsetDays) throw new SettingsError({ offsetDays: [`Must come after ${before.name} (${before.offsetDays} days).`] });
  if (after && input.offsetDays >= after.offsetDays) throw new SettingsError({ offsetDays: [`Must come before ${after.name} (${after.offsetDays} days).`] });
  await db.$transaction(async (tx) => {
    await tx.reminderTier.update({ where: { id: tier.id }, data: { offsetDays: input.offsetDays, subject: input.subject, body: input.body } });
    await logActivity(tx, { businessId, actor: "OWNER", actorUserId: ownerId, type: "settings.tier_updated", summary: `Updated the ${tier.name} reminder`, data: { tierId: tier.id } });
  });
}

export async function saveGuardrails(businessId: string, ownerId: string, input: z.infer<typeof GuardrailForm>) {
  await db.$transaction(async (tx) => {
    await tx.business.update({ where: { id: businessId }, data: input });
    await logActivity(tx, { businessId, actor: "OWNER", actorUserId: ownerId, type: "settings.reminders_updated", summary: "Updated the reminder guardrails", data: input });
  });
}

/** The owner read the sequence (a step of the setup checklist); saved with who and when. */
export async function markSequenceReviewed(businessId: string, user: { id: string; name: string }) {
  await db.$transaction(async (tx) => {
    await tx.business.update({ where: { id: businessId }, data: { reminderSequenceReviewedAt: now() } });
    await logActivity(tx, { businessId, actor: "OWNER", actorUserId: user.id, type: "settings.reminders_reviewed", summary: `${user.name} reviewed the reminder sequence`, data: {} });
  });
}
