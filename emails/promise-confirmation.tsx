import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { ActionButton, AmountRows } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type PromiseConfirmationEmailProps = { locale: Locale; brand: Brand; customerName: string; amountText: string; dateText: string; invoiceNumbers: string; portalUrl: string };

export const subject = (p: PromiseConfirmationEmailProps) => emailTranslator(p.locale).t("email.promise.subject", { amount: p.amountText, date: p.dateText });

export default function PromiseConfirmationEmail(p: PromiseConfirmationEmailProps) {
  const { t } = emailTranslator(p.locale);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t("email.promise.preview", { date: p.dateText })}>
      <Paragraph>{t("email.hello", { name: p.customerName })}</Paragraph>
      <Paragraph>{t("email.promise.thanks")}</Paragraph>
      <AmountRows
        rows={[
          { label: t("email.promise.invoices"), value: p.invoiceNumbers },
          { label: t("email.promise.amount"), value: p.amountText },
          { label: t("email.promise.payBy"), value: p.dateText, strong: true },
        ]}
      />
      <Paragraph>{t("email.promise.noReminders")}</Paragraph>
      <ActionButton href={p.portalUrl} label={t("email.promise.button")} color={p.brand.brandColor} />
    </EmailLayout>
  );
}

PromiseConfirmationEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  amountText: "$1,480.00",
  dateText: "December 1, 2026",
  invoiceNumbers: "INV-0994",
  portalUrl: "http://localhost:3000/portal",
} satisfies PromiseConfirmationEmailProps;
