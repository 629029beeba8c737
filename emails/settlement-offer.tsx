import { ActionButton, AmountRows } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type SettlementOfferEmailProps = { brand: Brand; customerName: string; invoiceNumber: string; owedText: string; offerText: string; forgivenText: string; lastDayText: string; portalUrl: string };

export const subject = (p: SettlementOfferEmailProps) => `An offer to settle ${p.invoiceNumber} for ${p.offerText}`;

export default function SettlementOfferEmail(p: SettlementOfferEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`Pay ${p.offerText} by ${p.lastDayText} and ${p.forgivenText} is forgiven`}>
      <Paragraph>Hello {p.customerName},</Paragraph>
      <Paragraph>
        We would like to close {p.invoiceNumber} with you. If you pay {p.offerText} by {p.lastDayText}, we will forgive the rest of the
        balance.
      </Paragraph>
      <AmountRows rows={[{ label: "Balance today", value: p.owedText }, { label: "Pay to settle", value: p.offerText, strong: true }, { label: "Forgiven", value: p.forgivenText }, { label: "Offer open until", value: p.lastDayText }]} />
      <ActionButton href={p.portalUrl} label="Settle now" color={p.brand.brandColor} />
      <Paragraph>After that date the offer ends and the full balance is due again.</Paragraph>
    </EmailLayout>
  );
}

SettlementOfferEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Barbara Liskov",
  invoiceNumber: "INV-0950",
  owedText: "$1,700.00",
  offerText: "$1,200.00",
  forgivenText: "$500.00",
  lastDayText: "December 15, 2026",
  portalUrl: "http://localhost:3000/portal/access/example",
} satisfies SettlementOfferEmailProps;
