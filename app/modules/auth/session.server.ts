// Owner sign-in: argon2 password hashes, database sessions, HttpOnly SameSite cookies, rate limits.
import { redirect } from "@remix-run/node";
import { logActivity } from "~/modules/activity/activity.server";
import { enqueueEmail } from "~/modules/email/outbox.server";
import { brandOf } from "~/modules/business/brand";
import { hitRateLimit, peekRateLimit } from "~/modules/rate-limit/rate-limit.server";
import { formatInstant } from "~/modules/dates/calendar";
import { now } from "~/utils/clock.server";
import { getCookies, OWNER_SESSION_DAYS } from "~/utils/cookies.server";
import { db, type Tx } from "~/utils/db.server";
import { newSecretToken } from "~/utils/secret-token.server";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { can, refusal, type Permission, type Role } from "./roles";
import { createChallenge } from "./two-step.server";

export const SIGN_IN_LIMITS = {
  perEmail: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 30, windowSeconds: 15 * 60 },
};

export type SignInResult =
  | { ok: true; sessionId: string; userId: string }
  // The password was right and the account has two-step sign-in: the code comes next (app/routes/login.two-step.tsx).
  | { ok: "two-step"; challengeToken: string; userId: string }
  | { ok: false; error: string; retryAfterSeconds?: number };

export async function signIn(input: { email: string; password: string; ipAddress: string; userAgent: string }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  // Every attempt counts against the network address; only failures count against the account.
  const emailKey = `sign-in:email:${email}`;
  const [byEmail, byIp] = await Promise.all([
    peekRateLimit(emailKey, SIGN_IN_LIMITS.perEmail.limit, SIGN_IN_LIMITS.perEmail.windowSeconds),
    hitRateLimit(`sign-in:ip:${input.ipAddress}`, SIGN_IN_LIMITS.perIp.limit, SIGN_IN_LIMITS.perIp.windowSeconds),
  ]);
  if (!byEmail.allowed || !byIp.allowed) {
    const retryAfterSeconds = Math.max(byEmail.allowed ? 0 : byEmail.retryAfterSeconds, byIp.allowed ? 0 : byIp.retryAfterSeconds);
    return {
      ok: false,
      error: `Too many sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`,
      retryAfterSeconds,
    };
  }

  const user = await db.user.findUnique({ where: { email }, include: { business: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !valid) {
    await hitRateLimit(emailKey, SIGN_IN_LIMITS.perEmail.limit, SIGN_IN_LIMITS.perEmail.windowSeconds);
    return { ok: false, error: "That email and password do not match an account." };
  }

  if (user.totpEnabledAt) {
    const challengeToken = await createChallenge({ userId: user.id, ipAddress: input.ipAddress, userAgent: input.userAgent });
    return { ok: "two-step", challengeToken, userId: user.id };
  }
  const sessionId = await openSession({ user, ipAddress: input.ipAddress, userAgent: input.userAgent, method: "password" });
  return { ok: true, sessionId, userId: user.id };
}

type SignedInUser = { id: string; name: string; email: string; businessId: string; business: Parameters<typeof brandOf>[0] & { timeZone: string } };

/** Creates the session of a finished sign-in, logs it and emails the person a sign-in alert. */
export async function openSession(input: { user: SignedInUser; ipAddress: string; userAgent: string; method: "password" | "authenticator" | "recovery code" }) {
  const { user } = input;
  const sessionId = newSessionId();
  await db.$transaction(async (tx) => {
    await createSession(tx, { sessionId, userId: user.id, ipAddress: input.ipAddress, userAgent: input.userAgent });
    await logActivity(tx, {
      businessId: user.businessId,
      actor: "OWNER",
      actorUserId: user.id,
      type: "owner.signed_in",
      summary: input.method === "password" ? `${user.name} signed in` : `${user.name} signed in with a password and ${input.method === "authenticator" ? "an authenticator code" : "a recovery code"}`,
      data: { ipAddress: input.ipAddress, method: input.method },
    });
    await enqueueEmail(tx, {
      template: "owner-sign-in",
      to: user.email,
      businessId: user.businessId,
      dedupeKey: `owner-sign-in:${sessionId}`,
      props: {
        brand: brandOf(user.business),
        ownerName: user.name,
        whenText: formatInstant(now(), user.business.timeZone),
        ipAddress: input.ipAddress,
        userAgent: input.userAgent.slice(0, 120) || "unknown browser",
      },
    });
  });
  return sessionId;
}

export const newSessionId = () => newSecretToken();

/** A signed-in session row; the caller sets the cookie with commitOwnerSession. */
export async function createSession(tx: Tx, input: { sessionId: string; userId: string; ipAddress: string; userAgent: string }) {
  await tx.session.create({
    data: {
      id: input.sessionId,
      userId: input.userId,
      expiresAt: new Date(Date.now() + OWNER_SESSION_DAYS * 86400_000),
      ipAddress: input.ipAddress,
      userAgent: input.userAgent.slice(0, 300),
    },
  });
}

export async function commitOwnerSession(sessionId: string) {
  return getCookies().owner.serialize(sessionId);
}

async function readSessionId(request: Request): Promise<string | null> {
  const value = await getCookies().owner.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export async function getOwner(request: Request) {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: { include: { business: true } } } });
  if (!session || session.expiresAt.getTime() <= Date.now()) return null;
  return { sessionId, user: session.user, business: session.user.business };
}

/** Loads the signed-in owner or sends the visitor to sign in and back to where they were going. */
export async function requireOwner(request: Request) {
  const owner = await getOwner(request);
  const url = new URL(request.url);
  if (owner) {
    // A business that requires two-step sign-in lets a member without it reach only their account page.
    if (owner.business.requireTwoStep && !owner.user.totpEnabledAt && url.pathname !== "/app/account") throw redirect("/app/account?two-step=required");
    return owner;
  }
  const redirectTo = `${url.pathname}${url.search}`;
  throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
}

/**
 * The signed-in user, if their role has the permission; otherwise a 403 whose text names the role and what it
 * cannot do. Every owner-side action and every owner-only page calls this: hiding a button is not a check.
 */
export async function requireUser(request: Request, permission: Permission) {
  const owner = await requireOwner(request);
  if (!can(owner.user.role, permission)) throw new Response(refusal(owner.user.role, permission), { status: 403, statusText: "Forbidden" });
  return owner;
}

/** For one intent of an action that needs more than the action's own permission. */
export function assertCan(user: { role: Role }, permission: Permission) {
  if (!can(user.role, permission)) throw new Response(refusal(user.role, permission), { status: 403, statusText: "Forbidden" });
}

export async function signOut(request: Request) {
  const sessionId = await readSessionId(request);
  if (sessionId) await db.session.deleteMany({ where: { id: sessionId } });
  return getCookies().owner.serialize("", { maxAge: 0 });
}

/** Only same-site paths: an attacker's redirectTo cannot send the owner elsewhere. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/app") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
