import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { AmountRows, ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type ReceiptEmailProps = {
  locale: Locale;
  brand: Brand;
  customerName: string;
  receiptNumber: string;
  amountText: string;
  paidOnText: string;
  methodText: string;
  lines: { label: string; value: string }[];
  receiptUrl: string;
};

export const subject = (p: ReceiptEmailProps) => emailTranslator(p.locale).t("email.receipt.subject", { receipt: p.receiptNumber, business: p.brand.businessName, amount: p.amountText });

export default function ReceiptEmail(p: ReceiptEmailProps) {
  const { t } = emailTranslator(p.locale);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t("email.receipt.preview", { amount: p.amountText })}>
      <Paragraph>{t("email.hello", { name: p.customerName })}</Paragraph>
      <Paragraph>{t("email.receipt.body", { amount: p.amountText, date: p.paidOnText, method: p.methodText })}</Paragraph>
      <AmountRows rows={[...p.lines, { label: t("email.receipt.total"), value: p.amountText, strong: true }]} />
      <ActionButton href={p.receiptUrl} label={t("email.receipt.button")} color={p.brand.brandColor} />
      <Paragraph>{t("email.receipt.keep", { receipt: p.receiptNumber })}</Paragraph>
    </EmailLayout>
  );
}

ReceiptEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  receiptNumber: "R-000042",
  amountText: "$1,025.00",
  paidOnText: "November 22, 2026",
  methodText: "Visa ending 4242",
  lines: [{ label: "INV-1001", value: "$1,025.00" }],
  receiptUrl: "http://localhost:3000/portal/payments/example",
} satisfies ReceiptEmailProps;
