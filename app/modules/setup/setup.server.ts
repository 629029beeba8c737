// First run: on an empty database the app makes a one-time setup link; the page behind it creates the business
// and its first owner, then the link is dead and /setup answers 404. Only the token's SHA-256 is stored, so a
// lost link cannot be shown again: `npm run setup-link` revokes it and makes a new one.
import { SUPPORTED_CURRENCIES } from "~/modules/money/money";
import { z } from "zod";
import { LOCALES } from "~/modules/i18n/locales";
import { logActivity } from "~/modules/activity/activity.server";
import { hashPassword } from "~/modules/auth/password.server";
import { newPasswordFieldErrors, PASSWORD_MAX_LENGTH } from "~/modules/auth/password-policy";
import { isTimeZone } from "~/modules/business/profile.server";
import { DEFAULT_TIERS } from "~/modules/reminders/default-tiers";
import { now } from "~/utils/clock.server";
import { fieldErrorsOf } from "~/utils/forms";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { hashToken, newSecretToken } from "~/utils/secret-token.server";

export const SETUP_TOKEN_HOURS = 24;
/** The currencies a business can bill in (one per business, chosen here: docs/decisions/026-business-currency.md). */
export const SETUP_CURRENCIES = SUPPORTED_CURRENCIES;
// One key for every first-run decision, so two processes starting at once make one token and one business.
const SETUP_LOCK = 0x5e7c0de;

const lock = (tx: Tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;

export async function isSetUp(client: Tx | typeof db = db) {
  return (await client.business.count()) > 0;
}

export function setupUrl(token: string) {
  return `${getEnv().APP_URL}/setup?${new URLSearchParams({ token })}`;
}

export class AlreadySetUpError extends Error {
  constructor() {
    super("Duely is already set up: the business and its owner exist. Sign in at /login.");
  }
}

/** A new setup link; every earlier one stops working. */
export async function issueSetupLink(): Promise<{ url: string; expiresAt: Date }> {
  const token = newSecretToken();
  const expiresAt = new Date(now().getTime() + SETUP_TOKEN_HOURS * 3600_000);
  await db.$transaction(async (tx) => {
    await lock(tx);
    if (await isSetUp(tx)) throw new AlreadySetUpError();
    await tx.setupToken.updateMany({ where: { usedAt: null, revokedAt: null }, data: { revokedAt: now() } });
    await tx.setupToken.create({ data: { tokenHash: hashToken(token), expiresAt, createdAt: now() } });
  });
  return { url: setupUrl(token), expiresAt };
}

/**
 * At start-up of a web process: on an empty database, print a setup link once (the first start); later starts
 * that find a live link only say how to get a new one, since the link itself is not stored.
 */
export async function announceSetup(log: (line: string) => void) {
  if (await isSetUp()) return;
  const live = await db.setupToken.count({ where: { usedAt: null, revokedAt: null, expiresAt: { gt: now() } } });
  if (live > 0) {
    log("Duely is not set up yet. Open the setup link printed at the first start, or run `npm run setup-link` for a new one.");
    return;
  }
  try {
    const link = await issueSetupLink();
    log(`Set up Duely (creates your business and its owner account; works once, for ${SETUP_TOKEN_HOURS} hours):`);
    log(`Setup link: ${link.url}`);
  } catch (error) {
    if (!(error instanceof AlreadySetUpError)) throw error;
  }
}

export type SetupTokenState = "valid" | "invalid" | "expired" | "used";

export async function setupTokenState(token: string): Promise<SetupTokenState> {
  const row = await db.setupToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.revokedAt) return "invalid";
  if (row.usedAt) return "used";
  if (row.expiresAt.getTime() <= now().getTime()) return "expired";
  return "valid";
}

