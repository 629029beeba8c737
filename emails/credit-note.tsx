import { Link } from "@react-email/components";
import type { ReactNode } from "react";
import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { ActionButton, AmountRows } from "./components/parts";
import { EmailLayout, palette, Paragraph, type Brand } from "./components/layout";

export type CreditNoteEmailProps = {
  locale: Locale;
  brand: Brand;
  customerName: string;
  creditNoteNumber: string;
  invoiceNumber: string;
  amountText: string;
  /** The owner's words: why the credit is given. */
  reason: string;
  dateText: string;
  /** What is left to pay on the invoice after this credit. */
  balanceText: string;
  /** The credit note's PDF in the portal (opens with a portal session). */
  pdfUrl: string;
  /** A personal portal link, for when the customer has no portal session in this browser. */
  portalUrl: string;
};

export const subject = (p: CreditNoteEmailProps) =>
  emailTranslator(p.locale).t("email.creditNote.subject", { creditNote: p.creditNoteNumber, business: p.brand.businessName, amount: p.amountText, invoice: p.invoiceNumber });

export default function CreditNoteEmail(p: CreditNoteEmailProps) {
  const { t, rich } = emailTranslator(p.locale);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t("email.creditNote.preview", { amount: p.amountText, invoice: p.invoiceNumber })}>
      <Paragraph>{t("email.hello", { name: p.customerName })}</Paragraph>
      <Paragraph>{t("email.creditNote.body", { creditNote: p.creditNoteNumber, date: p.dateText, amount: p.amountText, invoice: p.invoiceNumber })}</Paragraph>
      <Paragraph>{t("email.creditNote.reason", { reason: p.reason })}</Paragraph>
      <AmountRows
        rows={[
          { label: t("email.creditNote.row", { creditNote: p.creditNoteNumber }), value: t("email.creditNote.credit", { amount: p.amountText }) },
          { label: t("email.creditNote.left", { invoice: p.invoiceNumber }), value: p.balanceText, strong: true },
        ]}
      />
      <ActionButton href={p.pdfUrl} label={t("email.creditNote.button", { creditNote: p.creditNoteNumber })} color={p.brand.brandColor} />
      <Paragraph>
        {rich("email.creditNote.signIn", {
          invoice: p.invoiceNumber,
          link: (chunks: ReactNode[]) => (
            <Link key="portal" href={p.portalUrl} style={{ color: palette.ink, textDecoration: "underline" }}>
              {chunks}
            </Link>
          ),
        })}
      </Paragraph>
    </EmailLayout>
  );
}

CreditNoteEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  creditNoteNumber: "CN-0007",
  invoiceNumber: "INV-0994",
  amountText: "$150.00",
  reason: "Two hours of the March workshop were cancelled.",
  dateText: "December 15, 2026",
  balanceText: "$850.00",
  pdfUrl: "http://localhost:3000/portal/credit-notes/example.pdf",
  portalUrl: "http://localhost:3000/portal/access/example",
} satisfies CreditNoteEmailProps;
