// Emailed portal links: a long random token, stored only as its SHA-256, scoped to one customer,
// expiring after the business's link lifetime, revocable. Opening one starts a portal session.
import crypto from "node:crypto";
import { redirect } from "@remix-run/node";
import { logActivity } from "~/modules/activity/activity.server";
import { now } from "~/utils/clock.server";
import { getCookies, PORTAL_SESSION_DAYS } from "~/utils/cookies.server";
import { db, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function portalUrl(token: string) {
  return `${getEnv().APP_URL}/portal/access/${token}`;
}

/** Creates a link for a customer. The plain token exists only in the returned URL (and the email). */
export async function createPortalLink(tx: Tx, customerId: string, ttlDays: number) {
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now().getTime() + ttlDays * 86400_000);
  const row = await tx.portalAccessToken.create({
    data: { customerId, tokenHash: hashToken(token), expiresAt, createdAt: now() },
  });
  return { tokenId: row.id, token, url: portalUrl(token), expiresAt };
}

export type OpenLinkResult =
  | { ok: true; sessionId: string; customerId: string }
  | { ok: false; reason: "unknown" | "expired" | "revoked" };

export async function openPortalLink(token: string): Promise<OpenLinkResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { ok: false, reason: "unknown" };
  const link = await db.portalAccessToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { customer: { select: { id: true, businessId: true, archivedAt: true } } },
  });
  if (!link || link.customer.archivedAt) return { ok: false, reason: "unknown" };
  if (link.revokedAt) return { ok: false, reason: "revoked" };
  const at = now();
  if (link.expiresAt <= at) return { ok: false, reason: "expired" };

  const sessionId = crypto.randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    await tx.portalSession.create({
      data: {
        id: sessionId,
        customerId: link.customerId,
        tokenId: link.id,
        createdAt: at,
        expiresAt: new Date(Math.min(link.expiresAt.getTime(), at.getTime() + PORTAL_SESSION_DAYS * 86400_000)),
      },
    });
    await tx.portalAccessToken.update({ where: { id: link.id }, data: { lastUsedAt: at } });
    await logActivity(tx, {
      businessId: link.customer.businessId,
      customerId: link.customerId,
      actor: "CUSTOMER",
      type: "portal.visited",
      summary: "Opened the portal from an emailed link",
    });
  });
  return { ok: true, sessionId, customerId: link.customerId };
}

export async function revokePortalLinks(tx: Tx, customerId: string) {
  const at = now();
  await tx.portalAccessToken.updateMany({ where: { customerId, revokedAt: null }, data: { revokedAt: at } });
  await tx.portalSession.deleteMany({ where: { customerId } });
}

export async function commitPortalSession(sessionId: string) {
  return getCookies().portal.serialize(sessionId);
}

function loadPortalSession(sessionId: unknown) {
  return typeof sessionId === "string"
    ? db.portalSession.findUnique({
        where: { id: sessionId },
        include: { customer: { include: { business: true } }, token: { select: { revokedAt: true } } },
      })
    : Promise.resolve(null);
}

// The session a request's loaders read, by the request's load context (one object per request, shared by the
// layout's and the page's loaders, which run side by side): the portal layout and its pages each need the
// customer and the business, and loading them once saves four queries per page (docs/decisions/016-benchmarks.md).
const loadedSessions = new WeakMap<object, { sessionId: unknown; session: ReturnType<typeof loadPortalSession> }>();

/**
 * The customer behind the portal cookie; a revoked link or an expired session sends them to ask for a new link.
 * Loaders pass their `context` so that the layout and the page share one load; actions do not (what an action
 * changes must not be hidden from it), and without a context every call loads afresh.
 */
export async function requireCustomer(request: Request, context?: object) {
  const sessionId: unknown = await getCookies().portal.parse(request.headers.get("Cookie"));
  let session: Awaited<ReturnType<typeof loadPortalSession>>;
  if (context) {
    let loaded = loadedSessions.get(context);
    if (!loaded || loaded.sessionId !== sessionId) {
      loaded = { sessionId, session: loadPortalSession(sessionId) };
      loadedSessions.set(context, loaded);
    }
    session = await loaded.session;
  } else {
    session = await loadPortalSession(sessionId);
  }
  if (!session || session.expiresAt <= now() || session.token?.revokedAt || session.customer.archivedAt) {
    throw redirect("/portal/expired");
  }
  return { sessionId: session.id, customer: session.customer, business: session.customer.business };
}
