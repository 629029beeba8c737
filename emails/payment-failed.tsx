import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type PaymentFailedEmailProps = {
  brand: Brand;
  customerName: string;
  amountText: string;
  methodText: string;
  reason: string;
  invoiceNumbers: string;
  portalUrl: string;
  discountNote?: string | null;
};

export const subject = (p: PaymentFailedEmailProps) => `Your bank payment of ${p.amountText} to ${p.brand.businessName} did not go through`;

export default function PaymentFailedEmail(p: PaymentFailedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`Your payment of ${p.amountText} did not go through: ${p.reason}`}>
      <Paragraph>Hello {p.customerName},</Paragraph>
      <Paragraph>
        Your bank returned the payment of {p.amountText} from {p.methodText} for {p.invoiceNumbers}. The bank&apos;s reason: {p.reason}
      </Paragraph>
      <Paragraph>
        Nothing was taken from your account, and the invoices are open again. You can pay by card or with another bank account in a
        minute:
      </Paragraph>
      {p.discountNote ? <Paragraph>{p.discountNote}</Paragraph> : null}
      <ActionButton href={p.portalUrl} label="Pay now" color={p.brand.brandColor} />
      <Paragraph>If you think this is a mistake, reply to this email and we will help.</Paragraph>
    </EmailLayout>
  );
}

PaymentFailedEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  amountText: "$1,480.00",
  methodText: "STRIPE TEST BANK ending 1113",
  reason: "The bank account has been closed.",
  invoiceNumbers: "INV-0994",
  portalUrl: "http://localhost:3000/portal/access/example",
} satisfies PaymentFailedEmailProps;
