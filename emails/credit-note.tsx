import { Link } from "@react-email/components";
import { ActionButton, AmountRows } from "./components/parts";
import { EmailLayout, palette, Paragraph, type Brand } from "./components/layout";

export type CreditNoteEmailProps = {
  brand: Brand;
  customerName: string;
  creditNoteNumber: string;
  invoiceNumber: string;
  amountText: string;
  /** The owner's words: why the credit is given. */
  reason: string;
  dateText: string;
  /** What is left to pay on the invoice after this credit. */
  balanceText: string;
  /** The credit note's PDF in the portal (opens with a portal session). */
  pdfUrl: string;
  /** A personal portal link, for when the customer has no portal session in this browser. */
  portalUrl: string;
};

export const subject = (p: CreditNoteEmailProps) => `Credit note ${p.creditNoteNumber} from ${p.brand.businessName}: ${p.amountText} off invoice ${p.invoiceNumber}`;

export default function CreditNoteEmail(p: CreditNoteEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`We have credited ${p.amountText} to invoice ${p.invoiceNumber}.`}>
      <Paragraph>Hello {p.customerName},</Paragraph>
      <Paragraph>
        We have issued credit note {p.creditNoteNumber} on {p.dateText}: {p.amountText} comes off invoice {p.invoiceNumber}.
      </Paragraph>
      <Paragraph>Reason: {p.reason}</Paragraph>
      <AmountRows
        rows={[
          { label: `Credit note ${p.creditNoteNumber}`, value: `-${p.amountText}` },
          { label: `Left to pay on ${p.invoiceNumber}`, value: p.balanceText, strong: true },
        ]}
      />
      <ActionButton href={p.pdfUrl} label={`Download credit note ${p.creditNoteNumber} (PDF)`} color={p.brand.brandColor} />
      <Paragraph>
        If the link asks you to sign in, <Link href={p.portalUrl} style={{ color: palette.ink, textDecoration: "underline" }}>
          open your portal
        </Link> first: the credit note is listed on invoice {p.invoiceNumber} there.
      </Paragraph>
    </EmailLayout>
  );
}

CreditNoteEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  creditNoteNumber: "CN-0007",
  invoiceNumber: "INV-0994",
  amountText: "$150.00",
  reason: "Two hours of the March workshop were cancelled.",
  dateText: "December 15, 2026",
  balanceText: "$850.00",
  pdfUrl: "http://localhost:3000/portal/credit-notes/example.pdf",
  portalUrl: "http://localhost:3000/portal/access/example",
} satisfies CreditNoteEmailProps;
