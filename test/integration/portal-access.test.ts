import { describe, expect, it } from "vitest";
import { fromDbDate } from "../../app/modules/dates/calendar";
import { listCustomerInvoices } from "../../app/modules/invoices/invoices.server";
import { commitPortalSession, createPortalLink, hashToken, loadPortalSession, openPortalLink, requireCustomer, revokePortalLinks } from "../../app/modules/portal-access/tokens.server";
import { requestPortalLink } from "../../app/modules/portal-access/request-link.server";
import { setClockOffset } from "../../app/utils/clock.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createInvoice, recordPayment } from "../fixtures/factories";

async function linkFor(customerId: string, ttlDays = 30) {
  return db.$transaction((tx) => createPortalLink(tx, customerId, ttlDays));
}

describe("portal links", () => {
  it("stores only the hash of the token, and opening the link starts a session for that customer", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    const link = await linkFor(customer.id);
    expect(link.token.length).toBeGreaterThanOrEqual(43);
    const stored = await db.portalAccessToken.findUniqueOrThrow({ where: { id: link.tokenId } });
    expect(stored.tokenHash).toBe(hashToken(link.token));
    expect(JSON.stringify(stored)).not.toContain(link.token);

    const opened = await openPortalLink(link.token);
    expect(opened).toMatchObject({ ok: true, customerId: customer.id });
    if (!opened.ok) return;
    const cookie = (await commitPortalSession(opened.sessionId)).split(";")[0] ?? "";
    const session = await requireCustomer(new Request("http://localhost/portal", { headers: { Cookie: cookie } }));
    expect(session.customer.id).toBe(customer.id);
    expect(await db.activityEvent.count({ where: { customerId: customer.id, type: "portal.visited" } })).toBe(1);
  });

  it("loads a session through the pool exactly as Prisma's include reads it: every column, same types", async () => {
    const business = await createBusiness();
    await db.business.update({ where: { id: business.id }, data: { addressLines: ["1 Main St", "Springfield"], logoUrl: "https://example.com/logo.png", phone: "+1 555 0100" } });
    const customer = await createCustomer(business.id);
    await db.customer.update({ where: { id: customer.id }, data: { markedRiskyAt: new Date("2026-03-04T05:06:07.089Z"), remindersPausedReason: "On holiday", companyName: null } });
    for (const revoke of [false, true]) {
      const link = await linkFor(customer.id);
      const opened = await openPortalLink(link.token);
      if (!opened.ok) throw new Error("the link did not open");
      if (revoke) await db.portalAccessToken.update({ where: { id: link.tokenId }, data: { revokedAt: new Date("2026-05-06T07:08:09.010Z") } });
      const viaPrisma = await db.portalSession.findUnique({ where: { id: opened.sessionId }, include: { customer: { include: { business: true } }, token: { select: { revokedAt: true } } } });
      const viaPool = await loadPortalSession(opened.sessionId);
      expect(viaPool).toStrictEqual(viaPrisma);
      expect(viaPool?.customer.markedRiskyAt).toBeInstanceOf(Date);
    }
    // A session made without a link (none left after a revocation sweep) has no token.
    await db.portalSession.create({ data: { id: "no-link-session", customerId: customer.id, expiresAt: new Date("2030-01-01T00:00:00.000Z") } });
    expect((await loadPortalSession("no-link-session"))?.token).toBeNull();
    expect(await loadPortalSession("nobody")).toBeNull();
    expect(await loadPortalSession(42)).toBeNull();
  });

  it("refuses unknown, expired and revoked links, each for its reason", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id);
    expect(await openPortalLink("x".repeat(43))).toEqual({ ok: false, reason: "unknown" });
    expect(await openPortalLink("../../etc")).toEqual({ ok: false, reason: "unknown" });

    const expiring = await linkFor(customer.id, 30);
    await setClockOffset(31 * 86400_000);
    try {
      expect(await openPortalLink(expiring.token)).toEqual({ ok: false, reason: "expired" });
    } finally {
      await setClockOffset(0);
    }

    const revoked = await linkFor(customer.id);
    const opened = await openPortalLink(revoked.token);
    await db.$transaction((tx) => revokePortalLinks(tx, customer.id));
    expect(await openPortalLink(revoked.token)).toEqual({ ok: false, reason: "revoked" });
    if (opened.ok) {
      const cookie = (await commitPortalSession(opened.sessionId)).split(";")[0] ?? "";
      const thrown = await requireCustomer(new Request("http://localhost/portal", { headers: { Cookie: cookie } })).catch((e: unknown) => e);
      expect((thrown as Response).headers.get("Location")).toBe("/portal/expired");
    }
  });

  it("shows a customer only their own invoices, with live balances", async () => {
    const business = await createBusiness();
    const ada = await createCustomer(business.id);
    const bob = await createCustomer(business.id);
    const adaInvoice = await createInvoice(business.id, ada.id, { amountCents: 50_000 });
    await createInvoice(business.id, bob.id);
    await createInvoice(business.id, ada.id, { state: "DRAFT" });
    await recordPayment(business.id, ada.id, adaInvoice.id, 20_000);
    await recordPayment(business.id, ada.id, adaInvoice.id, 10_000, "PROCESSING");

    const invoices = await listCustomerInvoices(ada.id, fromDbDate(adaInvoice.issueDate));
    expect(invoices.map((i) => i.id)).toEqual([adaInvoice.id]);
    expect(invoices[0]?.figures).toMatchObject({ totalCents: 50_000, paidCents: 20_000, processingCents: 10_000, balanceCents: 30_000, dueNowCents: 20_000 });
  });

  it("answers a link request the same way for known and unknown addresses, and emails only the known one", async () => {
    const business = await createBusiness();
    const customer = await createCustomer(business.id, { email: "known@example.test" });
    expect(await requestPortalLink("KNOWN@example.test", "10.9.0.1")).toEqual({ limited: false });
    expect(await requestPortalLink("stranger@example.test", "10.9.0.1")).toEqual({ limited: false });
    const emails = await db.outboxEmail.findMany({ where: { template: "portal-link" } });
    expect(emails.map((e) => e.toAddress)).toEqual(["known@example.test"]);
    expect(emails[0]?.customerId).toBe(customer.id);
    expect(emails[0]?.text).toMatch(/\/portal\/access\/[A-Za-z0-9_-]{43}/);
  });

  it("rate-limits link requests per address and per network address", async () => {
    const business = await createBusiness();
    await createCustomer(business.id, { email: "spam@example.test" });
    for (let i = 0; i < 5; i++) await requestPortalLink("spam@example.test", `10.8.0.${i}`);
    expect(await db.outboxEmail.count({ where: { toAddress: "spam@example.test" } })).toBe(3);
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await requestPortalLink(`someone-${i}@example.test`, "10.7.0.1"));
    expect(results.slice(0, 10).every((r) => !r.limited)).toBe(true);
    const last = results.at(-1);
    expect(last?.limited).toBe(true);
    expect(last?.limited && last.retryAfterSeconds).toBeGreaterThan(0);
    expect(last?.limited && last.retryAfterSeconds).toBeLessThanOrEqual(3600);
  });
});
