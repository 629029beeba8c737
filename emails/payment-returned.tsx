import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type PaymentReturnedEmailProps = {
  brand: Brand;
  customerName: string;
  amountText: string;
  methodText: string;
  paidOnText: string | null;
  receiptNumber: string | null;
  reason: string;
  invoiceNumbers: string;
  portalUrl: string;
  discountNote?: string | null;
};

export const subject = (p: PaymentReturnedEmailProps) => `Your bank returned your payment of ${p.amountText} to ${p.brand.businessName}`;

export default function PaymentReturnedEmail(p: PaymentReturnedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`Your bank returned the payment of ${p.amountText}: ${p.reason}`}>
      <Paragraph>Hello {p.customerName},</Paragraph>
      <Paragraph>
        The payment of {p.amountText} from {p.methodText}
        {p.paidOnText ? ` on ${p.paidOnText}` : ""}
        {p.receiptNumber ? ` (receipt ${p.receiptNumber})` : ""} for {p.invoiceNumbers} went through at first, but your bank has since returned it to
        your account. The bank&apos;s reason: {p.reason}
      </Paragraph>
      <Paragraph>So {p.invoiceNumbers} {p.invoiceNumbers.includes(",") ? "are" : "is"} open again. You can pay by card or with another bank account in a minute:</Paragraph>
      {p.discountNote ? <Paragraph>{p.discountNote}</Paragraph> : null}
      <ActionButton href={p.portalUrl} label="Pay now" color={p.brand.brandColor} />
      <Paragraph>If you think your bank made a mistake, reply to this email and we will help.</Paragraph>
    </EmailLayout>
  );
}

PaymentReturnedEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  amountText: "$1,480.00",
  methodText: "STRIPE TEST BANK ending 4440",
  paidOnText: "December 2, 2026",
  receiptNumber: "R-000042",
  reason: "The bank account had insufficient funds.",
  invoiceNumbers: "INV-1042",
  portalUrl: "http://localhost:3000/portal/access/example",
  discountNote: null,
} satisfies PaymentReturnedEmailProps;
