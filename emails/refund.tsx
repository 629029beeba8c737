import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type RefundEmailProps = {
  locale: Locale;
  brand: Brand;
  customerName: string;
  amountText: string;
  methodText: string;
  reason: string;
  receiptNumber: string | null;
  invoiceNumbers: string;
  /** How many invoices invoiceNumbers lists (for the plural). */
  invoiceCount: number;
  /** What the refund means for the invoices: owed again, or settled. */
  effect: "REOPEN" | "CREDIT";
  /** Card refunds take days to show on a statement; bank refunds a few business days; offline ones the way paid. */
  timing: "card" | "bank" | "other";
  portalUrl: string;
};

const TIMING = { card: "email.refund.timingCard", bank: "email.refund.timingBank", other: "email.refund.timingOther" } as const;

export const subject = (p: RefundEmailProps) => emailTranslator(p.locale).t("email.refund.subject", { business: p.brand.businessName, amount: p.amountText });

export default function RefundEmail(p: RefundEmailProps) {
  const { t } = emailTranslator(p.locale);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={t("email.refund.preview", { amount: p.amountText, method: p.methodText })}>
      <Paragraph>{t("email.hello", { name: p.customerName })}</Paragraph>
      <Paragraph>
        {p.receiptNumber
          ? t("email.refund.bodyReceipt", { amount: p.amountText, method: p.methodText, receipt: p.receiptNumber })
          : t("email.refund.body", { amount: p.amountText, method: p.methodText })}{" "}
        {t(TIMING[p.timing])}
      </Paragraph>
      <Paragraph>{t("email.refund.reason", { reason: p.reason })}</Paragraph>
      <Paragraph>
        {p.effect === "CREDIT" ? t("email.refund.credit", { invoices: p.invoiceNumbers, count: p.invoiceCount }) : t("email.refund.reopen", { invoices: p.invoiceNumbers })}
      </Paragraph>
      <ActionButton href={p.portalUrl} label={t("email.refund.button")} color={p.brand.brandColor} />
      <Paragraph>{t("email.refund.wrong")}</Paragraph>
    </EmailLayout>
  );
}

RefundEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  amountText: "$120.00",
  methodText: "Visa ending 4242",
  reason: "The March retainer was paid twice.",
  receiptNumber: "R-000123",
  invoiceNumbers: "INV-0994",
  invoiceCount: 1,
  effect: "CREDIT",
  timing: "card",
  portalUrl: "http://localhost:3000/portal/access/example",
} satisfies RefundEmailProps;
