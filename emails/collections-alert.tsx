import { ActionButton, AmountRows } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type CollectionsAlertEmailProps = { brand: Brand; customerName: string; invoices: { number: string; amountText: string; overdueDays: number }[]; customerUrl: string };

export const subject = (p: CollectionsAlertEmailProps) => `${p.customerName} has reached collections`;

export default function CollectionsAlertEmail(p: CollectionsAlertEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`${p.customerName}: every reminder sent, still unpaid`}>
      <Paragraph>
        {p.customerName} has had every reminder, including the final notice, and these invoices are still unpaid. No further email goes to
        the customer: review the account, call them, or hand it over to collections.
      </Paragraph>
      <AmountRows rows={p.invoices.map((i) => ({ label: `${i.number} · ${i.overdueDays} days overdue`, value: i.amountText }))} />
      <ActionButton href={p.customerUrl} label="Open the customer" color={p.brand.brandColor} />
    </EmailLayout>
  );
}

CollectionsAlertEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Edsger Dijkstra",
  invoices: [{ number: "INV-0975", amountText: "$3,900.00", overdueDays: 45 }],
  customerUrl: "http://localhost:3000/app/customers/example",
} satisfies CollectionsAlertEmailProps;
