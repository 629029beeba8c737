import { Paragraph, EmailLayout, type Brand } from "./components/layout";

export type OwnerSignInEmailProps = { brand: Brand; ownerName: string; whenText: string; ipAddress: string; userAgent: string };

export const subject = (p: OwnerSignInEmailProps) => `New sign-in to ${p.brand.businessName}`;

export default function OwnerSignInEmail({ brand, ownerName, whenText, ipAddress, userAgent }: OwnerSignInEmailProps) {
  return (
    <EmailLayout brand={brand} preview={`New sign-in on ${whenText}`}>
      <Paragraph>Hi {ownerName},</Paragraph>
      <Paragraph>
        Someone signed in to your {brand.businessName} workspace on {whenText} from {ipAddress} ({userAgent}).
      </Paragraph>
      <Paragraph>If this was you, there is nothing to do. If not, change your password now.</Paragraph>
    </EmailLayout>
  );
}

OwnerSignInEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  ownerName: "Olivia",
  whenText: "22 Nov 2026, 10:00",
  ipAddress: "127.0.0.1",
  userAgent: "Chrome on Linux",
} satisfies OwnerSignInEmailProps;
