// Two-step sign-in (issue 17): TOTP from any authenticator app (otplib, RFC 6238: SHA-1, 6 digits, 30 s) plus
// ten single-use recovery codes. Secrets are stored encrypted (AES-256-GCM under a key derived from
// SESSION_SECRET); a code's time step is remembered so the same code never signs in twice. Between the password
// and the code the person holds a challenge: 10 minutes, 5 wrong codes, one use. Codes follow the real clock,
// not the test clock: the phone that makes them knows nothing of the app's simulated time.
import crypto from "node:crypto";
import { generateSecret, generateURI, verify as verifyTotp } from "otplib";
import QRCode from "qrcode";
import { logActivity } from "~/modules/activity/activity.server";
import { hitRateLimit, peekRateLimit } from "~/modules/rate-limit/rate-limit.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { hashToken, newSecretToken } from "~/utils/secret-token.server";
import { verifyPassword } from "./password.server";
import { CHALLENGE_MAX_ATTEMPTS, CHALLENGE_MINUTES, classifyCode, formatRecoveryCode, RECOVERY_CODE_COUNT, TWO_STEP_LIMIT } from "./two-step";

const TOLERANCE_SECONDS = 30; // one 30-second step either side, for a phone whose clock is a little off

function key() {
  return Buffer.from(crypto.hkdfSync("sha256", getEnv().SESSION_SECRET, "duely", "totp-secret/v1", 32));
}

export function encryptSecret(secret: string) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(":");
}

