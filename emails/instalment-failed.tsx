import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type InstalmentFailedEmailProps = {
  locale: Locale;
  brand: Brand;
  customerName: string;
  amountText: string;
  methodText: string;
  reason: string;
  /** This instalment's number, and how many the plan has. */
  sequence: number;
  count: number;
  /** When it is tried again (formatted), and whether that is the last try. */
  retry: { dateText: string; last: boolean };
  planUrl: string;
};

export const subject = (p: InstalmentFailedEmailProps) => emailTranslator(p.locale).t("email.instalmentFailed.subject", { amount: p.amountText, business: p.brand.businessName });

export default function InstalmentFailedEmail(p: InstalmentFailedEmailProps) {
  const { t } = emailTranslator(p.locale);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t("email.instalmentFailed.preview", { sequence: p.sequence, count: p.count, reason: p.reason })}>
      <Paragraph>{t("email.hello", { name: p.customerName })}</Paragraph>
      <Paragraph>{t("email.instalmentFailed.body", { sequence: p.sequence, count: p.count, amount: p.amountText, method: p.methodText, reason: p.reason })}</Paragraph>
      <Paragraph>{t(p.retry.last ? "email.instalmentFailed.retryLast" : "email.instalmentFailed.retry", { date: p.retry.dateText })}</Paragraph>
      <Paragraph>{t("email.instalmentFailed.payNow")}</Paragraph>
      <ActionButton href={p.planUrl} label={t("email.instalmentFailed.button")} color={p.brand.brandColor} />
      <Paragraph>{t("email.instalmentFailed.talk")}</Paragraph>
    </EmailLayout>
  );
}

InstalmentFailedEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  amountText: "$493.33",
  methodText: "Visa ending 0341",
  reason: "Your card was declined.",
  sequence: 2,
  count: 3,
  retry: { dateText: "December 26, 2026", last: false },
  planUrl: "http://localhost:3000/portal/access/example",
} satisfies InstalmentFailedEmailProps;
