import { describe, expect, it } from "vitest";
import { checklistSteps, stripeMode, type ChecklistFacts } from "./checklist";

const fresh: ChecklistFacts = {
  business: { name: "Acme", addressLines: [], supportEmail: "help@acme.test", timeZone: "America/Chicago" },
  stripe: { secretKey: null, publishableKey: null, webhookSecret: false, lastSignedWebhookAt: null },
  email: { smtpConfigured: false, testEmailSentAt: null },
  customerCount: 0,
  reminderSequenceReviewedAt: null,
};
const at = (iso: string) => `at ${iso}`;
const step = (f: ChecklistFacts, key: string) => checklistSteps(f, at).find((s) => s.key === key)!;

describe("the setup checklist", () => {
  it("reads a Stripe key's mode from its prefix", () => {
    expect([stripeMode("sk_test_1"), stripeMode("rk_live_1"), stripeMode("pk_live_1"), stripeMode("whsec_1"), stripeMode(null)]).toEqual(["test", "live", "live", null, null]);
  });

  it("a new business has every step to do, each naming what is missing", () => {
    const steps = checklistSteps(fresh, at);
    expect(steps.map((s) => [s.key, s.done])).toEqual([["business", false], ["payments", false], ["email", false], ["customers", false], ["reminders", false]]);
    expect(step(fresh, "business").checks.filter((c) => !c.ok).map((c) => c.label)).toEqual(["Postal address (printed on invoices and receipts)"]);
    expect(step(fresh, "payments").checks[0]!.label).toMatch(/built-in test simulator/);
  });

  it("payments are done only with both keys of one mode, the webhook secret and a signed webhook received", () => {
    const keys = { ...fresh, stripe: { secretKey: "sk_live_a", publishableKey: "pk_test_b", webhookSecret: true, lastSignedWebhookAt: "2026-12-06T10:00:00Z" } };
    const mixed = step(keys, "payments");
    expect(mixed.done).toBe(false);
    expect(mixed.checks[1]).toEqual({ label: "The keys are of different modes (secret: live, publishable: test); use both test or both live", ok: false });
    const same = step({ ...keys, stripe: { ...keys.stripe, publishableKey: "pk_live_b" } }, "payments");
    expect(same.done).toBe(true);
    expect(same.checks.map((c) => c.label)).toContain("Last signed webhook received at 2026-12-06T10:00:00Z");
    expect(step({ ...keys, stripe: { ...keys.stripe, publishableKey: "pk_live_b", lastSignedWebhookAt: null } }, "payments").done).toBe(false);
  });

  it("email needs SMTP and a test email; customers one; the sequence a review", () => {
    expect(step({ ...fresh, email: { smtpConfigured: true, testEmailSentAt: null } }, "email").done).toBe(false);
    expect(step({ ...fresh, email: { smtpConfigured: true, testEmailSentAt: "2026-12-06T10:00:00Z" } }, "email").done).toBe(true);
    expect(step({ ...fresh, customerCount: 1 }, "customers").checks[0]!.label).toBe("1 customer in the book");
    expect(step({ ...fresh, reminderSequenceReviewedAt: "2026-12-06T10:00:00Z" }, "reminders").done).toBe(true);
  });
});
