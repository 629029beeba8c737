import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type InstalmentNoticeEmailProps = {
  brand: Brand;
  customerName: string;
  amountText: string;
  methodText: string;
  dateText: string;
  sequenceText: string;
  invoiceNumbers: string;
  planUrl: string;
};

export const subject = (p: InstalmentNoticeEmailProps) => `We'll charge ${p.amountText} to ${p.methodText} on ${p.dateText}`;

export default function InstalmentNoticeEmail(p: InstalmentNoticeEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`Instalment ${p.sequenceText} of your plan with ${p.brand.businessName}: ${p.amountText} on ${p.dateText}.`}>
      <Paragraph>Hello {p.customerName},</Paragraph>
      <Paragraph>
        A heads-up about your payment plan for {p.invoiceNumbers}: we&apos;ll charge {p.amountText} to {p.methodText} on {p.dateText}{" "}
        (instalment {p.sequenceText}). There is nothing you need to do.
      </Paragraph>
      <Paragraph>If you would like to use a different card or bank account, or pay the rest now, you can do it from your account before then.</Paragraph>
      <ActionButton href={p.planUrl} label="See your plan" color={p.brand.brandColor} />
    </EmailLayout>
  );
}

InstalmentNoticeEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  amountText: "$120.00",
  methodText: "Visa ending 4242",
  dateText: "5 December 2026",
  sequenceText: "2 of 3",
  invoiceNumbers: "INV-0994",
  planUrl: "http://localhost:3000/portal/access/example",
} satisfies InstalmentNoticeEmailProps;
