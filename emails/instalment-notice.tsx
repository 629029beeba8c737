import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type InstalmentNoticeEmailProps = {
  locale: Locale;
  brand: Brand;
  customerName: string;
  amountText: string;
  methodText: string;
  dateText: string;
  /** This instalment's number, and how many the plan has. */
  sequence: number;
  count: number;
  invoiceNumbers: string;
  planUrl: string;
};

export const subject = (p: InstalmentNoticeEmailProps) => emailTranslator(p.locale).t("email.instalmentNotice.subject", { amount: p.amountText, method: p.methodText, date: p.dateText });

export default function InstalmentNoticeEmail(p: InstalmentNoticeEmailProps) {
  const { t } = emailTranslator(p.locale);
  const facts = { amount: p.amountText, method: p.methodText, date: p.dateText, sequence: p.sequence, count: p.count };
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t("email.instalmentNotice.preview", { ...facts, business: p.brand.businessName })}>
      <Paragraph>{t("email.hello", { name: p.customerName })}</Paragraph>
      <Paragraph>{t("email.instalmentNotice.body", { ...facts, invoices: p.invoiceNumbers })}</Paragraph>
      <Paragraph>{t("email.instalmentNotice.change")}</Paragraph>
      <ActionButton href={p.planUrl} label={t("email.seePlan")} color={p.brand.brandColor} />
    </EmailLayout>
  );
}

InstalmentNoticeEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  amountText: "$120.00",
  methodText: "Visa ending 4242",
  dateText: "December 5, 2026",
  sequence: 2,
  count: 3,
  invoiceNumbers: "INV-0994",
  planUrl: "http://localhost:3000/portal/access/example",
} satisfies InstalmentNoticeEmailProps;
