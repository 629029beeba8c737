// Issue 20 §3: what the outside scanners (sqlmap 1.7, wapiti 3.0; test/scanners/run.sh) found, replayed against
// the launcher as it runs (`node app/server/main.js`), so each stays fixed: every answer is a 4xx that says what
// to change, never a 5xx. docs/decisions/015-security-headers.md, "Outside scanners", quotes the scanners. Needs `remix build`.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPortalLink } from "../../app/modules/portal-access/tokens.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createOwner } from "../fixtures/factories";
import { freePort, launch } from "../support/launcher";
import { reportFigure } from "./figures";

const root = path.resolve(import.meta.dirname, "../..");

let app: Awaited<ReturnType<typeof launch>>;
let base = "";
let owner = "";
let portal = "";

const cookieOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
const form = (body: string, cookie = "") => ({
  method: "POST",
  body,
  headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  redirect: "manual" as const,
});

beforeAll(async () => {
  expect(fs.existsSync(path.join(root, "build/index.js")), "run `npx remix build` before this test").toBe(true);
  const business = await createBusiness();
  const { email, password } = await createOwner(business.id);
  const port = await freePort();
  app = await launch({ APP_ENV: "test", HOST: "127.0.0.1", PORT: String(port), APP_URL: `http://localhost:${port}`, DATABASE_URL: process.env.DATABASE_URL!, SESSION_SECRET: crypto.randomBytes(32).toString("hex") });
  expect(app.listening, app.output()).toBe(true);
  base = `http://127.0.0.1:${port}`;
  const signIn = await fetch(`${base}/login`, form(new URLSearchParams({ email, password }).toString()));
  owner = cookieOf(signIn);
  expect(owner, `${signIn.status} ${(await signIn.text()).slice(0, 3000)}`).toContain("duely_owner=");
  const customer = await createCustomer(business.id);
  const { token } = await db.$transaction((tx) => createPortalLink(tx, customer.id, 7));
  portal = cookieOf(await fetch(`${base}/portal/access/${token}`, { redirect: "manual" }));
  expect(portal).toContain("duely_portal=");
});

afterAll(async () => {
  await app?.stop();
});

type Probe = { what: string; send: () => Promise<Response>; status: number; says: RegExp };

// Each answered 500 before the fix: requests the scanners sent, and their null-character payload replayed on the
// link-request form (the crawlers leave that form out, see run.sh).
const probes = (): Probe[] => [
  // wapiti's file and exec modules and sqlmap's payloads end values with %00; the search box put it into a query.
  { what: "invoice search with a null character", send: () => fetch(`${base}/app/invoices?q=a%00b`, { headers: { Cookie: owner } }), status: 400, says: /null character, %00\)\. Remove it/ },
  { what: "customer search with a null character", send: () => fetch(`${base}/app/customers?q=%00`, { headers: { Cookie: owner } }), status: 400, says: /null character/ },
  { what: "invoice CSV with a null character", send: () => fetch(`${base}/app/invoices.csv?q=%2Fetc%2Fpasswd%00`, { headers: { Cookie: owner } }), status: 400, says: /null character/ },
  { what: "a null character in a parameter's name", send: () => fetch(`${base}/app/customers?q%00=x`, { headers: { Cookie: owner } }), status: 400, says: /null character/ },
  { what: "a portal page with a null character", send: () => fetch(`${base}/portal/pay?invoice=%00`, { headers: { Cookie: portal } }), status: 400, says: /null character/ },
  // The expired-link form refused the null character with 400, then the page's title (no loader ran) threw.
  { what: "link request with a null character", send: () => fetch(`${base}/portal/expired`, form("email=a%00%40example.test")), status: 400, says: /null character/ },
  // The same page's title threw for any refusal before its loader: a body that is not a form, no body, a PUT (wapiti's methods module).
  { what: "link request that is not a form", send: () => fetch(`${base}/portal/expired`, { method: "POST", body: "x", headers: { "Content-Type": "text/plain" } }), status: 415, says: /takes a form/ },
  { what: "link request without a body", send: () => fetch(`${base}/portal/expired`, { method: "POST" }), status: 415, says: /takes a form/ },
  { what: "link request as PUT", send: () => fetch(`${base}/portal/expired`, { method: "PUT" }), status: 415, says: /takes a form/ },
];

const withHeaders = (init: ReturnType<typeof form>, headers: Record<string, string>) => ({ ...init, headers: { ...init.headers, ...headers } });

// wapiti: "Lack of anti CSRF token" on every form. The cookies are SameSite=Lax; the launcher also refuses a form a
// browser says another site sent, the ones that need no session included.
const crossSite = (): Probe[] => [
  { what: "sign-in sent from another site", send: () => fetch(`${base}/login`, withHeaders(form("email=a%40b.test&password=x"), { Origin: "https://evil.example" })), status: 403, says: /sent from another site\. Open Duely at http:\/\/localhost:\d+ and send it from there/ },
  { what: "link request from another site (no Origin)", send: () => fetch(`${base}/portal/expired`, withHeaders(form("email=a%40b.test"), { "Sec-Fetch-Site": "cross-site" })), status: 403, says: /another site/ },
  { what: "an owner form from another site", send: () => fetch(`${base}/app`, withHeaders(form("intent=send-test-email", owner), { Origin: "null" })), status: 403, says: /another site/ },
  { what: "sign-in from our own page", send: () => fetch(`${base}/login`, withHeaders(form("email=a%40b.test&password=x"), { Origin: base, "Sec-Fetch-Site": "same-origin" })), status: 400, says: /do not match an account/ },
];

describe("what the outside scanners found", () => {
  it("answers each with a 4xx that says what to fix", { timeout: 60_000 }, async () => {
    const outcomes: string[] = [];
    for (const probe of [...probes(), ...crossSite()]) {
      const response = await probe.send();
      const body = await response.text();
      outcomes.push(`${probe.what}: ${response.status}`);
      expect(response.status, `${probe.what}: ${body.slice(0, 300)}`).toBe(probe.status);
      expect(body, probe.what).toMatch(probe.says);
    }
    expect(app.output()).not.toMatch(/invalid byte sequence|MISSING_TRANSLATION/);
    reportFigure("scanner findings replayed", `${outcomes.length} requests, 0 answered 5xx`, { outcomes });
  });

  it("sends the language switch back to the portal when its back address holds a newline or a byte above ASCII (wapiti: HTTP 500)", async () => {
    for (const back of ["%2Fportal%2Fexpired%3Freason%3Dexpired%0Aenv%3B", "%2Fportal%2Fexpired%C2%BF%27%22%28"]) {
      const response = await fetch(`${base}/portal/language`, form(`back=${back}&language=en`, portal));
      expect(response.status, back).toBe(302);
      expect(response.headers.get("location"), back).toBe("/portal");
    }
  });

  it("still answers a search without the character", async () => {
    const response = await fetch(`${base}/app/invoices?q=INV`, { headers: { Cookie: owner } });
    expect(response.status).toBe(200);
  });
});
