// Emailed portal links: a long random token, stored only as its SHA-256, scoped to one customer,
// expiring after the business's link lifetime, revocable. Opening one starts a portal session.
import { redirect } from "@remix-run/node";
import { logActivity } from "~/modules/activity/activity.server";
import { now } from "~/utils/clock.server";
import { getCookies, PORTAL_SESSION_DAYS } from "~/utils/cookies.server";
import { Prisma, type Business, type Customer, type PortalSession } from "~/generated/prisma/client";
import { db, readRows, type Tx } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { hashToken, newSecretToken } from "~/utils/secret-token.server";

export { hashToken };

export function portalUrl(token: string) {
  return `${getEnv().APP_URL}/portal/access/${token}`;
}

/** Creates a link for a customer. The plain token exists only in the returned URL (and the email). */
export async function createPortalLink(tx: Tx, customerId: string, ttlDays: number) {
  const token = newSecretToken();
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

  const sessionId = newSecretToken();
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

// Every column of the customer and their business, as Prisma's models list them, so that the raw read below
// gives the same objects as `include: { customer: { include: { business: true } } }` (an integration test
// compares the two).
const customerFields = Object.keys(Prisma.CustomerScalarFieldEnum) as (keyof Customer)[];
const businessFields = Object.keys(Prisma.BusinessScalarFieldEnum) as (keyof Business)[];
export const SESSION_SQL = `
  select s.id, s."customerId", s."tokenId", s."createdAt", s."expiresAt", t.id as "token.id", t."revokedAt" as "token.revokedAt",
    ${customerFields.map((f) => `c."${f}" as "customer.${f}"`).join(", ")},
    ${businessFields.map((f) => `b."${f}" as "business.${f}"`).join(", ")}
  from "PortalSession" s join "Customer" c on c.id = s."customerId" join "Business" b on b.id = c."businessId"
  left join "PortalAccessToken" t on t.id = s."tokenId"
  where s.id = $1`;

function pick<T>(row: Record<string, unknown>, prefix: string, fields: readonly (keyof T)[]) {
  return Object.fromEntries(fields.map((f) => [f, row[`${prefix}.${String(f)}`]])) as T;
}

export type LoadedPortalSession = PortalSession & { token: { revokedAt: Date | null } | null; customer: Customer & { business: Business } };

/**
 * A portal session with its customer, their business and the link it came from: one statement on the pool, on
 * every portal request (a Prisma `include` of the same costs ~1.5 ms of CPU; docs/decisions/018-hot-reads.md).
 */
export async function loadPortalSession(sessionId: unknown): Promise<LoadedPortalSession | null> {
  if (typeof sessionId !== "string") return null;
  const [row] = await readRows<Record<string, unknown>>(SESSION_SQL, [sessionId]);
  return row ? portalSessionFromRow(row) : null;
}

/** The objects of one SESSION_SQL row (also the bench's bare server's). */
export function portalSessionFromRow(row: Record<string, unknown>): LoadedPortalSession {
  const session = { id: row.id, customerId: row.customerId, tokenId: row.tokenId, createdAt: row.createdAt, expiresAt: row.expiresAt } as PortalSession;
  const token = row["token.id"] ? { revokedAt: row["token.revokedAt"] as Date | null } : null;
  return { ...session, token, customer: { ...pick<Customer>(row, "customer", customerFields), business: pick<Business>(row, "business", businessFields) } };
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

/** The customer behind the portal cookie, or null (no redirect): pages that also serve visitors without a session. */
export async function optionalCustomer(request: Request) {
  const session = await loadPortalSession(await getCookies().portal.parse(request.headers.get("Cookie")));
  if (!session || session.expiresAt <= now() || session.token?.revokedAt || session.customer.archivedAt) return null;
  return { sessionId: session.id, customer: session.customer, business: session.customer.business };
}
