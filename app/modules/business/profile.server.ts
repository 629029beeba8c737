// The business's own settings: profile and branding, time zone, portal links, and payment options,
// validated with errors that say what to change. Every save is logged with what changed.
import { z } from "zod";
import { LOCALES } from "~/modules/i18n/locales";
import { contrastRatio, MIN_TEXT_CONTRAST } from "~/utils/contrast";
import type { Business } from "~/generated/prisma/client";
import { logActivity } from "~/modules/activity/activity.server";
import { formatDecimal, formatMoney } from "~/modules/money/money";
import { db } from "~/utils/db.server";
import { cappedPercentField, optionalAmountField } from "~/utils/form-fields";

/** An IANA zone such as America/New_York (or UTC): what the business and its customers can be set to. */
export const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
};

const percentBps = cappedPercentField;

/** The business's details; the smallest part payment is in its currency. */
export function businessProfileForm(currency: string) {
  return z.object({
  name: z.string().trim().min(2, "Enter the business name your customers know.").max(100, "Keep the name under 100 characters."),
  supportEmail: z.email({ message: "Enter the email address customers should write to, like billing@example.com." }).max(254, "Enter the email address customers should write to, like billing@example.com."),
  fromEmail: z.email({ message: "Enter the address emails are sent from, like billing@example.com." }).max(254, "Enter the address emails are sent from, like billing@example.com."),
  phone: z.string().trim().max(40, "Keep the phone number under 40 characters.").optional().transform((v) => v || null),
  address: z.string().trim().max(300, "Keep the address under 300 characters.").optional().transform((v) => (v ? v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean) : [])),
  brandColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Enter the brand colour as # and six hex digits, like #0f766e.")
    // White text sits on the brand colour (portal header, email buttons): it must stay readable.
    .superRefine((v, ctx) => {
      if (!/^#[0-9a-fA-F]{6}$/.test(v)) return;
      const ratio = contrastRatio(v, "#ffffff");
      if (ratio < MIN_TEXT_CONTRAST) ctx.addIssue({ code: "custom", message: `White text on ${v} is hard to read (contrast ${ratio.toFixed(1)}:1, needs 4.5:1). Choose a darker colour, like #0f766e.` });
    }),
  logoUrl: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^https:\/\/\S+$/.test(v), "The logo address must start with https://, or leave it empty."),
  timeZone: z.string().trim().refine(isTimeZone, "Choose a time zone such as America/New_York."),
  // Left out (older forms, API callers), the language stays as it is.
  language: z.enum(LOCALES, { message: `Choose the language your customers read, one of ${LOCALES.join(", ")}.` }).optional(),
  portalLinkTtlDays: z.coerce.number({ message: "Portal link lifetime: enter a whole number of days." }).int("Portal link lifetime: enter a whole number of days.").min(1, "Portal links must last at least 1 day.").max(90, "Portal links can last at most 90 days."),
  minPartialPayment: optionalAmountField("Smallest part payment", { fallback: "enter an amount such as 50.00" }, currency),
  // US card surcharges are capped at 3% by the card networks.
  cardSurcharge: percentBps("Card surcharge", 300),
  achDiscount: percentBps("Bank payment discount", 500),
});
}

/** The form for a business billing in US dollars. */
export const BusinessProfileForm = businessProfileForm("USD");

export type BusinessProfileInput = z.infer<typeof BusinessProfileForm>;

/** The form's values as the owner sees them. */
export function profileValuesOf(b: Business) {
  return {
    name: b.name,
    supportEmail: b.supportEmail,
    fromEmail: b.fromEmail,
    phone: b.phone ?? "",
    address: b.addressLines.join("\n"),
    brandColor: b.brandColor,
    logoUrl: b.logoUrl ?? "",
    timeZone: b.timeZone,
    language: b.language,
    portalLinkTtlDays: String(b.portalLinkTtlDays),
    minPartialPayment: b.minPartialPaymentCents ? formatDecimal(b.minPartialPaymentCents, b.currency) : "",
    cardSurcharge: b.cardSurchargeBps ? String(b.cardSurchargeBps / 100) : "",
    achDiscount: b.achDiscountBps ? String(b.achDiscountBps / 100) : "",
  };
}

export async function saveBusinessProfile(businessId: string, ownerId: string, input: BusinessProfileInput) {
  await db.$transaction(async (tx) => {
    const before = await tx.business.findUniqueOrThrow({ where: { id: businessId } });
    const data = {
      name: input.name,
      supportEmail: input.supportEmail,
      fromEmail: input.fromEmail,
      phone: input.phone,
      addressLines: input.address,
      brandColor: input.brandColor.toLowerCase(),
      logoUrl: input.logoUrl,
      timeZone: input.timeZone,
      language: input.language ?? before.language,
      portalLinkTtlDays: input.portalLinkTtlDays,
      minPartialPaymentCents: input.minPartialPayment,
      cardSurchargeBps: input.cardSurcharge,
      achDiscountBps: input.achDiscount,
    };
    await tx.business.update({ where: { id: businessId }, data });
    const labels: Record<string, string> = {
      name: "name",
      supportEmail: "support email",
      fromEmail: "sender address",
      phone: "phone",
      addressLines: "address",
      brandColor: "brand colour",
      logoUrl: "logo",
      timeZone: "time zone",
      language: "customers' language",
      portalLinkTtlDays: "portal link lifetime",
      minPartialPaymentCents: "smallest part payment",
      cardSurchargeBps: "card surcharge",
      achDiscountBps: "bank payment discount",
    };
    const changed = Object.entries(data)
      .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k]))
      .map(([k]) => labels[k] ?? k);
    if (changed.length === 0) return;
    await logActivity(tx, {
      businessId,
      actor: "OWNER",
      actorUserId: ownerId,
      type: "settings.business_updated",
      summary: `Business settings changed: ${changed.join(", ")}${data.timeZone !== before.timeZone ? ` (time zone ${before.timeZone} → ${data.timeZone})` : ""}${data.language !== before.language ? ` (customers' language ${before.language} → ${data.language})` : ""}${data.minPartialPaymentCents !== before.minPartialPaymentCents ? ` (smallest part payment ${formatMoney(data.minPartialPaymentCents, before.currency)})` : ""}`,
    });
  });
}
