import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type RefundEmailProps = {
  brand: Brand;
  customerName: string;
  amountText: string;
  methodText: string;
  reason: string;
  receiptNumber: string | null;
  invoiceNumbers: string;
  /** What the refund means for the invoices: owed again, or settled. */
  effect: "REOPEN" | "CREDIT";
  /** Card refunds take days to show on a statement; bank refunds a few business days. */
  timingText: string;
  portalUrl: string;
};

export const subject = (p: RefundEmailProps) => `${p.brand.businessName} refunded ${p.amountText} to you`;

export default function RefundEmail(p: RefundEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`A refund of ${p.amountText} is on its way to ${p.methodText}.`}>
      <Paragraph>Hello {p.customerName},</Paragraph>
      <Paragraph>
        We have refunded {p.amountText} to {p.methodText}
        {p.receiptNumber ? ` from the payment with receipt ${p.receiptNumber}` : ""}. {p.timingText}
      </Paragraph>
      <Paragraph>Reason: {p.reason}</Paragraph>
      <Paragraph>
        {p.effect === "CREDIT"
          ? `${p.invoiceNumbers} stays settled: there is nothing more to pay for it.`
          : `The refunded amount is open again on ${p.invoiceNumbers}; you can see it and pay it whenever suits you in your portal.`}
      </Paragraph>
      <ActionButton href={p.portalUrl} label="See it in your portal" color={p.brand.brandColor} />
      <Paragraph>If anything looks wrong, reply to this email and we will sort it out.</Paragraph>
    </EmailLayout>
  );
}

RefundEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  amountText: "$120.00",
  methodText: "Visa ending 4242",
  reason: "The March retainer was paid twice.",
  receiptNumber: "R-000123",
  invoiceNumbers: "INV-0994",
  effect: "CREDIT",
  timingText: "Card refunds usually show on your statement within 5 to 10 days.",
  portalUrl: "http://localhost:3000/portal/access/example",
} satisfies RefundEmailProps;
