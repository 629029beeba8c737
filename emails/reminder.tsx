import { Column, Row, Section, Text } from "@react-email/components";
import { emailTranslator } from "../app/modules/i18n/email-translator.server";
import { directionOf, type Locale } from "../app/modules/i18n/locales";
import type { EarlyPayWords } from "./invoice-sent";
import { ActionButton } from "./components/parts";
import { EmailLayout, endOf, Paragraph, palette, startOf, useDirection, type Brand } from "./components/layout";

export type ReminderEmailProps = {
  locale: Locale;
  /** The language of `subject` and `body`: the email's, or the business's when the owner wrote none for it. */
  textLocale?: Locale;
  brand: Brand;
  tierKind: string;
  /** The tier's subject and body in the email's language (or the business's), with placeholders already filled in. */
  subject: string;
  body: string;
  portalUrl: string;
  promiseMaxDays: number;
  /** Set only when this customer may set up a plan for these invoices today: its fewest and most instalments. */
  planOffer?: { min: number; max: number } | null;
  invoices: { number: string; dueDateText: string; amountText: string; overdueDays: number; earlyPay?: EarlyPayWords | null }[];
};

export const subject = (p: ReminderEmailProps) => p.subject;

function InvoiceRows({ p }: { p: ReminderEmailProps }) {
  const { t } = emailTranslator(p.locale);
  const dir = useDirection();
  return (
    <Section style={{ border: `1px solid ${palette.border}`, borderRadius: 8, padding: "4px 16px", margin: "16px 0" }}>
      {p.invoices.map((inv) => (
        <Row key={inv.number}>
          <Column align={startOf(dir)}>
            <Text style={{ color: palette.ink, fontSize: 14, margin: "8px 0 0", fontWeight: 600, textAlign: startOf(dir) }}>{inv.number}</Text>
            <Text style={{ color: palette.muted, fontSize: 12, margin: "0 0 8px", textAlign: startOf(dir) }}>
              {inv.overdueDays > 0 ? t("email.reminder.dueOverdue", { dueDate: inv.dueDateText, days: inv.overdueDays }) : t("email.reminder.due", { dueDate: inv.dueDateText })}
            </Text>
            {inv.earlyPay ? (
              <Text style={{ color: "#047857", fontSize: 12, margin: "0 0 8px", textAlign: startOf(dir) }}>
                {t("email.reminder.earlyPay", { amount: inv.earlyPay.amount, date: inv.earlyPay.date, saving: inv.earlyPay.saving, bank: inv.earlyPay.bankOnly ? "yes" : "no" })}
              </Text>
            ) : null}
          </Column>
          <Column align={endOf(dir)}>
            <Text style={{ color: palette.ink, fontSize: 14, margin: "8px 0", textAlign: endOf(dir) }}>{inv.amountText}</Text>
          </Column>
        </Row>
      ))}
    </Section>
  );
}

export default function ReminderEmail(p: ReminderEmailProps) {
  const { t } = emailTranslator(p.locale);
  const paragraphs = p.body.split(/\n{2,}/).map((s) => s.trim()).filter(Boolean);
  return (
    <EmailLayout brand={p.brand} locale={p.locale} preview={p.subject}>
      {paragraphs.map((text, i) =>
        p.textLocale && p.textLocale !== p.locale ? (
          <div key={i} lang={p.textLocale} dir={directionOf(p.textLocale)}>
            <Paragraph align={directionOf(p.textLocale) === "rtl" ? "right" : "left"}>{text}</Paragraph>
          </div>
        ) : (
          <Paragraph key={i}>{text}</Paragraph>
        ),
      )}
      <InvoiceRows p={p} />
      <ActionButton href={p.portalUrl} label={t("email.reminder.button")} color={p.brand.brandColor} />
      <Paragraph>
        {p.planOffer
          ? t("email.reminder.optionsPlan", { min: p.planOffer.min, max: p.planOffer.max, days: p.promiseMaxDays })
          : t("email.reminder.options", { days: p.promiseMaxDays })}
      </Paragraph>
    </EmailLayout>
  );
}

ReminderEmail.PreviewProps = {
  locale: "en",
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  tierKind: "FIRM",
  subject: "Payment overdue: INV-0994",
  body: "Hello Ada Lovelace,\n\n$1,480.00 on INV-0994 is now 10 days overdue. Please pay today, pay part of it, or tell us the date you will pay.",
  portalUrl: "http://localhost:3000/portal/access/example",
  promiseMaxDays: 14,
  invoices: [{ number: "INV-0994", dueDateText: "Nov 2, 2026", amountText: "$1,480.00", overdueDays: 10 }],
} satisfies ReminderEmailProps;
