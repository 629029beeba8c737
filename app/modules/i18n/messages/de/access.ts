// German: the page a customer lands on when their link or session has ended (messages/en/access.ts).
import type { access as en } from "../en/access";

export const access: Record<keyof typeof en, string> = {
  "access.title": "Neuen Link anfordern",
  "access.expired": "Dieser Link ist abgelaufen.",
  "access.revoked": "Dieser Link ist nicht mehr gültig.",
  "access.unknown": "Wir konnten diesen Link nicht zuordnen.",
  "access.session": "Ihre Sitzung ist abgelaufen.",
  "access.sentHeading": "Sehen Sie in Ihrem Postfach nach",
  "access.sentBody": "Wenn wir an {email} Rechnungen senden, ist ein neuer Link unterwegs. Es kann eine Minute dauern, bis er ankommt.",
  "access.intro": "Geben Sie die E-Mail-Adresse ein, an die Ihre Rechnungen gehen, und wir senden Ihnen einen neuen Link.",
  "access.limited": "Zu viele Anfragen von hier. Bitte versuchen Sie es in {minutes, plural, one {# Minute} other {# Minuten}} erneut.",
  "access.email": "E-Mail-Adresse",
  "access.emailInvalid": "Geben Sie die E-Mail-Adresse ein, an die Ihre Rechnungen gesendet werden.",
  "access.sending": "Wird gesendet …",
  "access.send": "Neuen Link per E-Mail senden",
};