export const SetupForm = z
  .object({
    token: z.string().min(1, "The setup link is incomplete: open the whole link printed by the server."),
    businessName: z.string().trim().min(2, "Enter the business name your customers know.").max(100, "Keep the business name under 100 characters."),
    address: z
      .string()
      .trim()
      .min(5, "Enter the business address that goes on invoices and receipts.")
      .max(300, "Keep the address under 300 characters.")
      .transform((v) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)),
    contactEmail: z.email({ message: "Enter the email address customers should write to, like billing@example.com." }).max(254, "Keep the email address under 254 characters."),
    timeZone: z.string().trim().refine(isTimeZone, "Choose the time zone your business works in, such as America/New_York."),
    currency: z.enum(SETUP_CURRENCIES, { message: "Choose the currency you bill in." }),
    // The language of customer pages, emails and PDFs for customers without one of their own.
    language: z.enum(LOCALES, { message: `Choose the language your customers read, one of ${LOCALES.join(", ")}.` }).default("en"),
    ownerName: z.string().trim().min(2, "Enter your name as your team and customers should see it.").max(100, "Keep your name under 100 characters."),
    ownerEmail: z
      .email({ message: "Enter your email address, like you@example.com: you sign in with it." })
      .max(254, "Keep the email address under 254 characters.")
      .transform((v) => v.toLowerCase()),
    password: z.string().max(PASSWORD_MAX_LENGTH + 1),
    passwordConfirm: z.string(),
  });
export type SetupInput = z.infer<typeof SetupForm>;

/**
 * The setup form's fields, each with its own errors: the password is judged even when another field is wrong
 * (against whatever name and email were typed), so one submit shows every problem. Nothing is kept on failure
 * but the values the page puts back (never the password).
 */
export function parseSetupForm(values: Record<string, string>):
  | { ok: true; data: SetupInput }
  | { ok: false; fieldErrors: Record<string, string[]> } {
  const result = SetupForm.safeParse(values);
  const fieldErrors: Record<string, string[]> = result.success ? {} : fieldErrorsOf(result.error.issues);
  Object.assign(fieldErrors, newPasswordFieldErrors(values, { email: values.ownerEmail, name: values.ownerName, businessName: values.businessName }));
  if (!result.success || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, data: result.data };
}

export type SetupResult = { ok: true; userId: string; businessId: string } | { ok: false; reason: Exclude<SetupTokenState, "valid"> | "already-set-up" };

const slugOf = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || "business";

/** Creates the business (with the default reminder sequence and policies) and its owner, and spends the token. */
export async function completeSetup(input: SetupInput): Promise<SetupResult> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await lock(tx);
    if (await isSetUp(tx)) return { ok: false, reason: "already-set-up" } as const;
    const token = await tx.setupToken.findUnique({ where: { tokenHash: hashToken(input.token) } });
    if (!token || token.revokedAt) return { ok: false, reason: "invalid" } as const;
    if (token.usedAt) return { ok: false, reason: "used" } as const;
    if (token.expiresAt.getTime() <= now().getTime()) return { ok: false, reason: "expired" } as const;

    const business = await tx.business.create({
      data: {
        name: input.businessName,
        slug: slugOf(input.businessName),
        timeZone: input.timeZone,
        currency: input.currency,
        language: input.language,
        supportEmail: input.contactEmail,
        fromEmail: input.contactEmail,
        addressLines: input.address,
        discountPolicy: { create: {} },
        planPolicy: { create: {} },
        lateFeePolicy: { create: {} },
        reminderTiers: { create: DEFAULT_TIERS.map((t) => ({ ...t })) },
      },
    });
    const user = await tx.user.create({
      data: { businessId: business.id, email: input.ownerEmail, name: input.ownerName, role: "OWNER", passwordHash },
    });
    await tx.setupToken.update({ where: { id: token.id }, data: { usedAt: now() } });
    await logActivity(tx, {
      businessId: business.id,
      actor: "OWNER",
      actorUserId: user.id,
      type: "business.created",
      summary: `${user.name} set up ${business.name}`,
      data: { timeZone: business.timeZone, currency: business.currency },
    });
    return { ok: true, userId: user.id, businessId: business.id } as const;
  });
}
