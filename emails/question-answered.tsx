import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type QuestionAnsweredEmailProps = { brand: Brand; customerName: string; invoiceNumber: string; question: string; answer: string; portalUrl: string };

export const subject = (p: QuestionAnsweredEmailProps) => `About ${p.invoiceNumber}: our answer to your question`;

export default function QuestionAnsweredEmail(p: QuestionAnsweredEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={p.answer.slice(0, 90)}>
      <Paragraph>Hello {p.customerName},</Paragraph>
      <Paragraph>You asked about {p.invoiceNumber}:</Paragraph>
      <Paragraph>&ldquo;{p.question}&rdquo;</Paragraph>
      <Paragraph>Our answer: {p.answer}</Paragraph>
      <ActionButton href={p.portalUrl} label="View the invoice" color={p.brand.brandColor} />
    </EmailLayout>
  );
}

QuestionAnsweredEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  invoiceNumber: "INV-0994",
  question: "We agreed on 20 hours, not 24. Could you check?",
  answer: "You are right: we have credited 4 hours. The new balance is on the invoice.",
  portalUrl: "http://localhost:3000/portal/invoices/example",
} satisfies QuestionAnsweredEmailProps;
