import { Paragraph, EmailLayout, type Brand } from "./components/layout";

export type OwnerTestEmailProps = { brand: Brand; ownerName: string; sentAtText: string };

export const subject = (p: OwnerTestEmailProps) => `Test email from ${p.brand.businessName}`;

export default function OwnerTestEmail({ brand, ownerName, sentAtText }: OwnerTestEmailProps) {
  return (
    <EmailLayout brand={brand} preview="Your email delivery works.">
      <Paragraph>Hi {ownerName},</Paragraph>
      <Paragraph>
        This is a test email you asked for on {sentAtText}. If you are reading it, reminders and receipts from{" "}
        {brand.businessName} will reach your customers the same way.
      </Paragraph>
    </EmailLayout>
  );
}

OwnerTestEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  ownerName: "Olivia",
  sentAtText: "22 Nov 2026, 10:00",
} satisfies OwnerTestEmailProps;
