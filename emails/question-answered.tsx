import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import type { Locale } from "../app/modules/i18n/locales";
import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type QuestionAnsweredEmailProps = { locale: Locale; brand: Brand; customerName: string; invoiceNumber: string; question: string; answer: string; portalUrl: string };

export const subject = (p: QuestionAnsweredEmailProps) => emailTranslator(p.locale).t("email.questionAnswered.subject", { number: p.invoiceNumber });

export default function QuestionAnsweredEmail(p: QuestionAnsweredEmailProps) {
  const { t } = emailTranslator(p.locale);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={p.answer.slice(0, 90)}>
      <Paragraph>{t("email.hello", { name: p.customerName })}</Paragraph>
      <Paragraph>{t("email.questionAnswered.asked", { number: p.invoiceNumber })}</Paragraph>
      <Paragraph>{t("email.questionAnswered.question", { question: p.question })}</Paragraph>
      <Paragraph>{t("email.questionAnswered.answer", { answer: p.answer })}</Paragraph>
      <ActionButton href={p.portalUrl} label={t("email.questionAnswered.button")} color={p.brand.brandColor} />
    </EmailLayout>
  );
}

QuestionAnsweredEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  invoiceNumber: "INV-0994",
  question: "We agreed on 20 hours, not 24. Could you check?",
  answer: "You are right: we have credited 4 hours. The new balance is on the invoice.",
  portalUrl: "http://localhost:3000/portal/invoices/example",
} satisfies QuestionAnsweredEmailProps;
