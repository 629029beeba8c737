import { Button } from "@react-email/components";
import { Paragraph, EmailLayout, type Brand } from "./components/layout";

export type PasswordResetEmailProps = { brand: Brand; name: string; resetUrl: string; minutes: number; ipAddress: string };

export const subject = (p: PasswordResetEmailProps) => `Reset your ${p.brand.businessName} password`;

export default function PasswordResetEmail({ brand, name, resetUrl, minutes, ipAddress }: PasswordResetEmailProps) {
  return (
    <EmailLayout brand={brand} preview={`A link to choose a new password; it works for ${minutes} minutes`}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>Someone (from {ipAddress}) asked to reset the password you use to sign in to {brand.businessName} on Duely. If it was you, choose a new one:</Paragraph>
      <Button href={resetUrl} style={{ backgroundColor: brand.brandColor, borderRadius: 8, color: "#fff", fontSize: 15, fontWeight: 600, padding: "12px 20px" }}>
        Choose a new password
      </Button>
      <Paragraph>The link works once, for {minutes} minutes. Choosing a new password signs you out everywhere. If you did not ask for this, ignore this email: your password stays as it is.</Paragraph>
    </EmailLayout>
  );
}

PasswordResetEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  name: "Olivia",
  resetUrl: "http://localhost:3000/reset-password?token=preview",
  minutes: 30,
  ipAddress: "127.0.0.1",
} satisfies PasswordResetEmailProps;
