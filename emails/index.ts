// The catalogue of emails: each entry renders one react-email template to a subject, HTML and text.
import OwnerSignInEmail, { subject as ownerSignInSubject, type OwnerSignInEmailProps } from "./owner-sign-in";
import OwnerTestEmail, { subject as ownerTestSubject, type OwnerTestEmailProps } from "./owner-test-email";
import PortalLinkEmail, { subject as portalLinkSubject, type PortalLinkEmailProps } from "./portal-link";

export const emailTemplates = {
  "owner-test": { component: OwnerTestEmail, subject: ownerTestSubject, title: "Test email" },
  "owner-sign-in": { component: OwnerSignInEmail, subject: ownerSignInSubject, title: "Owner sign-in notice" },
  "portal-link": { component: PortalLinkEmail, subject: portalLinkSubject, title: "Portal link (your account)" },
} as const;

export type EmailPropsByTemplate = {
  "owner-test": OwnerTestEmailProps;
  "owner-sign-in": OwnerSignInEmailProps;
  "portal-link": PortalLinkEmailProps;
};

export type TemplateName = keyof typeof emailTemplates;
