// The owner's reminder sequence and guardrails, validated before anything is saved.
import { z } from "zod";
import { logActivity } from "~/modules/activity/activity.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { LOCALE_NAMES, localeSchema, type Locale } from "~/modules/i18n/locales";
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

/** A tier's text in another language than the business's (its own subject and body are the business-language text). */
export const TierTextForm = z.object({
  tierId: z.string().min(1),
  language: localeSchema,
  subject: template(200, "subject"),
  body: template(5000, "message"),
});

export const TierTextRemoveForm = z.object({ tierId: z.string().min(1), language: localeSchema });

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
  return db.business.findUniqueOrThrow({ where: { id: businessId }, include: { reminderTiers: { orderBy: { position: "asc" }, include: { texts: { orderBy: { language: "asc" } } } } } });
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

async function tierForText(businessId: string, tierId: string, language: Locale) {
  const tier = await db.reminderTier.findFirst({ where: { id: tierId, businessId }, include: { business: { select: { language: true } } } });
  if (!tier) throw new Response("Not found", { status: 404 });
  if (tier.business.language === language) {
    throw new SettingsError({ language: [`${LOCALE_NAMES[language]} is your business’s language: its text is the tier’s own subject and message. Edit them in the ${LOCALE_NAMES[language]} tab.`] });
  }
  return tier;
}

/** Saves the tier's subject and message for customers who read `language`; logged like every settings change. */
export async function saveTierText(businessId: string, ownerId: string, input: z.infer<typeof TierTextForm>) {
  const tier = await tierForText(businessId, input.tierId, input.language);
  await db.$transaction(async (tx) => {
    const previous = await tx.tierText.findUnique({ where: { tierId_language: { tierId: tier.id, language: input.language } }, select: { id: true } });
    await tx.tierText.upsert({
      where: { tierId_language: { tierId: tier.id, language: input.language } },
      create: { tierId: tier.id, language: input.language, subject: input.subject, body: input.body },
      update: { subject: input.subject, body: input.body },
    });
    await logActivity(tx, {
      businessId,
      actor: "OWNER",
      actorUserId: ownerId,
      type: "settings.tier_text_saved",
      summary: `${previous ? "Updated" : "Wrote"} the ${LOCALE_NAMES[input.language]} (${input.language}) text for ${tier.name}`,
      data: { tierId: tier.id, language: input.language },
    });
  });
}

/** Removes a tier's text in one language: customers who read it get the business-language text again. */
export async function removeTierText(businessId: string, ownerId: string, input: z.infer<typeof TierTextRemoveForm>) {
  const tier = await tierForText(businessId, input.tierId, input.language);
  await db.$transaction(async (tx) => {
    const removed = await tx.tierText.deleteMany({ where: { tierId: tier.id, language: input.language } });
    if (removed.count === 0) throw new SettingsError({ language: [`The ${tier.name} reminder has no ${LOCALE_NAMES[input.language]} text to remove.`] });
    await logActivity(tx, {
      businessId,
      actor: "OWNER",
      actorUserId: ownerId,
      type: "settings.tier_text_removed",
      summary: `Removed the ${LOCALE_NAMES[input.language]} (${input.language}) text for ${tier.name}`,
      data: { tierId: tier.id, language: input.language },
    });
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
