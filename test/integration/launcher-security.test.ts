// The launcher (app/server/main.js) as it runs in production and in tests: its headers, its cookies, the
// rate limits as HTTP answers, and what it prints when the configuration is full of secrets. Needs `remix build`.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SIGN_IN_LIMITS } from "../../app/modules/auth/session.server";
import { LINK_REQUEST_LIMITS } from "../../app/modules/portal-access/request-link.server";
import { createPortalLink } from "../../app/modules/portal-access/tokens.server";
import { db } from "../../app/utils/db.server";
import { createBusiness, createCustomer, createOwner } from "../fixtures/factories";
import { adminQuery } from "../setup/database-url";
import { freePort, launch } from "../support/launcher";

const root = path.resolve(import.meta.dirname, "../..");
const random = (label: string) => `${label}${crypto.randomBytes(12).toString("hex")}`;

// Every secret the app is given; none may appear in what it prints.
const secrets = {
  dbPassword: random("DbPw"),
  sessionSecret: random("session-secret-") + random(""),
  smtpPassword: random("SmtpPw"),
  stripeKey: `sk_test_${random("")}`,
  webhookSecret: `whsec_${random("")}`,
};
const role = `duely_launcher_${crypto.randomBytes(4).toString("hex")}`;
let appDatabaseUrl = "";

beforeAll(async () => {
  expect(fs.existsSync(path.join(root, "build/index.js")), "run `npx remix build` before this test").toBe(true);
  // The app connects as a role of its own whose password is one of the secrets.
  await adminQuery(inject("adminUrl"), `create role "${role}" login superuser password '${secrets.dbPassword}'`);
  const url = new URL(process.env.DATABASE_URL!);
  url.username = role;
  url.password = secrets.dbPassword;
  appDatabaseUrl = url.toString();
});

afterAll(async () => {
  await adminQuery(process.env.DATABASE_URL!, `reassign owned by "${role}" to current_user`);
  await adminQuery(inject("adminUrl"), `drop role if exists "${role}"`);
});

function expectNoSecrets(output: string, extra: string[] = []) {
  for (const [name, value] of Object.entries(secrets)) expect(output, `the ${name} in the output`).not.toContain(value);
  for (const value of extra) expect(output).not.toContain(value);
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
  redirect: "manual" as const,
});

