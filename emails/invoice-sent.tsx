import { AmountRows, ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type InvoiceSentEmailProps = {
  brand: Brand;
  customerName: string;
  invoiceNumber: string;
  amountDueText: string;
  dueDateText: string;
  portalUrl: string;
  /** "Pay $980.00 by December 1, 2026 and save $20.00", when an early-pay discount is open. */
  earlyPayText?: string | null;
};

export const subject = (p: InvoiceSentEmailProps) => `Invoice ${p.invoiceNumber} from ${p.brand.businessName}: ${p.amountDueText} due ${p.dueDateText}`;

export default function InvoiceSentEmail(p: InvoiceSentEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`${p.amountDueText} due on ${p.dueDateText}`}>
      <Paragraph>Hello {p.customerName},</Paragraph>
      <Paragraph>
        Here is invoice {p.invoiceNumber} from {p.brand.businessName}. You can see it, download a PDF and pay it online by card or bank
        transfer.
      </Paragraph>
      <AmountRows rows={[{ label: "Amount due", value: p.amountDueText, strong: true }, { label: "Due on", value: p.dueDateText }]} />
      {p.earlyPayText ? <Paragraph>{p.earlyPayText}.</Paragraph> : null}
      <ActionButton href={p.portalUrl} label="View and pay invoice" color={p.brand.brandColor} />
      <Paragraph>If anything on it is unclear, reply to this email before the due date and we will sort it out.</Paragraph>
    </EmailLayout>
  );
}

InvoiceSentEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  invoiceNumber: "INV-1001",
  amountDueText: "$1,025.00",
  dueDateText: "26 November 2026",
  portalUrl: "http://localhost:3000/portal/access/example",
  earlyPayText: "Pay $1,004.50 by December 6, 2026 and save $20.50",
} satisfies InvoiceSentEmailProps;
