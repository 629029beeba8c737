import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type PlanEndedEmailProps = {
  locale: Locale;
  brand: Brand;
  customerName: string;
  invoiceNumbers: string;
  outcome: "defaulted" | "cancelled";
  /** Why: the owner's words when cancelled; when defaulted, the sender words it from the catalog. */
  reason: string;
  balanceText: string;
  portalUrl: string;
};

export const subject = (p: PlanEndedEmailProps) => {
  const { t } = emailTranslator(p.locale);
  return p.outcome === "defaulted"
    ? t("email.planEnded.subjectDefaulted", { business: p.brand.businessName, balance: p.balanceText })
    : t("email.planEnded.subjectCancelled", { business: p.brand.businessName });
};

export default function PlanEndedEmail(p: PlanEndedEmailProps) {
  const { t } = emailTranslator(p.locale);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t("email.planEnded.preview", { invoices: p.invoiceNumbers, balance: p.balanceText })}>
      <Paragraph>{t("email.hello", { name: p.customerName })}</Paragraph>
      <Paragraph>{t(p.outcome === "defaulted" ? "email.planEnded.defaulted" : "email.planEnded.cancelled", { invoices: p.invoiceNumbers, reason: p.reason })}</Paragraph>
      <Paragraph>{t("email.planEnded.balance", { balance: p.balanceText })}</Paragraph>
      <ActionButton href={p.portalUrl} label={t("email.payNow")} color={p.brand.brandColor} />
      <Paragraph>{t("email.planEnded.difficulty")}</Paragraph>
    </EmailLayout>
  );
}

PlanEndedEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  invoiceNumbers: "INV-0994",
  outcome: "defaulted",
  reason: "instalment 2 could not be charged after 3 attempts (your card was declined).",
  balanceText: "$986.66",
  portalUrl: "http://localhost:3000/portal/access/example",
} satisfies PlanEndedEmailProps;
