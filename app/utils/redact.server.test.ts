import { describe, expect, it } from "vitest";
import { errorSummary, redact, secretValuesIn } from "./redact.server";

describe("log redaction", () => {
  const env = {
    DATABASE_URL: "postgresql://duely:Db%2FPass-77x@db.internal:5432/duely",
    SMTP_URL: "smtps://mailer:SmtpPass-88y@smtp.example.com:465",
    SESSION_SECRET: "session-secret-that-is-at-least-32-characters",
    STRIPE_SECRET_KEY: "sk_live_51AbCdEfGh",
    STRIPE_WEBHOOK_SECRET: "whsec_Qwerty123",
    PORT: "3000",
    APP_ENV: "production",
  };

  it("finds the secret values of an environment: secret-named variables and passwords in URLs", () => {
    const secrets = secretValuesIn(env);
    expect(secrets).toEqual(expect.arrayContaining([env.SESSION_SECRET, env.STRIPE_SECRET_KEY, env.STRIPE_WEBHOOK_SECRET, "Db%2FPass-77x", "Db/Pass-77x", "SmtpPass-88y"]));
    expect(secrets).not.toContain("3000");
    expect(secrets).not.toContain("production");
  });

  it("removes every configured secret from a line, and keeps the rest readable", () => {
    const line = `boot failed: ${env.DATABASE_URL} ${env.SMTP_URL} secret=${env.SESSION_SECRET} key=${env.STRIPE_SECRET_KEY} hook=${env.STRIPE_WEBHOOK_SECRET} decoded=Db/Pass-77x`;
    const out = redact(line, secretValuesIn(env));
    for (const secret of ["Db%2FPass-77x", "Db/Pass-77x", "SmtpPass-88y", env.SESSION_SECRET, env.STRIPE_SECRET_KEY, env.STRIPE_WEBHOOK_SECRET]) expect(out).not.toContain(secret);
    expect(out).toContain("boot failed:");
    expect(out).toContain("db.internal:5432/duely");
  });

  it("removes secrets by their shape even when they are not configured here", () => {
    const out = redact(
      [
        "Stripe said: sk_test_4eC39HqLyjWDarjtT1zdp7dc rk_live_abcdef123",
        "whsec_abcdefghijklmnop",
        "payment_intent: { client_secret: 'pi_3Nabc_secret_XyZ123' } seti_1Abc_secret_Def",
        "connect to postgresql://app:hunter22@10.0.0.5/duely",
        "GET /portal/access/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde",
        "Cookie: duely_owner=eyJzZXNzaW9u.c2ln; duely_portal=abc.def",
        "Authorization: Bearer abc.def.ghi",
      ].join("\n"),
    );
    for (const secret of ["4eC39HqLyjWDarjtT1zdp7dc", "abcdef123", "abcdefghijklmnop", "XyZ123", "_secret_Def", "hunter22", "AbCdEfGhIjKlMnOp", "eyJzZXNzaW9u", "abc.def"]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain("postgresql://app:[redacted]@10.0.0.5/duely");
    expect(out).toContain("/portal/access/[redacted]");
  });

  it("leaves URLs without credentials and ordinary text alone", () => {
    const text = "Duely is listening on https://pay.example.com:443/app (port 3000). Invoice INV-1001 paid.";
    expect(redact(text, secretValuesIn(env))).toBe(text);
  });
});

describe("error summaries for logs", () => {
  it("keep the message, stack and code, and drop the fields an error object carries", () => {
    const error = Object.assign(new Error("Your card was declined."), {
      code: "card_declined",
      raw: { payment_intent: { client_secret: "pi_123_secret_abc" } },
      client: { secretKey: 4242 },
    });
    const line = errorSummary(error);
    expect(line).toMatch(/^Error: Your card was declined\.\n\s+at /);
    expect(line).toMatch(/\(code card_declined\)$/);
    expect(line).not.toContain("pi_123_secret_abc");
    expect(line).not.toContain("4242");
    expect(errorSummary("plain")).toBe("plain");
  });
});
