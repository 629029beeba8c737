import { ActionButton } from "./components/parts";
import { EmailLayout, Paragraph, type Brand } from "./components/layout";

export type PlanEndedEmailProps = {
  brand: Brand;
  customerName: string;
  invoiceNumbers: string;
  outcome: "defaulted" | "cancelled";
  reason: string;
  balanceText: string;
  portalUrl: string;
};

export const subject = (p: PlanEndedEmailProps) =>
  p.outcome === "defaulted" ? `Your payment plan with ${p.brand.businessName} has ended: ${p.balanceText} is now due` : `Your payment plan with ${p.brand.businessName} was cancelled`;

export default function PlanEndedEmail(p: PlanEndedEmailProps) {
  return (
    <EmailLayout brand={p.brand} preview={`${p.invoiceNumbers}: ${p.balanceText} is due.`}>
      <Paragraph>Hello {p.customerName},</Paragraph>
      <Paragraph>
        {p.outcome === "defaulted" ? "Your payment plan" : "The payment plan"} for {p.invoiceNumbers} {p.outcome === "defaulted" ? "has ended" : "was cancelled"}: {p.reason}
      </Paragraph>
      <Paragraph>
        No further charges will be made under the plan. The remaining balance of {p.balanceText} is due now, and you can pay it by card or
        bank account from your account.
      </Paragraph>
      <ActionButton href={p.portalUrl} label="Pay now" color={p.brand.brandColor} />
      <Paragraph>If you are in difficulty, reply to this email: we would rather agree on something that works than chase you.</Paragraph>
    </EmailLayout>
  );
}

PlanEndedEmail.PreviewProps = {
  brand: { businessName: "Northwind Studio", brandColor: "#0f766e", supportEmail: "billing@northwind.test" },
  customerName: "Ada Lovelace",
  invoiceNumbers: "INV-0994",
  outcome: "defaulted",
  reason: "instalment 2 could not be charged after 3 attempts.",
  balanceText: "$986.66",
  portalUrl: "http://localhost:3000/portal/access/example",
} satisfies PlanEndedEmailProps;
