// The catalogue of emails: each entry renders one react-email template to a subject, HTML and text.
import OwnerSignInEmail, { subject as ownerSignInSubject, type OwnerSignInEmailProps } from "./owner-sign-in";
import OwnerTestEmail, { subject as ownerTestSubject, type OwnerTestEmailProps } from "./owner-test-email";
import InvoiceSentEmail, { subject as invoiceSentSubject, type InvoiceSentEmailProps } from "./invoice-sent";
import PaymentFailedEmail, { subject as paymentFailedSubject, type PaymentFailedEmailProps } from "./payment-failed";
import ReceiptEmail, { subject as receiptSubject, type ReceiptEmailProps } from "./receipt";
import CollectionsAlertEmail, { subject as collectionsAlertSubject, type CollectionsAlertEmailProps } from "./collections-alert";
import PromiseConfirmationEmail, { subject as promiseConfirmationSubject, type PromiseConfirmationEmailProps } from "./promise-confirmation";
import QuestionAnsweredEmail, { subject as questionAnsweredSubject, type QuestionAnsweredEmailProps } from "./question-answered";
import QuestionReceivedEmail, { subject as questionReceivedSubject, type QuestionReceivedEmailProps } from "./question-received";
import ReminderEmail, { subject as reminderSubject, type ReminderEmailProps } from "./reminder";
import SettlementOfferEmail, { subject as settlementOfferSubject, type SettlementOfferEmailProps } from "./settlement-offer";
import PlanConfirmationEmail, { subject as planConfirmationSubject, type PlanConfirmationEmailProps } from "./plan-confirmation";
import InstalmentNoticeEmail, { subject as instalmentNoticeSubject, type InstalmentNoticeEmailProps } from "./instalment-notice";
import InstalmentFailedEmail, { subject as instalmentFailedSubject, type InstalmentFailedEmailProps } from "./instalment-failed";
import PlanEndedEmail, { subject as planEndedSubject, type PlanEndedEmailProps } from "./plan-ended";
import TeamInvitationEmail, { subject as teamInvitationSubject, type TeamInvitationEmailProps } from "./team-invitation";
import PasswordResetEmail, { subject as passwordResetSubject, type PasswordResetEmailProps } from "./password-reset";
import RefundEmail, { subject as refundSubject, type RefundEmailProps } from "./refund";
import PaymentReturnedEmail, { subject as paymentReturnedSubject, type PaymentReturnedEmailProps } from "./payment-returned";
import DisputeAlertEmail, { subject as disputeAlertSubject, type DisputeAlertEmailProps } from "./dispute-alert";
import CreditNoteEmail, { subject as creditNoteSubject, type CreditNoteEmailProps } from "./credit-note";
import PortalLinkEmail, { subject as portalLinkSubject, type PortalLinkEmailProps } from "./portal-link";

export const emailTemplates = {
  "owner-test": { component: OwnerTestEmail, subject: ownerTestSubject, title: "Test email" },
  "owner-sign-in": { component: OwnerSignInEmail, subject: ownerSignInSubject, title: "Owner sign-in notice" },
  "team-invitation": { component: TeamInvitationEmail, subject: teamInvitationSubject, title: "Team invitation" },
  "password-reset": { component: PasswordResetEmail, subject: passwordResetSubject, title: "Password reset link" },
  "portal-link": { component: PortalLinkEmail, subject: portalLinkSubject, title: "Portal link (your account)" },
  "invoice-sent": { component: InvoiceSentEmail, subject: invoiceSentSubject, title: "Invoice sent" },
  receipt: { component: ReceiptEmail, subject: receiptSubject, title: "Payment receipt" },
  "payment-failed": { component: PaymentFailedEmail, subject: paymentFailedSubject, title: "Bank payment failed" },
  refund: { component: RefundEmail, subject: refundSubject, title: "Refund sent" },
  "payment-returned": { component: PaymentReturnedEmail, subject: paymentReturnedSubject, title: "Bank payment returned after it went through" },
  "dispute-alert": { component: DisputeAlertEmail, subject: disputeAlertSubject, title: "Dispute opened, won or lost (to the owner)" },
  "credit-note": { component: CreditNoteEmail, subject: creditNoteSubject, title: "Credit note issued" },
  reminder: { component: ReminderEmail, subject: reminderSubject, title: "Reminder (each tier)" },
  "collections-alert": { component: CollectionsAlertEmail, subject: collectionsAlertSubject, title: "Collections alert (to the owner)" },
  "promise-confirmation": { component: PromiseConfirmationEmail, subject: promiseConfirmationSubject, title: "Promise to pay confirmed" },
  "question-received": { component: QuestionReceivedEmail, subject: questionReceivedSubject, title: "Question received (to the owner)" },
  "question-answered": { component: QuestionAnsweredEmail, subject: questionAnsweredSubject, title: "Question answered" },
  "settlement-offer": { component: SettlementOfferEmail, subject: settlementOfferSubject, title: "Settlement offer" },
  "plan-confirmation": { component: PlanConfirmationEmail, subject: planConfirmationSubject, title: "Payment plan set up" },
  "instalment-notice": { component: InstalmentNoticeEmail, subject: instalmentNoticeSubject, title: "Upcoming instalment notice" },
  "instalment-failed": { component: InstalmentFailedEmail, subject: instalmentFailedSubject, title: "Instalment failed" },
  "plan-ended": { component: PlanEndedEmail, subject: planEndedSubject, title: "Payment plan defaulted or cancelled" },
} as const;

export type EmailPropsByTemplate = {
  "owner-test": OwnerTestEmailProps;
  "owner-sign-in": OwnerSignInEmailProps;
  "team-invitation": TeamInvitationEmailProps;
  "password-reset": PasswordResetEmailProps;
  "portal-link": PortalLinkEmailProps;
  "invoice-sent": InvoiceSentEmailProps;
  receipt: ReceiptEmailProps;
  "payment-failed": PaymentFailedEmailProps;
  refund: RefundEmailProps;
  "payment-returned": PaymentReturnedEmailProps;
  "dispute-alert": DisputeAlertEmailProps;
  "credit-note": CreditNoteEmailProps;
  reminder: ReminderEmailProps;
  "collections-alert": CollectionsAlertEmailProps;
  "promise-confirmation": PromiseConfirmationEmailProps;
  "question-received": QuestionReceivedEmailProps;
  "question-answered": QuestionAnsweredEmailProps;
  "settlement-offer": SettlementOfferEmailProps;
  "plan-confirmation": PlanConfirmationEmailProps;
  "instalment-notice": InstalmentNoticeEmailProps;
  "instalment-failed": InstalmentFailedEmailProps;
  "plan-ended": PlanEndedEmailProps;
};

export type TemplateName = keyof typeof emailTemplates;
