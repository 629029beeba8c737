import { Button } from "@react-email/components";
import { Paragraph, EmailLayout, type Brand } from "./components/layout";

export type TeamInvitationEmailProps = { brand: Brand; inviterName: string; roleLabel: string; roleSummary: string; acceptUrl: string; expiresText: string };

export const subject = (p: TeamInvitationEmailProps) => `${p.inviterName} invited you to ${p.brand.businessName} on Duely`;

export default function TeamInvitationEmail({ brand, inviterName, roleLabel, roleSummary, acceptUrl, expiresText }: TeamInvitationEmailProps) {
  return (
    <EmailLayout brand={brand} preview={`Join ${brand.businessName} as ${roleLabel}`}>
      <Paragraph>Hello,</Paragraph>
      <Paragraph>
        {inviterName} invited you to join {brand.businessName} on Duely as {roleLabel}: {roleSummary}
      </Paragraph>
      <Button href={acceptUrl} style={{ backgroundColor: brand.brandColor, borderRadius: 8, color: "#fff", fontSize: 15, fontWeight: 600, padding: "12px 20px" }}>
        Accept the invitation
      </Button>
      <Paragraph>The link works once, until {expiresText}. If you did not expect this, ignore this email: nothing happens without you.</Paragraph>
    </EmailLayout>
  );
}

TeamInvitationEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  inviterName: "Olivia Northwind",
  roleLabel: "Collector",
  roleSummary: "Customers, invoices, reminders, promises, questions, notes and offline payments.",
  acceptUrl: "http://localhost:3000/invite?token=preview",
  expiresText: "13 Dec 2026, 10:00",
} satisfies TeamInvitationEmailProps;
