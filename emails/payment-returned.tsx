import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type PaymentReturnedEmailProps = {
  locale: Locale;
  brand: Brand;
  customerName: string;
  amountText: string;
  methodText: string;
  paidOnText: string | null;
  receiptNumber: string | null;
  reason: string;
  invoiceNumbers: string;
  /** How many invoices invoiceNumbers lists (for the plural). */
  invoiceCount: number;
  portalUrl: string;
  /** The early-payment discount that came with the payment and no longer applies, formatted. */
  discountLostText?: string | null;
};

export const subject = (p: PaymentReturnedEmailProps) => emailTranslator(p.locale).t("email.returned.subject", { amount: p.amountText, business: p.brand.businessName });

export default function PaymentReturnedEmail(p: PaymentReturnedEmailProps) {
  const { t } = emailTranslator(p.locale);
  const facts = { amount: p.amountText, method: p.methodText, invoices: p.invoiceNumbers, reason: p.reason };
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t("email.returned.preview", { amount: p.amountText, reason: p.reason })}>
      <Paragraph>{t("email.hello", { name: p.customerName })}</Paragraph>
      <Paragraph>
        {p.paidOnText && p.receiptNumber ? t("email.returned.bodyDated", { ...facts, date: p.paidOnText, receipt: p.receiptNumber }) : t("email.returned.body", facts)}
      </Paragraph>
      <Paragraph>{t("email.returned.open", { invoices: p.invoiceNumbers, count: p.invoiceCount })}</Paragraph>
      {p.discountLostText ? <Paragraph>{t("email.discountLost", { amount: p.discountLostText })}</Paragraph> : null}
      <ActionButton href={p.portalUrl} label={t("email.payNow")} color={p.brand.brandColor} />
      <Paragraph>{t("email.returned.mistake")}</Paragraph>
    </EmailLayout>
  );
}

PaymentReturnedEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  amountText: "$1,480.00",
  methodText: "STRIPE TEST BANK ending 4440",
  paidOnText: "December 2, 2026",
  receiptNumber: "R-000042",
  reason: "The bank account had insufficient funds.",
  invoiceNumbers: "INV-1042",
  invoiceCount: 1,
  portalUrl: "http://localhost:3000/portal/access/example",
  discountLostText: null,
} satisfies PaymentReturnedEmailProps;
