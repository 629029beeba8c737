import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { ActionButton, AmountRows } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type SettlementOfferEmailProps = {
  locale: Locale;
  brand: Brand;
  customerName: string;
  invoiceNumber: string;
  owedText: string;
  offerText: string;
  forgivenText: string;
  lastDayText: string;
  portalUrl: string;
};

export const subject = (p: SettlementOfferEmailProps) => emailTranslator(p.locale).t("email.settlement.subject", { number: p.invoiceNumber, offer: p.offerText });

export default function SettlementOfferEmail(p: SettlementOfferEmailProps) {
  const { t } = emailTranslator(p.locale);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t("email.settlement.preview", { offer: p.offerText, lastDay: p.lastDayText, forgiven: p.forgivenText })}>
      <Paragraph>{t("email.hello", { name: p.customerName })}</Paragraph>
      <Paragraph>{t("email.settlement.body", { number: p.invoiceNumber, offer: p.offerText, lastDay: p.lastDayText })}</Paragraph>
      <AmountRows
        rows={[
          { label: t("email.settlement.balance"), value: p.owedText },
          { label: t("email.settlement.pay"), value: p.offerText, strong: true },
          { label: t("email.settlement.forgiven"), value: p.forgivenText },
          { label: t("email.settlement.openUntil"), value: p.lastDayText },
        ]}
      />
      <ActionButton href={p.portalUrl} label={t("email.settlement.button")} color={p.brand.brandColor} />
      <Paragraph>{t("email.settlement.after")}</Paragraph>
    </EmailLayout>
  );
}

SettlementOfferEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Barbara Liskov",
  invoiceNumber: "INV-0950",
  owedText: "$1,700.00",
  offerText: "$1,200.00",
  forgivenText: "$500.00",
  lastDayText: "December 15, 2026",
  portalUrl: "http://localhost:3000/portal/access/example",
} satisfies SettlementOfferEmailProps;
