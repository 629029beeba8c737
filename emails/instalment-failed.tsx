import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type InstalmentFailedEmailProps = {
  brand: Brand;
  customerName: string;
  amountText: string;
  methodText: string;
  reason: string;
  sequenceText: string;
  retryText: string;
  planUrl: string;
};

export const subject = (p: InstalmentFailedEmailProps) => `Your instalment of ${p.amountText} to ${p.brand.businessName} did not go through`;

export default function InstalmentFailedEmail(p: InstalmentFailedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`Instalment ${p.sequenceText} could not be charged: ${p.reason}`}>
      <Paragraph>Hello {p.customerName},</Paragraph>
      <Paragraph>
        We tried to charge instalment {p.sequenceText} of your payment plan ({p.amountText}) to {p.methodText}, and it did not go through. The
        reason given: {p.reason}
      </Paragraph>
      <Paragraph>{p.retryText}</Paragraph>
      <Paragraph>You can pay this instalment now, or switch to another card or bank account, in a minute:</Paragraph>
      <ActionButton href={p.planUrl} label="Pay or update your card" color={p.brand.brandColor} />
      <Paragraph>If something has changed and you need to talk about the plan, reply to this email.</Paragraph>
    </EmailLayout>
  );
}

InstalmentFailedEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  amountText: "$493.33",
  methodText: "Visa ending 0341",
  reason: "Your card was declined.",
  sequenceText: "2 of 3",
  retryText: "We will try again on 26 December 2026.",
  planUrl: "http://localhost:3000/portal/access/example",
} satisfies InstalmentFailedEmailProps;