export function decryptSecret(stored: string) {
  const [version, iv, tag, data] = stored.split(":");
  if (version !== "v1" || !iv || !tag || !data) throw new Error("Unknown two-step secret format");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export class TwoStepError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

type UserRef = { id: string; name: string; email: string; businessId: string };

async function enrolmentView(user: UserRef, businessName: string, secret: string) {
  const uri = generateURI({ issuer: `Duely (${businessName})`, label: user.email, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString("base64")}` };
}

/** Starts (or shows again) setting up an authenticator: a new secret kept aside until a code proves it. */
export async function startEnrolment(user: UserRef, businessName: string, options: { fresh: boolean }) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpPendingEnc: true, totpEnabledAt: true } });
  if (row.totpEnabledAt) throw new TwoStepError("form", "Two-step sign-in is already on. Turn it off first to move to a new authenticator.");
  let secret = !options.fresh && row.totpPendingEnc ? decryptSecret(row.totpPendingEnc) : null;
  if (!secret) {
    secret = generateSecret();
    await db.user.update({ where: { id: user.id }, data: { totpPendingEnc: encryptSecret(secret) } });
  }
  return enrolmentView(user, businessName, secret);
}

export async function pendingEnrolment(user: UserRef, businessName: string) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpPendingEnc: true, totpEnabledAt: true } });
  if (row.totpEnabledAt || !row.totpPendingEnc) return null;
  return enrolmentView(user, businessName, decryptSecret(row.totpPendingEnc));
}

async function checkTotp(secret: string, code: string, lastStep: number | null) {
  const result = await verifyTotp({ secret, token: code, epochTolerance: TOLERANCE_SECONDS, ...(lastStep !== null ? { afterTimeStep: lastStep } : {}) });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

function newRecoveryCodes() {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(crypto.randomBytes(10)));
}

async function replaceRecoveryCodes(tx: Tx, userId: string) {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashToken(`recovery:${code}`) })) });
  return codes;
}

/** A code from the new authenticator turns two-step on; the recovery codes are returned once, never stored in clear. */
export async function confirmEnrolment(user: UserRef, typed: string) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpPendingEnc: true, totpEnabledAt: true } });
  if (row.totpEnabledAt) throw new TwoStepError("form", "Two-step sign-in is already on.");
  if (!row.totpPendingEnc) throw new TwoStepError("form", "Start again: choose “Set up two-step sign-in” to get a new QR code.");
  const code = classifyCode(typed);
  if (code.kind !== "totp") throw new TwoStepError("code", code.kind === "invalid" ? code.message : "Enter the 6-digit code your authenticator app shows now.");
  const secret = decryptSecret(row.totpPendingEnc);
  const step = await checkTotp(secret, code.code, null);
  if (step === null) throw new TwoStepError("code", "That code does not match. Check that the app shows Duely for this email, and that the phone's clock is set automatically, then type the code it shows now.");
  return db.$transaction(async (tx) => {
    const claimed = await tx.user.updateMany({
      where: { id: user.id, totpEnabledAt: null, totpPendingEnc: row.totpPendingEnc },
      data: { totpSecretEnc: row.totpPendingEnc, totpPendingEnc: null, totpEnabledAt: new Date(), totpLastStep: step },
    });
    if (claimed.count === 0) throw new TwoStepError("form", "Two-step sign-in was set up from another window already.");
    const codes = await replaceRecoveryCodes(tx, user.id);
    await logActivity(tx, { businessId: user.businessId, actor: "OWNER", actorUserId: user.id, type: "account.two_step_enabled", summary: `${user.name} turned on two-step sign-in`, data: {} });
    return codes;
  });
}

/** Turning it off asks for the password; a business that requires it does not allow it. */
export async function disableTwoStep(user: UserRef, password: string) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { business: { select: { requireTwoStep: true } } } });
  if (!row.totpEnabledAt) throw new TwoStepError("form", "Two-step sign-in is already off.");
  if (row.business.requireTwoStep) throw new TwoStepError("form", "Your business requires two-step sign-in for everyone, so it cannot be turned off. To move to a new phone, ask an owner to reset it, or use “New recovery codes”.");
  if (!(await verifyPassword(row.passwordHash, password))) throw new TwoStepError("password", "That is not your current password.");
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { totpSecretEnc: null, totpPendingEnc: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await logActivity(tx, { businessId: user.businessId, actor: "OWNER", actorUserId: user.id, type: "account.two_step_disabled", summary: `${user.name} turned off two-step sign-in`, data: {} });
  });
}

/** New recovery codes (the old ones stop working) after a code from the authenticator. */
export async function regenerateRecoveryCodes(user: UserRef, typed: string) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecretEnc: true, totpLastStep: true } });
  if (!row.totpSecretEnc) throw new TwoStepError("form", "Turn on two-step sign-in first.");
  const code = classifyCode(typed);
  if (code.kind !== "totp") throw new TwoStepError("code", code.kind === "invalid" ? code.message : "Enter the 6-digit code your authenticator app shows now (not a recovery code).");
  const step = await checkTotp(decryptSecret(row.totpSecretEnc), code.code, row.totpLastStep);
  if (step === null) throw new TwoStepError("code", "That code does not match, or it was used already. Type the code your app shows now.");
  return db.$transaction(async (tx) => {
    const claimed = await tx.user.updateMany({ where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
    if (claimed.count === 0) throw new TwoStepError("code", "That code was used already. Wait for the next one.");
    const codes = await replaceRecoveryCodes(tx, user.id);
    await logActivity(tx, { businessId: user.businessId, actor: "OWNER", actorUserId: user.id, type: "account.recovery_codes_replaced", summary: `${user.name} made new recovery codes`, data: {} });
    return codes;
  });
}

export async function twoStepStatus(userId: string) {
  const row = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } });
  const recoveryCodesLeft = row.totpEnabledAt ? await db.recoveryCode.count({ where: { userId, usedAt: null } }) : 0;
  return { enabledAt: row.totpEnabledAt, recoveryCodesLeft };
}

// ---------------------------------------------------------------- the second step of signing in

export async function createChallenge(input: { userId: string; ipAddress: string; userAgent: string }) {
  const token = newSecretToken();
  await db.signInChallenge.create({
    data: { tokenHash: hashToken(token), userId: input.userId, expiresAt: new Date(Date.now() + CHALLENGE_MINUTES * 60_000), ipAddress: input.ipAddress, userAgent: input.userAgent.slice(0, 300) },
  });
  return token;
}

/** A live challenge, or null when it is unknown, used, expired or out of attempts. */
export async function liveChallenge(token: string) {
  const row = await db.signInChallenge.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: { include: { business: true } } } });
  if (!row || row.consumedAt || row.expiresAt.getTime() <= Date.now() || row.attempts >= CHALLENGE_MAX_ATTEMPTS) return null;
  return row;
}

export type ChallengeResult =
  | { ok: true; userId: string; ipAddress: string; userAgent: string; method: "authenticator" | "recovery code"; recoveryCodesLeft: number | null }
  | { ok: false; restart: boolean; error: string; retryAfterSeconds?: number };

export async function answerChallenge(token: string, typed: string): Promise<ChallengeResult> {
  const challenge = await liveChallenge(token);
  if (!challenge) return { ok: false, restart: true, error: "That sign-in has ended (10 minutes, or too many wrong codes). Sign in again with your password." };
  const user = challenge.user;
  const limitKey = `two-step:user:${user.id}`;
  const limit = await peekRateLimit(limitKey, TWO_STEP_LIMIT.limit, TWO_STEP_LIMIT.windowSeconds);
  if (!limit.allowed) return { ok: false, restart: false, error: `Too many wrong codes for this account. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minute(s).`, retryAfterSeconds: limit.retryAfterSeconds };
  const code = classifyCode(typed);
  if (code.kind === "invalid") return { ok: false, restart: false, error: code.message };

  let accepted = false;
  if (code.kind === "totp" && user.totpSecretEnc) {
    const step = await checkTotp(decryptSecret(user.totpSecretEnc), code.code, user.totpLastStep);
    if (step !== null) {
      // Two windows racing with one code: only the first moves the last step forward.
      const claimed = await db.user.updateMany({ where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
      accepted = claimed.count === 1;
    }
  } else if (code.kind === "recovery") {
    const used = await db.recoveryCode.updateMany({ where: { userId: user.id, codeHash: hashToken(`recovery:${code.code}`), usedAt: null }, data: { usedAt: new Date() } });
    accepted = used.count === 1;
  }

  if (!accepted) {
    await hitRateLimit(limitKey, TWO_STEP_LIMIT.limit, TWO_STEP_LIMIT.windowSeconds);
    const after = await db.signInChallenge.update({ where: { id: challenge.id }, data: { attempts: { increment: 1 } } });
    const left = CHALLENGE_MAX_ATTEMPTS - after.attempts;
    if (left <= 0) return { ok: false, restart: true, error: "Too many wrong codes. Sign in again with your password." };
    return {
      ok: false,
      restart: false,
      error: code.kind === "recovery" ? `That recovery code is not one of yours, or it was used already. ${left} tries left.` : `That code does not match, or it was used already. Type the code your app shows now. ${left} tries left.`,
    };
  }
  const consumed = await db.signInChallenge.updateMany({ where: { id: challenge.id, consumedAt: null }, data: { consumedAt: new Date() } });
  if (consumed.count === 0) return { ok: false, restart: true, error: "That sign-in was finished in another window. Sign in again if you need another session." };
  const recoveryCodesLeft = code.kind === "recovery" ? await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } }) : null;
  return { ok: true, userId: user.id, ipAddress: challenge.ipAddress ?? "unknown", userAgent: challenge.userAgent ?? "", method: code.kind === "recovery" ? "recovery code" : "authenticator", recoveryCodesLeft };
}

// ---------------------------------------------------------------- the business-wide rule

/** Owners only (the Team page): requiring two-step for everyone needs the owner's own to be on first. */
export async function setRequireTwoStep(business: { id: string }, actor: UserRef & { totpEnabledAt: Date | null }, required: boolean) {
  if (required && !actor.totpEnabledAt) throw new TwoStepError("requireTwoStep", "Turn on two-step sign-in for your own account first (Your account), then require it for the team.");
  await db.$transaction(async (tx) => {
    await tx.business.update({ where: { id: business.id }, data: { requireTwoStep: required } });
    const without = required ? await tx.user.count({ where: { businessId: business.id, totpEnabledAt: null } }) : 0;
    await logActivity(tx, {
      businessId: business.id,
      actor: "OWNER",
      actorUserId: actor.id,
      type: required ? "team.two_step_required" : "team.two_step_optional",
      summary: required ? `${actor.name} required two-step sign-in for everyone; ${without} member(s) will set it up at their next page` : `${actor.name} made two-step sign-in optional`,
      data: { membersWithout: without },
    });
  });
}

/** An owner resets a member who lost their phone and codes: the member's sessions end, and they set it up again. */
export async function resetMemberTwoStep(businessId: string, actor: UserRef, memberId: string) {
  if (memberId === actor.id) throw new TwoStepError("form", "Change your own two-step sign-in on Your account.");
  const member = await db.user.findFirst({ where: { id: memberId, businessId } });
  if (!member) throw new TwoStepError("form", "That person is not on this team.");
  if (!member.totpEnabledAt && !member.totpPendingEnc) throw new TwoStepError("form", `${member.name} has no two-step sign-in to reset.`);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: member.id }, data: { totpSecretEnc: null, totpPendingEnc: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId: member.id } });
    await tx.signInChallenge.deleteMany({ where: { userId: member.id } });
    const ended = await tx.session.deleteMany({ where: { userId: member.id } });
    await logActivity(tx, { businessId, actor: "OWNER", actorUserId: actor.id, type: "team.two_step_reset", summary: `${actor.name} reset two-step sign-in for ${member.name}; ${ended.count} session(s) ended`, data: { memberId: member.id } });
  });
  return member;
}
