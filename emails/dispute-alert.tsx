import { ActionButton, AmountRows } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type DisputeAlertEmailProps = {
  brand: Brand;
  stage: "opened" | "won" | "lost";
  customerName: string;
  amountText: string;
  paymentText: string;
  invoiceNumbers: string;
  reasonText: string;
  feeText: string | null;
  evidenceDueText: string | null;
  inquiry: boolean;
  /** A bank debit disputed by the account holder: a return, which cannot be contested. */
  bank: boolean;
  paymentUrl: string;
};

export const subject = (p: DisputeAlertEmailProps) =>
  p.stage === "opened"
    ? p.bank
      ? `${p.customerName}'s bank reversed a payment of ${p.amountText}`
      : `${p.inquiry ? "Inquiry" : "Chargeback"} on ${p.customerName}'s payment of ${p.amountText}${p.evidenceDueText ? `: respond by ${p.evidenceDueText}` : ""}`
    : p.stage === "won"
      ? `${p.inquiry ? "Inquiry closed" : "Chargeback won"}: ${p.customerName}'s ${p.amountText}`
      : `Chargeback lost: ${p.customerName} owes ${p.amountText} again`;

export default function DisputeAlertEmail(p: DisputeAlertEmailProps) {
  const rows = [
    { label: "Disputed", value: p.amountText },
    { label: "Payment", value: p.paymentText },
    { label: "Invoices", value: p.invoiceNumbers },
    ...(p.feeText ? [{ label: "Dispute fee", value: p.feeText }] : []),
  ];
  return (
    <EmailLayout brand={p.brand} preview={subject(p)}>
      {p.stage === "opened" && p.bank ? (
        <Paragraph>
          {p.customerName}&apos;s bank reversed their payment at the account holder&apos;s request: {p.reasonText}. A bank debit dispute cannot be
          contested, so the payment no longer counts and the invoices are owed again. {p.customerName} has been told how to pay again.
        </Paragraph>
      ) : null}
      {p.stage === "opened" && !p.bank ? (
        <Paragraph>
          {p.customerName}&apos;s card issuer opened {p.inquiry ? "an inquiry" : "a chargeback"} on a payment: {p.reasonText}.{" "}
          {p.inquiry
            ? "No money has been withdrawn yet; answering it well usually stops it becoming a chargeback."
            : "The disputed amount has been withdrawn from your balance: it no longer counts as paid, and no reminder will ask for it while the dispute is open."}
        </Paragraph>
      ) : null}
      {p.stage === "opened" && !p.bank ? (
        <Paragraph>
          {p.evidenceDueText
            ? `Submit your evidence in your Stripe dashboard by ${p.evidenceDueText}: the invoice, the signed agreement or proof of the work, and your emails with the customer. After that date the dispute is lost.`
            : "Submit your evidence in your Stripe dashboard as soon as you can."}
        </Paragraph>
      ) : null}
      {p.stage === "won" ? (
        <Paragraph>
          {p.inquiry ? "The card issuer closed its inquiry without a chargeback." : "The card issuer decided in your favour: the money is back in your balance."} The invoices count as paid again.
        </Paragraph>
      ) : null}
      {p.stage === "lost" ? (
        <Paragraph>
          The card issuer decided in the card holder&apos;s favour: the money stays with them, and the invoices are owed again. Reminders for them are paused
          until you decide: chase the balance again, or write it off as uncollectible.
        </Paragraph>
      ) : null}
      <AmountRows rows={rows} />
      <ActionButton href={p.paymentUrl} label="Open the payment" color={p.brand.brandColor} />
    </EmailLayout>
  );
}

DisputeAlertEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  stage: "opened",
  customerName: "Ada Lovelace",
  amountText: "$1,200.00",
  paymentText: "$1,200.00 by Visa ending 0259, receipt R-000042",
  invoiceNumbers: "INV-1042",
  reasonText: "the card holder says they did not make this payment",
  feeText: "$15.00",
  evidenceDueText: "December 20, 2026",
  inquiry: false,
  bank: false,
  paymentUrl: "http://localhost:3000/app/payments/example",
} satisfies DisputeAlertEmailProps;
