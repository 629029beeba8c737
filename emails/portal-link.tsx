import { Button } from "@react-email/components";
import { Paragraph, EmailLayout, type Brand } from "./components/layout";

export type PortalLinkEmailProps = { brand: Brand; customerName: string; portalUrl: string; expiresText: string; owedText: string | null };

export const subject = (p: PortalLinkEmailProps) => `Your account with ${p.brand.businessName}`;

export default function PortalLinkEmail({ brand, customerName, portalUrl, expiresText, owedText }: PortalLinkEmailProps) {
  return (
    <EmailLayout brand={brand} preview={owedText ? `Balance ${owedText}: view and pay online` : "View your invoices online"}>
      <Paragraph>Hello {customerName},</Paragraph>
      <Paragraph>
        {owedText
          ? `Your balance with ${brand.businessName} is ${owedText}. You can see every invoice, download copies and pay online by card or bank transfer.`
          : `You can see your invoices with ${brand.businessName}, download copies and pay online.`}
      </Paragraph>
      <Button href={portalUrl} style={{ backgroundColor: brand.brandColor, borderRadius: 8, color: "#fff", fontSize: 15, fontWeight: 600, padding: "12px 20px" }}>
        Open your account
      </Button>
      <Paragraph>This link is personal to you and works until {expiresText}.</Paragraph>
    </EmailLayout>
  );
}

PortalLinkEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  portalUrl: "http://localhost:3000/portal/access/example",
  expiresText: "22 Dec 2026",
  owedText: "$1,250.00",
} satisfies PortalLinkEmailProps;
