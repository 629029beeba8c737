// The setup checklist's facts, read from real state: the business row, the environment's Stripe and SMTP
// settings, the last webhook whose Stripe signature checked out, the test email, customers, the review mark.
import { db } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { checklistSteps, type ChecklistFacts } from "./checklist";

type BusinessRow = { id: string; name: string; addressLines: string[]; supportEmail: string; timeZone: string; reminderSequenceReviewedAt: Date | null };

export async function checklistFacts(business: BusinessRow): Promise<ChecklistFacts> {
  const env = getEnv();
  const [webhook, testEmail, customerCount] = await Promise.all([
    // Only the Stripe route writes gateway "stripe", and only after the signature verified.
    db.webhookEvent.aggregate({ where: { gateway: "stripe" }, _max: { receivedAt: true } }),
    db.outboxEmail.findFirst({ where: { businessId: business.id, template: "owner-test", status: "SENT" }, orderBy: { sentAt: "desc" }, select: { sentAt: true } }),
    db.customer.count({ where: { businessId: business.id } }),
  ]);
  return {
    business: { name: business.name, addressLines: business.addressLines, supportEmail: business.supportEmail, timeZone: business.timeZone },
    stripe: {
      secretKey: env.STRIPE_SECRET_KEY ?? null,
      publishableKey: env.STRIPE_PUBLISHABLE_KEY ?? null,
      webhookSecret: Boolean(env.STRIPE_WEBHOOK_SECRET),
      lastSignedWebhookAt: webhook._max.receivedAt?.toISOString() ?? null,
    },
    email: { smtpConfigured: Boolean(env.SMTP_URL), testEmailSentAt: testEmail?.sentAt?.toISOString() ?? null },
    customerCount,
    reminderSequenceReviewedAt: business.reminderSequenceReviewedAt?.toISOString() ?? null,
  };
}

/** The steps with their state, or null once every step is done (the Overview then shows no checklist). */
export async function setupChecklist(business: BusinessRow, formatInstant: (iso: string) => string) {
  const steps = checklistSteps(await checklistFacts(business), formatInstant);
  return steps.every((s) => s.done) ? null : { steps, doneCount: steps.filter((s) => s.done).length };
}
