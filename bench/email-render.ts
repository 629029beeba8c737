// The email render loop: the real reminder template and renderer, HTML and text, with realistic props.
import { DEFAULT_TIERS } from "~/modules/reminders/default-tiers";
import { fillPlaceholders, type PlaceholderValues } from "~/modules/reminders/placeholders";
import { renderEmail } from "~/modules/email/render.server";
import type { ReminderEmailProps } from "../emails/reminder";

function propsFor(i: number): ReminderEmailProps {
  const tier = DEFAULT_TIERS[1 + (i % 3)]!;
  const invoices = Array.from({ length: 1 + (i % 4) }, (_, j) => ({
    number: `INV-${String(10_000 + i * 4 + j).padStart(7, "0")}`,
    dueDateText: "Nov 2, 2026",
    amountText: `$${(1_480 + j * 215).toLocaleString("en-US")}.00`,
    tierName: tier.name,
    overdueDays: 10 + j,
    earlyPayText: j === 0 && i % 5 === 0 ? "Pay $1,450.40 by November 12, 2026 and save $29.60 (2%)." : null,
  }));
  const values: PlaceholderValues = {
    customerName: `Customer ${i}`,
    businessName: "Northwind Studio",
    invoiceNumbers: invoices.map((v) => v.number).join(", "),
    amount: "$1,480.00",
    dueDate: "Nov 2, 2026",
    daysOverdue: "10",
    portalLink: `https://pay.northwind.test/portal/access/${"x".repeat(43)}`,
    consequence: "we will pause further work on your account and refer the balance to our collections partner",
    consequenceDate: "December 17, 2026",
  };
  return {
    locale: "en" as const,
    brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
    tierKind: tier.kind,
    subject: fillPlaceholders(tier.subject, values),
    body: fillPlaceholders(tier.body, values),
    portalUrl: values.portalLink,
    promiseMaxDays: 14,
    planOffer: i % 2 === 0 ? { min: 2, max: 6 } : null,
    invoices,
  };
}

/**
 * Renders reminder emails for `seconds` and counts them: per second of wall time, and per second of this
 * process's CPU time (what one core does, whatever else runs on the machine).
 */
export async function renderEmailsFor(seconds: number) {
  for (let i = 0; i < 50; i++) await renderEmail("reminder", propsFor(i));
  let count = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    const email = await renderEmail("reminder", propsFor(count));
    if (!email.html.includes("INV-") || !email.text.includes("INV-")) throw new Error("The reminder email rendered without its invoices.");
    count++;
  }
  const wallSeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return { count, wallSeconds, cpuSeconds, perSecond: count / wallSeconds, perCpuSecond: count / cpuSeconds };
}

export type EmailResult = Awaited<ReturnType<typeof renderEmailsFor>>;

