// Swedish: mejl till kunder om en betalningsplan – upplagd, en kommande delbetalning, en delbetalning som misslyckades, planen avslutad (messages/en/email-plans.ts).
import type { emailPlans as en } from "../en/email-plans";

export const emailPlans: Record<keyof typeof en, string> = {
  "email.planConfirmation.subject": "Din betalningsplan hos {business} är upplagd",
  "email.planConfirmation.preview": "Din plan för {invoices} är aktiv. Här är betalningsschemat.",
  "email.planConfirmation.body": "Tack! Din första delbetalning har kommit in, och din betalningsplan för {invoices} är aktiv. De kommande delbetalningarna dras automatiskt från {method} på de här datumen, och vi mejlar dig några dagar före var och en.",
  "email.planConfirmation.paid": "{date} (betald)",
  "email.planConfirmation.total": "Totalt",
  "email.planConfirmation.fee": "Detta inkluderar planavgiften på {fee}.",
  "email.planConfirmation.button": "Visa din plan",
  "email.planConfirmation.early": "Du kan när som helst betala resten i förtid eller byta kort eller bankkonto via ditt konto. Så länge planen följs skickar vi inga betalningspåminnelser om de här fakturorna.",
  "email.planConfirmation.terms": "Det här godkände du: {terms}",

  "email.instalmentNotice.subject": "Vi drar {amount} från {method} den {date}",
  "email.instalmentNotice.preview": "Delbetalning {sequence} av {count} i din betalningsplan hos {business}: {amount} den {date}.",
  "email.instalmentNotice.body": "Information om din betalningsplan för {invoices}: vi drar {amount} från {method} den {date} (delbetalning {sequence} av {count}). Du behöver inte göra något.",
  "email.instalmentNotice.change": "Om du vill använda ett annat kort eller bankkonto, eller betala resten nu, kan du göra det via ditt konto före dess.",
  "email.seePlan": "Visa din plan",

  "email.instalmentFailed.subject": "Din delbetalning på {amount} till {business} gick inte igenom",
  "email.instalmentFailed.preview": "Delbetalning {sequence} av {count} kunde inte dras: {reason}",
  "email.instalmentFailed.body": "Vi försökte dra delbetalning {sequence} av {count} i din betalningsplan ({amount}) från {method}, men det gick inte igenom. Angivet skäl: {reason}",
  "email.instalmentFailed.retry": "Vi försöker igen den {date}.",
  "email.instalmentFailed.retryLast": "Vi försöker igen den {date}. Det är sista försöket: om även det misslyckas upphör planen, och resten av beloppet ska betalas direkt.",
  "email.instalmentFailed.payNow": "Du kan betala den här delbetalningen nu, eller byta till ett annat kort eller bankkonto, på en minut:",
  "email.instalmentFailed.button": "Betala eller uppdatera ditt kort",
  "email.instalmentFailed.talk": "Om något har förändrats och du behöver prata om planen kan du svara på det här mejlet.",

  "email.planEnded.subjectDefaulted": "Din betalningsplan hos {business} har upphört: {balance} ska nu betalas",
  "email.planEnded.subjectCancelled": "Din betalningsplan hos {business} har avbrutits",
  "email.planEnded.preview": "{invoices}: {balance} ska betalas.",
  "email.planEnded.defaulted": "Din betalningsplan för {invoices} har upphört: {reason}",
  "email.planEnded.cancelled": "Betalningsplanen för {invoices} har avbrutits: {reason}",
  "email.planEnded.defaultedReason": "delbetalning {sequence} kunde inte dras efter {attempts, plural, one {# försök} other {# försök}} ({reason}).",
  "email.planEnded.returnedReason": "din bank återförde den första delbetalningen på {amount} ({reason}).",
  "email.planEnded.balance": "Inga fler dragningar görs enligt planen. Det återstående beloppet på {balance} ska betalas nu, och du kan betala det med kort eller från bankkonto via ditt konto.",
  "email.planEnded.difficulty": "Om du har det svårt just nu kan du svara på det här mejlet: vi kommer hellre överens om något som fungerar än skickar påminnelser.",
};
