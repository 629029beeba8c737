import { Body, Container, Head, Hr, Html, Img, Preview, Section, Text } from "@react-email/components";
import { createContext, useContext, type ReactNode } from "react";
import { emailTranslator } from "../../app/modules/i18n/email-translator.server";
import { DEFAULT_LOCALE, type Locale } from "../../app/modules/i18n/locales";

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

/** The email's writing direction, for the parts that align text or columns (Arabic reads right to left). */
const DirectionContext = createContext<"ltr" | "rtl">("ltr");
export const useDirection = () => useContext(DirectionContext);
/** Where text starts in this direction. */
export const startOf = (dir: "ltr" | "rtl") => (dir === "rtl" ? "right" : "left");
export const endOf = (dir: "ltr" | "rtl") => (dir === "rtl" ? "left" : "right");

/** `locale`: the email's language (emailLocale); owner-facing emails leave it out and are English. */
export function EmailLayout({ brand, preview, locale = DEFAULT_LOCALE, children }: { brand: Brand; preview: string; locale?: Locale; children: ReactNode }) {
  const e = emailTranslator(locale);
  const align = startOf(e.dir);
  return (
    <Html lang={locale === "zh" ? e.tag : locale} dir={e.dir}>
      <Head>
        {/* Screen readers and webmail tabs announce the title. */}
        <title>{e.t("email.layout.title", { business: brand.businessName })}</title>
      </Head>
      <Preview>{preview}</Preview>
      <DirectionContext.Provider value={e.dir}>
        <Body dir={e.dir} style={{ backgroundColor: palette.canvas, fontFamily: "Inter, Segoe UI, Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0", direction: e.dir, textAlign: align }}>
          <Container dir={e.dir} style={{ backgroundColor: palette.white, borderRadius: 12, border: `1px solid ${palette.border}`, maxWidth: 560, overflow: "hidden", direction: e.dir, textAlign: align }}>
            <Section style={{ backgroundColor: brand.brandColor, padding: "20px 32px" }}>
              {brand.logoUrl ? <Img src={brand.logoUrl} alt="" height={36} style={{ backgroundColor: palette.white, borderRadius: 4, marginBottom: 10, padding: 3 }} /> : null}
              <Text style={{ color: palette.white, fontSize: 18, fontWeight: 700, margin: 0, textAlign: align }}>{brand.businessName}</Text>
            </Section>
            <Section style={{ padding: "8px 32px 24px" }}>{children}</Section>
            <Hr style={{ borderColor: palette.border, margin: 0 }} />
            <Section style={{ padding: "16px 32px" }}>
              <Text style={{ color: palette.muted, fontSize: 12, lineHeight: "18px", margin: 0, textAlign: align }}>
                {e.t("email.layout.footer", { business: brand.businessName, supportEmail: brand.supportEmail })}
              </Text>
            </Section>
          </Container>
        </Body>
      </DirectionContext.Provider>
    </Html>
  );
}

/** `align`: for a paragraph in another direction than the email's (the owner's text in the business's language). */
export function Paragraph({ children, align }: { children: ReactNode; align?: "left" | "right" }) {
  const dir = useDirection();
  return <Text style={{ color: palette.ink, fontSize: 15, lineHeight: "24px", margin: "16px 0", textAlign: align ?? startOf(dir) }}>{children}</Text>;
}