describe("the launcher in production", () => {
  it("sends HSTS, upgrades requests, allows Stripe's origins, sets Secure cookies and prints no secret", { timeout: 120_000 }, async () => {
    const business = await createBusiness();
    const { email, password } = await createOwner(business.id);
    const customer = await createCustomer(business.id);
    const { token } = await db.$transaction((tx) => createPortalLink(tx, customer.id, 7));

    const port = await freePort();
    const smtpPort = await freePort(); // nothing listens there: delivering the sign-in email fails
    const app = await launch({
      APP_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      DATABASE_URL: appDatabaseUrl,
      SESSION_SECRET: secrets.sessionSecret,
      SMTP_URL: `smtp://mailer:${secrets.smtpPassword}@127.0.0.1:${smtpPort}`,
      STRIPE_SECRET_KEY: secrets.stripeKey,
      STRIPE_PUBLISHABLE_KEY: "pk_test_launcher",
      STRIPE_WEBHOOK_SECRET: secrets.webhookSecret,
    });
    try {
      expect(app.listening, app.output()).toBe(true);
      const base = `http://127.0.0.1:${port}`;

      const page = await fetch(`${base}/login`);
      expect(page.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      const csp = page.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("upgrade-insecure-requests");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/connect-src 'self' https:\/\/api\.stripe\.com/);
      expect(csp).toMatch(/frame-src https:\/\/js\.stripe\.com/);
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(await page.text()).toContain(`nonce="${nonce}"`);

      const signedIn = await fetch(`${base}/login`, form({ email, password, redirectTo: "/app" }));
      expect(signedIn.status).toBe(302);
      const ownerCookie = signedIn.headers.getSetCookie().find((c) => c.startsWith("duely_owner="));
      expect(ownerCookie).toMatch(/; HttpOnly/);
      expect(ownerCookie).toMatch(/; Secure/);
      expect(ownerCookie).toMatch(/; SameSite=Lax/);

      const opened = await fetch(`${base}/portal/access/${token}`, { redirect: "manual" });
      const portalCookie = opened.headers.getSetCookie().find((c) => c.startsWith("duely_portal="));
      expect(portalCookie).toMatch(/; HttpOnly/);
      expect(portalCookie).toMatch(/; Secure/);
      expect(portalCookie).toMatch(/; SameSite=Lax/);

      // A forged Stripe webhook is refused (an error path that reads the webhook secret).
      expect((await fetch(`${base}/webhooks/stripe`, { method: "POST", body: "{}", headers: { "Stripe-Signature": "t=1,v1=00" } })).status).toBe(400);

      // The sign-in email reached the outbox, and the SMTP failure recorded on it names no password.
      await expect.poll(async () => (await db.outboxEmail.findFirst({ where: { toAddress: email, template: "owner-sign-in" } }))?.lastError ?? null, { timeout: 30_000 }).not.toBeNull();
      const failed = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: email, template: "owner-sign-in" } });
      expect(failed.lastError).not.toContain(secrets.smtpPassword);

      const cookieValues = [ownerCookie, portalCookie].map((c) => c!.split(";")[0]!.split("=").slice(1).join("="));
      await app.stop();
      expect(app.output()).toContain("Duely is listening");
      expectNoSecrets(app.output(), [token, ...cookieValues]);
    } finally {
      await app.stop();
    }
  });

  it("reports a crash (an unhandled rejection) through the redacted console and still exits with 1", { timeout: 60_000 }, async () => {
    // What app/server/main.js and worker.js install before anything else, then an error nothing handles.
    const script = `
      const build = await import(${JSON.stringify(path.join(root, "build/index.js"))});
      build.entry.module.installLogRedaction(process.env);
      build.entry.module.installCrashReporting();
      const error = new Error("the gateway said no to key " + process.env.STRIPE_SECRET_KEY);
      error.raw = { requestHeaders: { authorization: "Bearer " + process.env.STRIPE_SECRET_KEY }, password: process.env.SESSION_SECRET };
      Promise.reject(error);`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", STRIPE_SECRET_KEY: secrets.stripeKey, SESSION_SECRET: secrets.sessionSecret },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, output).toBe(1);
    expect(output).toContain("Stopped by an error nothing handled (unhandledRejection): Error: the gateway said no to key");
    expect(output).toContain("at ");
    expectNoSecrets(output);
  });

  it("refuses a bad configuration naming the variables, without printing a secret it was given", { timeout: 60_000 }, async () => {
    const app = await launch({
      APP_ENV: "production",
      PORT: String(await freePort()),
      APP_URL: "https://pay.example.test",
      DATABASE_URL: `mysql://duely:${secrets.dbPassword}@db.internal/duely`,
      SESSION_SECRET: secrets.sessionSecret,
      SMTP_URL: `smtp://mailer:${secrets.smtpPassword}@smtp.example.test:587`,
      // A common slip: the secret key pasted where the publishable key goes.
      STRIPE_PUBLISHABLE_KEY: secrets.stripeKey,
      STRIPE_SECRET_KEY: secrets.webhookSecret,
    });
    expect(app.listening).toBe(false);
    expect(await app.exited).toBe(1);
    expect(app.output()).toMatch(/DATABASE_URL: expected a postgresql:\/\/ connection string/);
    expect(app.output()).toMatch(/STRIPE_PUBLISHABLE_KEY: expected a Stripe publishable key/);
    expect(app.output()).toMatch(/STRIPE_SECRET_KEY: expected a Stripe secret key/);
    expectNoSecrets(app.output());
  });
});

describe("the launcher outside production", () => {
  it("sends no HSTS, and answers too many sign-ins and link requests with 429, Retry-After and words", { timeout: 120_000 }, async () => {
    const business = await createBusiness();
    const { email } = await createOwner(business.id);
    const port = await freePort();
    const app = await launch({ APP_ENV: "test", HOST: "127.0.0.1", PORT: String(port), APP_URL: `http://localhost:${port}`, DATABASE_URL: appDatabaseUrl, SESSION_SECRET: secrets.sessionSecret });
    try {
      expect(app.listening, app.output()).toBe(true);
      const base = `http://127.0.0.1:${port}`;
      const page = await fetch(`${base}/login`);
      expect(page.headers.get("strict-transport-security")).toBeNull();
      expect(page.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
      expect(page.headers.get("content-security-policy")).toContain("frame-src 'none'");
      // Idle connections are left for the client or the load balancer to close (app/server/main.js).
      expect(page.headers.get("keep-alive")).toBe("timeout=65");

      for (let i = 0; i < SIGN_IN_LIMITS.perEmail.limit; i++) {
        const wrong = await fetch(`${base}/login`, form({ email, password: `wrong-${i}` }));
        expect(wrong.status).toBe(400);
      }
      const limited = await fetch(`${base}/login`, form({ email, password: "still wrong" }));
      expect(limited.status).toBe(429);
      const retryAfter = Number(limited.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_LIMITS.perEmail.windowSeconds);
      expect(await limited.text()).toMatch(/Too many sign-in attempts\. Try again in \d+ minute/);

      for (let i = 0; i < LINK_REQUEST_LIMITS.perIpPerHour; i++) {
        expect((await fetch(`${base}/portal/expired`, form({ email: `someone-${i}@example.test` }))).status).toBe(200);
      }
      const tooMany = await fetch(`${base}/portal/expired`, form({ email: "one-more@example.test" }));
      expect(tooMany.status).toBe(429);
      expect(Number(tooMany.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await tooMany.text()).toMatch(/Too many requests from here\. Please try again in \d+ minute/);
    } finally {
      await app.stop();
    }
    expectNoSecrets(app.output());
  });
});
