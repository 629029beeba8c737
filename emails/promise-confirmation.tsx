import { ActionButton, AmountRows } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type PromiseConfirmationEmailProps = { brand: Brand; customerName: string; amountText: string; dateText: string; invoiceNumbers: string; portalUrl: string };

export const subject = (p: PromiseConfirmationEmailProps) => `Confirmed: you will pay ${p.amountText} by ${p.dateText}`;

export default function PromiseConfirmationEmail(p: PromiseConfirmationEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`We have noted your payment date: ${p.dateText}`}>
      <Paragraph>Hello {p.customerName},</Paragraph>
      <Paragraph>Thank you for letting us know. Here is a summary of what we agreed:</Paragraph>
      <AmountRows rows={[{ label: "Invoices", value: p.invoiceNumbers }, { label: "Amount", value: p.amountText }, { label: "You will pay by", value: p.dateText, strong: true }]} />
      <Paragraph>
        We will not send you reminders for these invoices before that date. If the payment has not arrived by then, reminders start again.
      </Paragraph>
      <ActionButton href={p.portalUrl} label="Pay now instead" color={p.brand.brandColor} />
    </EmailLayout>
  );
}

PromiseConfirmationEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  amountText: "$1,480.00",
  dateText: "December 1, 2026",
  invoiceNumbers: "INV-0994",
  portalUrl: "http://localhost:3000/portal",
} satisfies PromiseConfirmationEmailProps;
