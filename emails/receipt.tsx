import { AmountRows, ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type ReceiptEmailProps = {
  brand: Brand;
  customerName: string;
  receiptNumber: string;
  amountText: string;
  paidOnText: string;
  methodText: string;
  lines: { label: string; value: string }[];
  receiptUrl: string;
};

export const subject = (p: ReceiptEmailProps) => `Receipt ${p.receiptNumber} from ${p.brand.businessName}: ${p.amountText} received`;

export default function ReceiptEmail(p: ReceiptEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`We received your payment of ${p.amountText}. Thank you!`}>
      <Paragraph>Hello {p.customerName},</Paragraph>
      <Paragraph>
        Thank you: we received your payment of {p.amountText} on {p.paidOnText} by {p.methodText}.
      </Paragraph>
      <AmountRows rows={[...p.lines, { label: "Total paid", value: p.amountText, strong: true }]} />
      <ActionButton href={p.receiptUrl} label="View or download your receipt" color={p.brand.brandColor} />
      <Paragraph>Receipt number {p.receiptNumber}. Keep this email for your records.</Paragraph>
    </EmailLayout>
  );
}

ReceiptEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  receiptNumber: "R-000042",
  amountText: "$1,025.00",
  paidOnText: "22 November 2026",
  methodText: "Visa ending 4242",
  lines: [{ label: "INV-1001", value: "$1,025.00" }],
  receiptUrl: "http://localhost:3000/portal/payments/example",
} satisfies ReceiptEmailProps;
