import { describe, expect, it } from "vitest";
import { getOwner, requireOwner, safeRedirect, signIn, signOut, commitOwnerSession, SIGN_IN_LIMITS } from "../../app/modules/auth/session.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createOwner } from "../fixtures/factories";

function requestWithCookie(cookie: string, url = "http://localhost/app/invoices?page=2") {
  return new Request(url, { headers: { Cookie: cookie.split(";")[0] ?? "" } });
}

describe("owner sign-in", () => {
  it("signs in with the right password: a stored session, an activity entry and a sign-in email", async () => {
    const business = await createBusiness();
    const { user, email, password } = await createOwner(business.id);
    const result = await signIn({ email: email.toUpperCase(), password, ipAddress: "10.0.0.1", userAgent: "test" });
    expect(result.ok).toBe(true);
    if (result.ok !== true) return;
    const session = await db.session.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session.userId).toBe(user.id);
    expect(await db.activityEvent.count({ where: { businessId: business.id, type: "owner.signed_in" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { toAddress: email, template: "owner-sign-in" } })).toBe(1);

    const cookie = await commitOwnerSession(result.sessionId);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await getOwner(requestWithCookie(cookie)))?.user.id).toBe(user.id);
  });

  it("stores an argon2id hash, never the password", async () => {
    const business = await createBusiness();
    const { user, password } = await createOwner(business.id);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(stored.passwordHash).not.toContain(password);
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const business = await createBusiness();
    const { email } = await createOwner(business.id);
    const wrong = await signIn({ email, password: "nope", ipAddress: "10.0.0.2", userAgent: "t" });
    const unknown = await signIn({ email: "nobody@example.test", password: "nope", ipAddress: "10.0.0.2", userAgent: "t" });
    expect(wrong).toEqual({ ok: false, error: "That email and password do not match an account." });
    expect(unknown).toEqual(wrong);
  });

  it("locks an address after too many attempts, even with the right password", async () => {
    const business = await createBusiness();
    const { email, password } = await createOwner(business.id);
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit; i++) {
      expect((await signIn({ email, password: `wrong-${i}`, ipAddress: `10.1.0.${i}`, userAgent: "t" })).ok).toBe(false);
    }
    const blocked = await signIn({ email, password, ipAddress: "10.1.1.1", userAgent: "t" });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) {
      expect(blocked.error).toMatch(/Too many sign-in attempts/);
      expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  it("sends a visitor who is not signed in to sign-in and back", async () => {
    const thrown = await requireOwner(new Request("http://localhost/app/invoices?page=2")).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fapp%2Finvoices%3Fpage%3D2");
  });

  it("signs out by deleting the session", async () => {
    const business = await createBusiness();
    const { email, password } = await createOwner(business.id);
    const result = await signIn({ email, password, ipAddress: "10.0.0.3", userAgent: "t" });
    if (result.ok !== true) throw new Error("sign-in failed");
    const request = requestWithCookie(await commitOwnerSession(result.sessionId));
    expect(await signOut(request)).toMatch(/Max-Age=0/);
    expect(await db.session.findUnique({ where: { id: result.sessionId } })).toBeNull();
    expect(await getOwner(request)).toBeNull();
  });

  it("only redirects to paths on this site", () => {
    expect(safeRedirect("/app/customers")).toBe("/app/customers");
    expect(safeRedirect("//evil.test")).toBe("/app");
    expect(safeRedirect("https://evil.test")).toBe("/app");
    expect(safeRedirect("/\\evil.test")).toBe("/app");
    expect(safeRedirect(null)).toBe("/app");
  });
});

describe("sign-in limits", () => {
  it("does not count successful sign-ins against the account", async () => {
    const business = await createBusiness();
    const { email, password } = await createOwner(business.id);
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit + 2; i++) {
      expect((await signIn({ email, password, ipAddress: `10.3.0.${i}`, userAgent: "t" })).ok).toBe(true);
    }
  });

  it("limits every attempt from one network address", async () => {
    const business = await createBusiness();
    const { email, password } = await createOwner(business.id);
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++) await signIn({ email: `nobody-${i}@example.test`, password: "x", ipAddress: "10.4.0.1", userAgent: "t" });
    const blocked = await signIn({ email, password, ipAddress: "10.4.0.1", userAgent: "t" });
    expect(blocked.ok).toBe(false);
  });
});
