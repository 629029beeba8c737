import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type PaymentFailedEmailProps = {
  locale: Locale;
  brand: Brand;
  customerName: string;
  amountText: string;
  methodText: string;
  reason: string;
  invoiceNumbers: string;
  portalUrl: string;
  /** The early-payment discount that came with the payment and no longer applies, formatted. */
  discountLostText?: string | null;
};

export const subject = (p: PaymentFailedEmailProps) => emailTranslator(p.locale).t("email.paymentFailed.subject", { amount: p.amountText, business: p.brand.businessName });

export default function PaymentFailedEmail(p: PaymentFailedEmailProps) {
  const { t } = emailTranslator(p.locale);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t("email.paymentFailed.preview", { amount: p.amountText, reason: p.reason })}>
      <Paragraph>{t("email.hello", { name: p.customerName })}</Paragraph>
      <Paragraph>{t("email.paymentFailed.body", { amount: p.amountText, method: p.methodText, invoices: p.invoiceNumbers, reason: p.reason })}</Paragraph>
      <Paragraph>{t("email.paymentFailed.open")}</Paragraph>
      {p.discountLostText ? <Paragraph>{t("email.discountLost", { amount: p.discountLostText })}</Paragraph> : null}
      <ActionButton href={p.portalUrl} label={t("email.payNow")} color={p.brand.brandColor} />
      <Paragraph>{t("email.paymentFailed.mistake")}</Paragraph>
    </EmailLayout>
  );
}

PaymentFailedEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  amountText: "$1,480.00",
  methodText: "STRIPE TEST BANK ending 1113",
  reason: "The bank account has been closed.",
  invoiceNumbers: "INV-0994",
  portalUrl: "http://localhost:3000/portal/access/example",
} satisfies PaymentFailedEmailProps;
