import { AmountRows, ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type PlanConfirmationEmailProps = {
  brand: Brand;
  customerName: string;
  invoiceNumbers: string;
  methodText: string;
  schedule: { label: string; value: string }[];
  totalText: string;
  feeNote: string | null;
  termsText: string;
  planUrl: string;
};

export const subject = (p: PlanConfirmationEmailProps) => `Your payment plan with ${p.brand.businessName} is set up`;

export default function PlanConfirmationEmail(p: PlanConfirmationEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`Your plan for ${p.invoiceNumbers} is active. Here is the schedule.`}>
      <Paragraph>Hello {p.customerName},</Paragraph>
      <Paragraph>
        Thank you: your first instalment is in, and your payment plan for {p.invoiceNumbers} is active. The next instalments will be charged
        automatically to {p.methodText} on these dates, and we will email you a few days before each one.
      </Paragraph>
      <AmountRows rows={[...p.schedule, { label: "Total", value: p.totalText, strong: true }]} />
      {p.feeNote ? <Paragraph>{p.feeNote}</Paragraph> : null}
      <ActionButton href={p.planUrl} label="See your plan" color={p.brand.brandColor} />
      <Paragraph>
        You can pay the rest early or change the card or bank account at any time from your account. While the plan is on track we will not
        send you payment reminders for these invoices.
      </Paragraph>
      <Paragraph>What you agreed to: {p.termsText}</Paragraph>
    </EmailLayout>
  );
}

PlanConfirmationEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  invoiceNumbers: "INV-0994",
  methodText: "Visa ending 4242",
  schedule: [
    { label: "23 November 2026 (paid)", value: "$493.34" },
    { label: "23 December 2026", value: "$493.33" },
    { label: "23 January 2027", value: "$493.33" },
  ],
  totalText: "$1,480.00",
  feeNote: null,
  termsText: "I authorise Northwind Studio to charge Visa ending 4242 the amounts above on the dates shown.",
  planUrl: "http://localhost:3000/portal/access/example",
} satisfies PlanConfirmationEmailProps;
