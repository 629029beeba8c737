// German: E-Mails an Kunden zu einem Ratenplan – eingerichtet, eine anstehende Rate, eine fehlgeschlagene Rate, der Plan beendet (messages/en/email-plans.ts).
import type { emailPlans as en } from "../en/email-plans";

export const emailPlans: Record<keyof typeof en, string> = {
  "email.planConfirmation.subject": "Ihr Ratenplan bei {business} ist eingerichtet",
  "email.planConfirmation.preview": "Ihr Ratenplan für {invoices} ist aktiv. Hier ist der Zahlungsplan.",
  "email.planConfirmation.body": "Vielen Dank: Ihre erste Rate ist eingegangen, und Ihr Ratenplan für {invoices} ist aktiv. Die weiteren Raten werden an diesen Terminen automatisch über {method} eingezogen, und wir senden Ihnen jeweils einige Tage vorher eine E-Mail.",
  "email.planConfirmation.paid": "{date} (bezahlt)",
  "email.planConfirmation.total": "Gesamt",
  "email.planConfirmation.fee": "Darin ist die Plangebühr von {fee} enthalten.",
  "email.planConfirmation.button": "Ihren Plan ansehen",
  "email.planConfirmation.early": "Sie können den Rest jederzeit vorzeitig bezahlen oder die Karte bzw. das Bankkonto in Ihrem Konto ändern. Solange der Plan eingehalten wird, senden wir Ihnen keine Zahlungserinnerungen zu diesen Rechnungen.",
  "email.planConfirmation.terms": "Dem haben Sie zugestimmt: {terms}",

  "email.instalmentNotice.subject": "Am {date} ziehen wir {amount} über {method} ein",
  "email.instalmentNotice.preview": "Rate {sequence} von {count} Ihres Ratenplans bei {business}: {amount} am {date}.",
  "email.instalmentNotice.body": "Ein Hinweis zu Ihrem Ratenplan für {invoices}: Am {date} ziehen wir {amount} über {method} ein (Rate {sequence} von {count}). Sie müssen nichts weiter tun.",
  "email.instalmentNotice.change": "Wenn Sie eine andere Karte oder ein anderes Bankkonto verwenden oder den Rest jetzt bezahlen möchten, können Sie das vorher in Ihrem Konto erledigen.",
  "email.seePlan": "Ihren Plan ansehen",

  "email.instalmentFailed.subject": "Ihre Rate über {amount} an {business} ist nicht durchgegangen",
  "email.instalmentFailed.preview": "Rate {sequence} von {count} konnte nicht eingezogen werden: {reason}",
  "email.instalmentFailed.body": "Wir haben versucht, Rate {sequence} von {count} Ihres Ratenplans ({amount}) über {method} einzuziehen, doch die Zahlung ist nicht durchgegangen. Angegebener Grund: {reason}",
  "email.instalmentFailed.retry": "Wir versuchen es am {date} erneut.",
  "email.instalmentFailed.retryLast": "Wir versuchen es am {date} erneut. Das ist der letzte Versuch: Schlägt auch er fehl, endet der Plan, und der Restbetrag ist sofort fällig.",
  "email.instalmentFailed.payNow": "Sie können diese Rate jetzt bezahlen oder in einer Minute zu einer anderen Karte oder einem anderen Bankkonto wechseln:",
  "email.instalmentFailed.button": "Bezahlen oder Karte aktualisieren",
  "email.instalmentFailed.talk": "Wenn sich etwas geändert hat und Sie über den Plan sprechen möchten, antworten Sie auf diese E-Mail.",

  "email.planEnded.subjectDefaulted": "Ihr Ratenplan bei {business} ist beendet: Der Restbetrag von {balance} ist jetzt fällig",
  "email.planEnded.subjectCancelled": "Ihr Ratenplan bei {business} wurde storniert",
  "email.planEnded.preview": "{invoices}: {balance} fällig.",
  "email.planEnded.defaulted": "Ihr Ratenplan für {invoices} ist beendet: {reason}",
  "email.planEnded.cancelled": "Der Ratenplan für {invoices} wurde storniert: {reason}",
  "email.planEnded.defaultedReason": "Rate {sequence} konnte nach {attempts, plural, one {# Versuch} other {# Versuchen}} nicht eingezogen werden ({reason}).",
  "email.planEnded.returnedReason": "Ihre Bank hat die erste Rate über {amount} zurückgebucht ({reason}).",
  "email.planEnded.balance": "Im Rahmen des Plans wird nichts mehr eingezogen. Der Restbetrag von {balance} ist jetzt fällig; Sie können ihn in Ihrem Konto per Karte oder vom Bankkonto bezahlen.",
  "email.planEnded.difficulty": "Falls Sie gerade in Schwierigkeiten sind, antworten Sie auf diese E-Mail: Wir vereinbaren lieber gemeinsam etwas, das für Sie machbar ist, als Sie zu mahnen.",
};
