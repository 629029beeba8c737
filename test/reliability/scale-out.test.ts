// Issue 20 (part): Duely scales out by running more stateless web processes against one PostgreSQL. Two
// `node app/server/main.js` processes on two ports share one database: an owner signed in on one uses the session on
// the other, a customer's portal session too, and the sign-in and link-request rate limits count across both (the
// counters live in PostgreSQL, not in a process). Needs `remix build`.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS } from "../../app/modules/auth/session.server";
import { LINK_REQUEST_LIMITS } from "../../app/modules/portal-access/request-link.server";
import { createPortalLink } from "../../app/modules/portal-access/tokens.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createOwner } from "../fixtures/factories";
import { freePort, launch } from "../support/launcher";
import { reportFigure } from "./figures";

const root = path.resolve(import.meta.dirname, "../..");

async function webProcess(sessionSecret: string) {
  const port = await freePort();
  const app = await launch({ APP_ENV: "test", HOST: "127.0.0.1", PORT: String(port), APP_URL: `http://localhost:${port}`, DATABASE_URL: process.env.DATABASE_URL!, SESSION_SECRET: sessionSecret });
  expect(app.listening, app.output()).toBe(true);
  return { base: `http://127.0.0.1:${port}`, stop: app.stop };
}

const form = (fields: Record<string, string>, cookie?: string) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  redirect: "manual" as const,
});
const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

describe("two web processes on one database", () => {
  it("share owner and portal sessions and count the rate limits together", { timeout: 180_000 }, async () => {
    expect(fs.existsSync(path.join(root, "build/index.js")), "run `npx remix build` before this test").toBe(true);
    const secret = crypto.randomBytes(32).toString("hex");
    const [a, b] = await Promise.all([webProcess(secret), webProcess(secret)]);
    try {
      // An owner signs in on A and works on B with the same cookie; signing out on B ends it on A too.
      const business = await createBusiness();
      const { email, password } = await createOwner(business.id);
      const signIn = await fetch(`${a.base}/login`, form({ email, password }));
      expect(signIn.status).toBe(302);
      const owner = cookieOf(signIn);
      expect(owner).toContain("duely_owner=");
      const onB = await fetch(`${b.base}/app`, { headers: { Cookie: owner }, redirect: "manual" });
      expect(onB.status).toBe(200);
      expect(await onB.text()).toContain(business.name);
      const signOut = await fetch(`${b.base}/logout`, form({}, owner));
      expect([302, 303]).toContain(signOut.status);
      expect((await fetch(`${a.base}/app`, { headers: { Cookie: owner }, redirect: "manual" })).status).toBe(302);

      // A customer opens their emailed link on B and goes on on A.
      const customer = await createCustomer(business.id, { name: "Shared Session Co" });
      const { token } = await db.$transaction((tx) => createPortalLink(tx, customer.id, 7));
      const opened = await fetch(`${b.base}/portal/access/${token}`, { redirect: "manual" });
      const portal = cookieOf(opened);
      expect(portal).toContain("duely_portal=");
      const home = await fetch(`${a.base}/portal`, { headers: { Cookie: portal }, redirect: "manual" });
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("Shared Session Co");

      // Wrong passwords alternate between the processes: the limit is the same as on one.
      const victim = await createOwner(business.id);
      for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit; i++) {
        const wrong = await fetch(`${(i % 2 ? a : b).base}/login`, form({ email: victim.email, password: `wrong-${i}` }));
        expect(wrong.status).toBe(400);
      }
      for (const p of [a, b]) expect((await fetch(`${p.base}/login`, form({ email: victim.email, password: victim.password }))).status).toBe(429);

      // Link requests from one address, alternating: the hourly limit is shared too.
      for (let i = 0; i < LINK_REQUEST_LIMITS.perIpPerHour; i++) {
        expect((await fetch(`${(i % 2 ? a : b).base}/portal/expired`, form({ email: `someone-${i}@example.test` }))).status).toBe(200);
      }
      for (const p of [a, b]) expect((await fetch(`${p.base}/portal/expired`, form({ email: "one-more@example.test" }))).status).toBe(429);

      reportFigure("scale-out", "2 web processes on 1 database: owner session signed in on A used and ended on B, portal session opened on B used on A, sign-in and link-request limits counted across both", {
        signInLimit: SIGN_IN_LIMITS.perEmail.limit,
        linkRequestLimit: LINK_REQUEST_LIMITS.perIpPerHour,
      });
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
