import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders, securityHeadersFor } from "./security-headers";

function directives(policy: string) {
  return Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1)]));
}

describe("security headers", () => {
  const nonce = "q1w2e3r4t5y6u7i8o9p0aA==";

  it("lets only this request's nonce'd scripts run, and nothing frame the app", () => {
    const csp = directives(contentSecurityPolicy({ nonce, production: false, stripe: false }));
    expect(csp["script-src"]).toEqual([`'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'none'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["img-src"]).toEqual(["'self'", "data:", "https:"]);
    expect(csp["style-src"]).toEqual(["'self'"]);
    expect(csp["style-src-attr"]).toEqual(["'unsafe-inline'"]);
    expect(Object.values(csp).flat()).not.toContain("'unsafe-eval'");
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
  });

  it("allows no third-party origin with the simulator, and only Stripe's with Stripe", () => {
    const simulator = directives(contentSecurityPolicy({ nonce, production: false, stripe: false }));
    expect(simulator["connect-src"]).toEqual(["'self'"]);
    expect(simulator["frame-src"]).toEqual(["'none'"]);
    expect(JSON.stringify(simulator)).not.toContain("stripe");

    const stripe = directives(contentSecurityPolicy({ nonce, production: false, stripe: true }));
    expect(stripe["connect-src"]).toEqual(["'self'", "https://api.stripe.com"]);
    expect(stripe["frame-src"]).toEqual(["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"]);
    // Stripe.js is loaded by our nonce'd bundle: 'strict-dynamic' trusts it without an allow-listed host.
    expect(stripe["script-src"]).toEqual([`'nonce-${nonce}'`, "'strict-dynamic'"]);
  });

  it("sends HSTS and upgrades insecure requests in production only", () => {
    const production = securityHeaders({ nonce, production: true, stripe: false });
    expect(production["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(directives(production["Content-Security-Policy"]!)).toHaveProperty("upgrade-insecure-requests");

    const development = securityHeaders({ nonce, production: false, stripe: false });
    expect(development).not.toHaveProperty("Strict-Transport-Security");
    expect(directives(development["Content-Security-Policy"]!)).not.toHaveProperty("upgrade-insecure-requests");
    expect(development).toMatchObject({ "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin" });
  });

  it("reads production and Stripe from the configuration", () => {
    expect(securityHeadersFor({ APP_ENV: "production" }, nonce)).toHaveProperty("Strict-Transport-Security");
    expect(securityHeadersFor({ APP_ENV: "test" }, nonce)).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeadersFor({ APP_ENV: "development", STRIPE_SECRET_KEY: "sk_test_x" }, nonce)["Content-Security-Policy"]).toContain("https://api.stripe.com");
  });

  it("refuses a nonce that could break out of the header", () => {
    expect(() => contentSecurityPolicy({ nonce: "abc'; script-src *", production: false, stripe: false })).toThrow(/base64/);
  });
});
