import { Button } from "@react-email/components";
import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { Paragraph, EmailLayout, type Brand } from "./components/layout";

/** Texts (expiresText, owedText) are already in `locale`: the sender formats them with emailTranslator(locale). */
export type PortalLinkEmailProps = { locale: Locale; brand: Brand; customerName: string; portalUrl: string; expiresText: string; owedText: string | null };

export const subject = (p: PortalLinkEmailProps) => emailTranslator(p.locale).t("email.portalLink.subject", { business: p.brand.businessName });

export default function PortalLinkEmail({ locale, brand, customerName, portalUrl, expiresText, owedText }: PortalLinkEmailProps) {
  const { t } = emailTranslator(locale);
  return (
    <EmailLayout brand={brand} locale={locale} preview={owedText ? t("email.portalLink.previewOwed", { owed: owedText }) : t("email.portalLink.preview")}>
      <Paragraph>{t("email.hello", { name: customerName })}</Paragraph>
      <Paragraph>{owedText ? t("email.portalLink.bodyOwed", { business: brand.businessName, owed: owedText }) : t("email.portalLink.body", { business: brand.businessName })}</Paragraph>
      <Button href={portalUrl} style={{ backgroundColor: brand.brandColor, borderRadius: 8, color: "#fff", fontSize: 15, fontWeight: 600, padding: "12px 20px" }}>
        {t("email.portalLink.button")}
      </Button>
      <Paragraph>{t("email.portalLink.expires", { expires: expiresText })}</Paragraph>
    </EmailLayout>
  );
}

PortalLinkEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  portalUrl: "http://localhost:3000/portal/access/example",
  expiresText: "December 22, 2026",
  owedText: "$1,250.00",
} satisfies PortalLinkEmailProps;
