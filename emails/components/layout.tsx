import { Body, Container, Head, Hr, Html, Img, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

// react-email's <Tailwind> ships Tailwind 4's palette, not the app's: colours are shared as constants.
export const palette = {
  ink: "#0f172a",
  muted: "#475569",
  border: "#e2e8f0",
  canvas: "#f1f5f9",
  white: "#ffffff",
};

/** logoUrl: an https:// image the business chose in Settings, shown above its name. */
export type Brand = { businessName: string; brandColor: string; supportEmail: string; logoUrl?: string | null };

export function EmailLayout({ brand, preview, children }: { brand: Brand; preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head>
        {/* Screen readers and webmail tabs announce the title. */}
        <title>{`A message from ${brand.businessName}`}</title>
      </Head>
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: palette.canvas, fontFamily: "Inter, Segoe UI, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: palette.white, borderRadius: 12, border: `1px solid ${palette.border}`, maxWidth: 560, overflow: "hidden" }}>
          <Section style={{ backgroundColor: brand.brandColor, padding: "20px 32px" }}>
            {brand.logoUrl ? <Img src={brand.logoUrl} alt="" height={36} style={{ backgroundColor: palette.white, borderRadius: 4, marginBottom: 10, padding: 3 }} /> : null}
            <Text style={{ color: palette.white, fontSize: 18, fontWeight: 700, margin: 0 }}>{brand.businessName}</Text>
          </Section>
          <Section style={{ padding: "8px 32px 24px" }}>{children}</Section>
          <Hr style={{ borderColor: palette.border, margin: 0 }} />
          <Section style={{ padding: "16px 32px" }}>
            <Text style={{ color: palette.muted, fontSize: 12, lineHeight: "18px", margin: 0 }}>
              Sent by {brand.businessName}. Questions? Reply to this email or write to {brand.supportEmail}.
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={{ color: palette.ink, fontSize: 15, lineHeight: "24px", margin: "16px 0" }}>{children}</Text>;
}
