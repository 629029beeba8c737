// The headers every response carries (set by the launcher, app/server/main.js). See
// docs/decisions/015-security-headers.md for why each directive is what it is.

export type SecurityHeaderOptions = {
  /** A fresh random value per request; every script the page may run carries it. */
  nonce: string;
  production: boolean;
  /** Stripe keys are configured: the portal loads Stripe.js and its Payment Element frames. */
  stripe: boolean;
};

// From Stripe's integration security guide (Stripe.js and the Payment Element; no Address Element).
const STRIPE_FRAMES = ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"];
const STRIPE_CONNECT = ["https://api.stripe.com"];

export function contentSecurityPolicy({ nonce, production, stripe }: SecurityHeaderOptions) {
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(nonce)) throw new Error("A CSP nonce must be a base64 value.");
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    // 'strict-dynamic': scripts our nonce'd scripts load (route modules, Stripe.js) are trusted; nothing else.
    ["script-src", [`'nonce-${nonce}'`, "'strict-dynamic'"]],
    // Tailwind is a stylesheet file; style attributes carry the business's brand colour and chart widths,
    // and the email previews (srcdoc frames, which inherit this policy) are styled inline. <style> elements stay blocked.
    ["style-src", ["'self'"]],
    ["style-src-attr", ["'unsafe-inline'"]],
    // The business's logo is an https:// address of its choosing (settings); images run no code.
    ["img-src", ["'self'", "data:", "https:"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'", ...(stripe ? STRIPE_CONNECT : [])]],
    ["frame-src", stripe ? STRIPE_FRAMES : ["'none'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  if (production) directives.push(["upgrade-insecure-requests", []]);
  return directives.map(([name, values]) => [name, ...values].join(" ")).join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    // Only where the app is served over HTTPS for good: a browser remembers this for two years.
    ...(options.production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** The launcher's view: production and Stripe as the validated configuration says. */
export function securityHeadersFor(env: { APP_ENV: string; STRIPE_SECRET_KEY?: string }, nonce: string) {
  return securityHeaders({ nonce, production: env.APP_ENV === "production", stripe: Boolean(env.STRIPE_SECRET_KEY) });
}
