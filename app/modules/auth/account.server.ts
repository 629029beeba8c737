// A signed-in person's own account (issue 17): password reset by email, changing the password, and their
// sessions. A reset answers the same whether the address has an account, is rate-limited per address and per
// network address, works once for 30 minutes, and ends every session of the account.
import crypto from "node:crypto";
import { z } from "zod";
import { logActivity } from "~/modules/activity/activity.server";
import { brandOf } from "~/modules/business/brand";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { hitRateLimit } from "~/modules/rate-limit/rate-limit.server";
import { now } from "~/utils/clock.server";
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { hashToken, newSecretToken } from "~/utils/secret-token.server";
import { hashPassword, verifyPassword } from "./password.server";
import { newPasswordFieldErrors } from "./password-policy";

export const RESET_MINUTES = 30;
export const RESET_LIMITS = { perEmail: { limit: 3, windowSeconds: 3600 }, perIp: { limit: 20, windowSeconds: 3600 } };

export const ResetRequestForm = z.object({
  email: z.email({ message: "Enter the email address you sign in with, like you@example.com." }).max(254, "Enter the email address you sign in with, like you@example.com.").transform((v) => v.toLowerCase()),
});

/** The same outcome whatever the address; `limited` only when this address or network asked too often. */
export async function requestPasswordReset(email: string, ipAddress: string): Promise<{ limited: boolean; retryAfterSeconds?: number }> {
  const [byEmail, byIp] = await Promise.all([
    hitRateLimit(`reset:email:${email}`, RESET_LIMITS.perEmail.limit, RESET_LIMITS.perEmail.windowSeconds),
    hitRateLimit(`reset:ip:${ipAddress}`, RESET_LIMITS.perIp.limit, RESET_LIMITS.perIp.windowSeconds),
  ]);
  if (!byEmail.allowed || !byIp.allowed) return { limited: true, retryAfterSeconds: Math.max(byEmail.allowed ? 0 : byEmail.retryAfterSeconds, byIp.allowed ? 0 : byIp.retryAfterSeconds) };
  const user = await db.user.findUnique({ where: { email }, include: { business: true } });
  if (!user) return { limited: false };
  const token = newSecretToken();
  await db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.create({ data: { userId: user.id, tokenHash: hashToken(token), createdAt: now(), expiresAt: new Date(now().getTime() + RESET_MINUTES * 60_000) } });
    await enqueueEmail(tx, {
      template: "password-reset",
      to: user.email,
      businessId: user.businessId,
      dedupeKey: `password-reset:${reset.id}`,
      props: { brand: brandOf(user.business), name: user.name, resetUrl: `${getEnv().APP_URL}/reset-password?${new URLSearchParams({ token })}`, minutes: RESET_MINUTES, ipAddress },
    });
    await logActivity(tx, { businessId: user.businessId, actor: "OWNER", actorUserId: user.id, type: "account.reset_requested", summary: `A password reset was requested for ${user.name}`, data: { ipAddress } });
  });
  return { limited: false };
}

export type ResetTokenState = "valid" | "invalid" | "expired" | "used";

export async function resetTokenState(token: string): Promise<ResetTokenState> {
  const row = await db.passwordReset.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row) return "invalid";
  if (row.usedAt) return "used";
  if (row.expiresAt.getTime() <= now().getTime()) return "expired";
  return "valid";
}

/** Sets the new password, spends this and every other open reset link, and ends every session of the account. */
export async function resetPassword(token: string, values: Record<string, string>): Promise<{ ok: true } | { ok: false; state?: ResetTokenState; fieldErrors?: Record<string, string[]> }> {
  const row = await db.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { include: { business: true } } } });
  const state = await resetTokenState(token);
  if (!row || state !== "valid") return { ok: false, state };
  const fieldErrors = newPasswordFieldErrors(values, { email: row.user.email, name: row.user.name, businessName: row.user.business.name });
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const passwordHash = await hashPassword(values.password!);
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now() } }, data: { usedAt: now() } });
    if (claimed.count === 0) return { ok: false as const, state: "used" as const };
    await tx.passwordReset.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now() } });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    const ended = await tx.session.deleteMany({ where: { userId: row.userId } });
    await logActivity(tx, { businessId: row.user.businessId, actor: "OWNER", actorUserId: row.userId, type: "account.password_reset", summary: `${row.user.name} chose a new password by email; ${ended.count} session(s) ended`, data: { sessionsEnded: ended.count } });
    return { ok: true as const };
  });
}

/** Changes the password of the signed-in user after checking the current one; their other sessions end. */
export async function changePassword(userId: string, currentSessionId: string, values: Record<string, string>): Promise<{ ok: true; endedSessions: number } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { business: true } });
  const fieldErrors: Record<string, string[]> = {};
  if (!(await verifyPassword(user.passwordHash, values.currentPassword ?? ""))) fieldErrors.currentPassword = ["That is not your current password."];
  Object.assign(fieldErrors, newPasswordFieldErrors(values, { email: user.email, name: user.name, businessName: user.business.name }));
  if (!fieldErrors.password && values.password === values.currentPassword) fieldErrors.password = ["Choose a password different from the current one."];
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const passwordHash = await hashPassword(values.password!);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    const ended = await tx.session.deleteMany({ where: { userId, id: { not: currentSessionId } } });
    await logActivity(tx, { businessId: user.businessId, actor: "OWNER", actorUserId: userId, type: "account.password_changed", summary: `${user.name} changed their password; ${ended.count} other session(s) ended`, data: { sessionsEnded: ended.count } });
    return { ok: true as const, endedSessions: ended.count };
  });
}

// A session's id is its cookie's secret: pages name a session by a hash of it instead.
const handleOf = (sessionId: string) => crypto.createHash("sha256").update(`session-handle:${sessionId}`).digest("hex").slice(0, 32);

export async function listSessions(userId: string, currentSessionId: string) {
  const rows = await db.session.findMany({ where: { userId, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" }, select: { id: true, createdAt: true, ipAddress: true, userAgent: true } });
  return rows.map(({ id, ...rest }) => ({ ...rest, handle: handleOf(id), current: id === currentSessionId }));
}

/** Ends one of the user's own sessions (never someone else's, never the current one), or all but the current one. */
export async function endSessions(userId: string, currentSessionId: string, which: { handle: string } | "others") {
  if (which === "others") return (await db.session.deleteMany({ where: { userId, id: { not: currentSessionId } } })).count;
  const own = await db.session.findMany({ where: { userId, id: { not: currentSessionId } }, select: { id: true } });
  const target = own.find((s) => handleOf(s.id) === which.handle);
  if (!target) return 0;
  return (await db.session.deleteMany({ where: { id: target.id, userId } })).count;
}
