import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { AmountRows, ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

/** An early-payment offer, its amounts and deadline already in the email's language. */
export type EarlyPayWords = { amount: string; date: string; saving: string; bankOnly: boolean };

export type InvoiceSentEmailProps = {
  locale: Locale;
  brand: Brand;
  customerName: string;
  invoiceNumber: string;
  amountDueText: string;
  dueDateText: string;
  portalUrl: string;
  /** "Pay $980.00 by December 1, 2026 and save $20.00", when an early-pay discount is open. */
  earlyPay?: EarlyPayWords | null;
};

export const subject = (p: InvoiceSentEmailProps) =>
  emailTranslator(p.locale).t("email.invoiceSent.subject", { number: p.invoiceNumber, business: p.brand.businessName, amount: p.amountDueText, dueDate: p.dueDateText });

export default function InvoiceSentEmail(p: InvoiceSentEmailProps) {
  const { t } = emailTranslator(p.locale);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t("email.invoiceSent.preview", { amount: p.amountDueText, dueDate: p.dueDateText })}>
      <Paragraph>{t("email.hello", { name: p.customerName })}</Paragraph>
      <Paragraph>{t("email.invoiceSent.body", { number: p.invoiceNumber, business: p.brand.businessName })}</Paragraph>
      <AmountRows
        rows={[
          { label: t("email.invoiceSent.amountDue"), value: p.amountDueText, strong: true },
          { label: t("email.invoiceSent.dueOn"), value: p.dueDateText },
        ]}
      />
      {p.earlyPay ? (
        <Paragraph>{t("email.invoiceSent.earlyPay", { amount: p.earlyPay.amount, date: p.earlyPay.date, saving: p.earlyPay.saving, bank: p.earlyPay.bankOnly ? "yes" : "no" })}</Paragraph>
      ) : null}
      <ActionButton href={p.portalUrl} label={t("email.invoiceSent.button")} color={p.brand.brandColor} />
      <Paragraph>{t("email.invoiceSent.unclear")}</Paragraph>
    </EmailLayout>
  );
}

InvoiceSentEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  invoiceNumber: "INV-1001",
  amountDueText: "$1,025.00",
  dueDateText: "November 26, 2026",
  portalUrl: "http://localhost:3000/portal/access/example",
  earlyPay: { amount: "$1,004.50", date: "December 6, 2026", saving: "$20.50", bankOnly: false },
} satisfies InvoiceSentEmailProps;
