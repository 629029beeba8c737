import { Column, Row, Section, Text } from "@react-email/components";
import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, palette, type Brand } from "./components/layout";

export type ReminderEmailProps = {
  brand: Brand;
  tierKind: string;
  /** The tier's subject and body, with placeholders already filled in. */
  subject: string;
  body: string;
  portalUrl: string;
  promiseMaxDays: number;
  /** Set only when this customer may set up a plan for these invoices today. */
  planOffer?: string | null;
  invoices: { number: string; dueDateText: string; amountText: string; tierName: string; overdueDays: number; earlyPayText?: string | null }[];
};

export const subject = (p: ReminderEmailProps) => p.subject;

export default function ReminderEmail(p: ReminderEmailProps) {
  const paragraphs = p.body.split(/\n{2,}/).map((s) => s.trim()).filter(Boolean);
  return (
    <EmailLayout brand={p.brand} preview={p.subject}>
      {paragraphs.map((text, i) => (
        <Paragraph key={i}>{text}</Paragraph>
      ))}
      <Section style={{ border: `1px solid ${palette.border}`, borderRadius: 8, padding: "4px 16px", margin: "16px 0" }}>
        {p.invoices.map((inv) => (
          <Row key={inv.number}>
            <Column>
              <Text style={{ color: palette.ink, fontSize: 14, margin: "8px 0 0", fontWeight: 600 }}>{inv.number}</Text>
              <Text style={{ color: palette.muted, fontSize: 12, margin: "0 0 8px" }}>
                Due {inv.dueDateText}
                {inv.overdueDays > 0 ? ` · ${inv.overdueDays} days overdue` : ""} · {inv.tierName}
              </Text>
              {inv.earlyPayText ? <Text style={{ color: "#047857", fontSize: 12, margin: "0 0 8px" }}>{inv.earlyPayText}</Text> : null}
            </Column>
            <Column align="right">
              <Text style={{ color: palette.ink, fontSize: 14, margin: "8px 0" }}>{inv.amountText}</Text>
            </Column>
          </Row>
        ))}
      </Section>
      <ActionButton href={p.portalUrl} label="View and pay" color={p.brand.brandColor} />
      <Paragraph>
        Can&apos;t pay it all today? From the same link you can pay part of it{p.planOffer ? `, ${p.planOffer},` : ""} or tell us the date you will pay (up to {p.promiseMaxDays} days
        ahead) and we will not remind you before then. If something on an invoice is wrong, use &quot;I have a question&quot; and we will
        pause reminders while we sort it out.
      </Paragraph>
    </EmailLayout>
  );
}

ReminderEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  tierKind: "FIRM",
  subject: "Payment overdue: INV-0994",
  body: "Hello Ada Lovelace,\n\n$1,480.00 on INV-0994 is now 10 days overdue. Please pay today, pay part of it, or tell us the date you will pay.",
  portalUrl: "http://localhost:3000/portal/access/example",
  promiseMaxDays: 14,
  invoices: [{ number: "INV-0994", dueDateText: "Nov 2, 2026", amountText: "$1,480.00", tierName: "Firm reminder", overdueDays: 10 }],
} satisfies ReminderEmailProps;
