// The setup checklist on the Overview page (issue 17): what a new business still has to do before it collects
// real money. Pure: the facts come from setup.server's checklistFacts, read from real state each time.

export type ChecklistFacts = {
  business: { name: string; addressLines: string[]; supportEmail: string; timeZone: string };
  stripe: { secretKey: string | null; publishableKey: string | null; webhookSecret: boolean; lastSignedWebhookAt: string | null };
  email: { smtpConfigured: boolean; testEmailSentAt: string | null };
  customerCount: number;
  reminderSequenceReviewedAt: string | null;
};

export type Check = { label: string; ok: boolean };
export type ChecklistStep = { key: "business" | "payments" | "email" | "customers" | "reminders"; title: string; done: boolean; checks: Check[]; href: string; linkText: string };

/** "test" or "live" from a Stripe key's prefix (sk_test_, rk_live_, pk_test_…), or null. */
export function stripeMode(key: string | null): "test" | "live" | null {
  const match = key ? /^(?:sk|rk|pk)_(test|live)_/.exec(key) : null;
  return match ? (match[1] as "test" | "live") : null;
}

export function checklistSteps(f: ChecklistFacts, formatInstant: (iso: string) => string): ChecklistStep[] {
  const secretMode = stripeMode(f.stripe.secretKey);
  const publishableMode = stripeMode(f.stripe.publishableKey);
  const keysPresent = Boolean(f.stripe.secretKey && f.stripe.publishableKey);
  const sameMode = keysPresent && secretMode !== null && secretMode === publishableMode;
  const steps: ChecklistStep[] = [
    {
      key: "business",
      title: "Business details",
      checks: [
        { label: "Name", ok: f.business.name.trim() !== "" },
        { label: "Postal address (printed on invoices and receipts)", ok: f.business.addressLines.some((l) => l.trim() !== "") },
        { label: "Contact email customers can write to", ok: f.business.supportEmail.trim() !== "" },
        { label: `Time zone (${f.business.timeZone})`, ok: f.business.timeZone !== "" },
      ],
      href: "/app/settings",
      linkText: "Edit business details",
      done: false,
    },
    {
      key: "payments",
      title: "Payment provider",
      checks: [
        { label: keysPresent ? "Stripe secret and publishable keys are set" : "Stripe secret and publishable keys are set (until then, payments go to the built-in test simulator)", ok: keysPresent },
        {
          label: sameMode ? `Both keys are ${secretMode} mode` : keysPresent ? `The keys are of different modes (secret: ${secretMode ?? "unknown"}, publishable: ${publishableMode ?? "unknown"}); use both test or both live` : "Both keys of the same mode (test or live)",
          ok: sameMode,
        },
        { label: "Webhook signing secret is set (STRIPE_WEBHOOK_SECRET)", ok: f.stripe.webhookSecret },
        { label: f.stripe.lastSignedWebhookAt ? `Last signed webhook received ${formatInstant(f.stripe.lastSignedWebhookAt)}` : "A signed webhook from Stripe has been received", ok: f.stripe.lastSignedWebhookAt !== null },
      ],
      href: "/app/settings#payment-provider",
      linkText: "How to connect Stripe",
      done: false,
    },
    {
      key: "email",
      title: "Email delivery",
      checks: [
        { label: f.email.smtpConfigured ? "SMTP server configured" : "SMTP server configured (until then, emails go to the development mailbox)", ok: f.email.smtpConfigured },
        { label: f.email.testEmailSentAt ? `Test email sent ${formatInstant(f.email.testEmailSentAt)}` : "A test email was sent", ok: f.email.testEmailSentAt !== null },
      ],
      href: "/app#send-test-email",
      linkText: "Send me a test email",
      done: false,
    },
    {
      key: "customers",
      title: "First customers",
      checks: [{ label: f.customerCount > 0 ? `${f.customerCount} customer${f.customerCount === 1 ? "" : "s"} in the book` : "Add customers one by one, or import a CSV file", ok: f.customerCount > 0 }],
      href: "/app/customers/import",
      linkText: "Import customers",
      done: false,
    },
    {
      key: "reminders",
      title: "Reminder sequence reviewed",
      checks: [{ label: f.reminderSequenceReviewedAt ? `Reviewed ${formatInstant(f.reminderSequenceReviewedAt)}` : "Read each reminder's wording and timing, then mark it reviewed", ok: f.reminderSequenceReviewedAt !== null }],
      href: "/app/reminders",
      linkText: "Review the sequence",
      done: false,
    },
  ];
  return steps.map((s) => ({ ...s, done: s.checks.every((c) => c.ok) }));
}
