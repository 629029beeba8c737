// German: E-Mails an Kunden zu ihren Zahlungen – der Beleg, eine fehlgeschlagene oder zurückgebuchte Bankzahlung, eine Erstattung (messages/en/email-payments.ts).
import type { emailPayments as en } from "../en/email-payments";

export const emailPayments: Record<keyof typeof en, string> = {
  "email.receipt.subject": "Beleg {receipt} von {business}: {amount} erhalten",
  "email.receipt.preview": "Wir haben Ihre Zahlung über {amount} erhalten. Vielen Dank!",
  "email.receipt.body": "Vielen Dank: Wir haben Ihre Zahlung über {amount} am {date} über {method} erhalten.",
  "email.receipt.total": "Bezahlter Gesamtbetrag",
  "email.receipt.button": "Beleg ansehen oder herunterladen",
  "email.receipt.keep": "Belegnummer {receipt}. Bitte bewahren Sie diese E-Mail für Ihre Unterlagen auf.",

  "email.paymentFailed.subject": "Ihre Bankzahlung über {amount} an {business} ist nicht durchgegangen",
  "email.paymentFailed.preview": "Ihre Zahlung über {amount} ist nicht durchgegangen: {reason}",
  "email.paymentFailed.body": "Ihre Bank hat die Zahlung über {amount} von {method} für {invoices} zurückgewiesen. Begründung der Bank: {reason}",
  "email.paymentFailed.open": "Von Ihrem Konto wurde nichts abgebucht, und die Rechnungen sind wieder offen. Sie können in einer Minute per Karte oder mit einem anderen Bankkonto bezahlen:",
  "email.paymentFailed.mistake": "Wenn Sie glauben, dass es sich um einen Fehler handelt, antworten Sie auf diese E-Mail, und wir helfen Ihnen weiter.",
  "email.payNow": "Jetzt bezahlen",
  "email.discountLost": "Das Skonto für frühe Zahlung in Höhe von {amount}, das mit dieser Zahlung verbunden war, gilt nicht mehr.",

  "email.refund.subject": "{business} hat Ihnen {amount} erstattet",
  "email.refund.preview": "Eine Erstattung von {amount} auf {method} ist unterwegs.",
  "email.refund.body": "Wir haben {amount} auf {method} erstattet.",
  "email.refund.bodyReceipt": "Wir haben {amount} aus der Zahlung mit Beleg {receipt} auf {method} erstattet.",
  "email.refund.timingCard": "Erstattungen auf Karten erscheinen in der Regel innerhalb von 5 bis 10 Tagen auf Ihrer Abrechnung.",
  "email.refund.timingBank": "Erstattungen auf Bankkonten gehen in der Regel innerhalb weniger Werktage ein.",
  "email.refund.timingOther": "Die Erstattung geht in der Regel innerhalb weniger Werktage ein.",
  "email.refund.reason": "Grund: {reason}",
  "email.refund.credit": "{count, plural, one {{invoices} bleibt beglichen: Dafür ist nichts mehr zu zahlen.} other {{invoices} bleiben beglichen: Dafür ist nichts mehr zu zahlen.}}",
  "email.refund.reopen": "Der erstattete Betrag ist auf {invoices} wieder offen; Sie können ihn in Ihrem Portal einsehen und bezahlen, wann es Ihnen passt.",
  "email.refund.button": "In Ihrem Portal ansehen",
  "email.refund.wrong": "Falls Ihnen etwas nicht stimmig erscheint, antworten Sie auf diese E-Mail, und wir klären es.",

  "email.returned.subject": "Ihre Bank hat Ihre Zahlung über {amount} an {business} zurückgebucht",
  "email.returned.preview": "Ihre Bank hat die Zahlung über {amount} zurückgebucht: {reason}",
  "email.returned.body": "Die Zahlung über {amount} von {method} für {invoices} ging zunächst durch, doch Ihre Bank hat sie inzwischen auf Ihr Konto zurückgebucht. Begründung der Bank: {reason}",
  "email.returned.bodyDated": "Die Zahlung über {amount} von {method} am {date} (Beleg {receipt}) für {invoices} ging zunächst durch, doch Ihre Bank hat sie inzwischen auf Ihr Konto zurückgebucht. Begründung der Bank: {reason}",
  "email.returned.open": "{count, plural, one {Damit ist {invoices} wieder offen.} other {Damit sind {invoices} wieder offen.}} Sie können in einer Minute per Karte oder mit einem anderen Bankkonto bezahlen:",
  "email.returned.mistake": "Wenn Sie glauben, dass Ihrer Bank ein Fehler unterlaufen ist, antworten Sie auf diese E-Mail, und wir helfen Ihnen weiter.",
};
