import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type QuestionReceivedEmailProps = { brand: Brand; customerName: string; invoiceNumber: string; reason: string; message: string; answerUrl: string };

export const subject = (p: QuestionReceivedEmailProps) => `${p.customerName} has a question about ${p.invoiceNumber}`;

export default function QuestionReceivedEmail(p: QuestionReceivedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`${p.reason}: ${p.message.slice(0, 80)}`}>
      <Paragraph>
        {p.customerName} asked about {p.invoiceNumber}: {p.reason}.
      </Paragraph>
      <Paragraph>&ldquo;{p.message}&rdquo;</Paragraph>
      <Paragraph>Reminders for this invoice are paused until you resolve the question.</Paragraph>
      <ActionButton href={p.answerUrl} label="Answer the question" color={p.brand.brandColor} />
    </EmailLayout>
  );
}

QuestionReceivedEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  invoiceNumber: "INV-0994",
  reason: "The amount looks wrong",
  message: "We agreed on 20 hours, not 24. Could you check?",
  answerUrl: "http://localhost:3000/app/questions",
} satisfies QuestionReceivedEmailProps;
