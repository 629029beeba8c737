import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { AmountRows, ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type PlanConfirmationEmailProps = {
  locale: Locale;
  brand: Brand;
  customerName: string;
  invoiceNumbers: string;
  methodText: string;
  /** Each instalment's day and amount (formatted); `paid` marks the first one when it is in. */
  schedule: { dateText: string; value: string; paid?: boolean }[];
  totalText: string;
  /** The plan fee the total includes, formatted; null when there is none. */
  feeText: string | null;
  /** The terms as the customer accepted them (stored in the language they read them in). */
  termsText: string;
  planUrl: string;
};

export const subject = (p: PlanConfirmationEmailProps) => emailTranslator(p.locale).t("email.planConfirmation.subject", { business: p.brand.businessName });

export default function PlanConfirmationEmail(p: PlanConfirmationEmailProps) {
  const { t } = emailTranslator(p.locale);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t("email.planConfirmation.preview", { invoices: p.invoiceNumbers })}>
      <Paragraph>{t("email.hello", { name: p.customerName })}</Paragraph>
      <Paragraph>{t("email.planConfirmation.body", { invoices: p.invoiceNumbers, method: p.methodText })}</Paragraph>
      <AmountRows
        rows={[
          ...p.schedule.map((s) => ({ label: s.paid ? t("email.planConfirmation.paid", { date: s.dateText }) : s.dateText, value: s.value })),
          { label: t("email.planConfirmation.total"), value: p.totalText, strong: true },
        ]}
      />
      {p.feeText ? <Paragraph>{t("email.planConfirmation.fee", { fee: p.feeText })}</Paragraph> : null}
      <ActionButton href={p.planUrl} label={t("email.planConfirmation.button")} color={p.brand.brandColor} />
      <Paragraph>{t("email.planConfirmation.early")}</Paragraph>
      <Paragraph>{t("email.planConfirmation.terms", { terms: p.termsText })}</Paragraph>
    </EmailLayout>
  );
}

PlanConfirmationEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  invoiceNumbers: "INV-0994",
  methodText: "Visa ending 4242",
  schedule: [
    { dateText: "November 23, 2026", value: "$493.34", paid: true },
    { dateText: "December 23, 2026", value: "$493.33" },
    { dateText: "January 23, 2027", value: "$493.33" },
  ],
  totalText: "$1,480.00",
  feeText: null,
  termsText: "I authorise Northwind Studio to charge Visa ending 4242 the amounts above on the dates shown.",
  planUrl: "http://localhost:3000/portal/access/example",
} satisfies PlanConfirmationEmailProps;
