// Swedish: mejl till kunder om deras betalningar – kvittot, en bankbetalning som misslyckades eller returnerades, en återbetalning (messages/en/email-payments.ts).
import type { emailPayments as en } from "../en/email-payments";

export const emailPayments: Record<keyof typeof en, string> = {
  "email.receipt.subject": "Kvitto {receipt} från {business}: {amount} mottaget",
  "email.receipt.preview": "Vi har tagit emot din betalning på {amount}. Tack!",
  "email.receipt.body": "Tack! Vi tog emot din betalning på {amount} den {date} med {method}.",
  "email.receipt.total": "Totalt betalt",
  "email.receipt.button": "Visa eller ladda ned ditt kvitto",
  "email.receipt.keep": "Kvittonummer {receipt}. Spara det här mejlet som underlag.",

  "email.paymentFailed.subject": "Din bankbetalning på {amount} till {business} gick inte igenom",
  "email.paymentFailed.preview": "Din betalning på {amount} gick inte igenom: {reason}",
  "email.paymentFailed.body": "Din bank returnerade betalningen på {amount} från {method} för {invoices}. Bankens skäl: {reason}",
  "email.paymentFailed.open": "Ingenting drogs från ditt konto, och fakturorna är obetalda igen. Du kan betala med kort eller med ett annat bankkonto på en minut:",
  "email.paymentFailed.mistake": "Om du tror att det är ett misstag kan du svara på det här mejlet, så hjälper vi dig.",
  "email.payNow": "Betala nu",
  "email.discountLost": "Rabatten för tidig betalning på {amount} som hörde till den här betalningen gäller inte längre.",

  "email.refund.subject": "{business} har återbetalat {amount} till dig",
  "email.refund.preview": "En återbetalning på {amount} är på väg till {method}.",
  "email.refund.body": "Vi har återbetalat {amount} till {method}.",
  "email.refund.bodyReceipt": "Vi har återbetalat {amount} till {method} från betalningen med kvitto {receipt}.",
  "email.refund.timingCard": "Återbetalningar till kort syns oftast på kontoutdraget inom 5 till 10 dagar.",
  "email.refund.timingBank": "Återbetalningar till bankkonto kommer oftast fram inom några bankdagar.",
  "email.refund.timingOther": "Återbetalningen kommer oftast fram inom några bankdagar.",
  "email.refund.reason": "Skäl: {reason}",
  "email.refund.credit": "{count, plural, one {{invoices} förblir betald: det finns inget mer att betala för den.} other {{invoices} förblir betalda: det finns inget mer att betala för dem.}}",
  "email.refund.reopen": "Det återbetalade beloppet är obetalt igen på {invoices}; du kan se det och betala det när det passar dig i din portal.",
  "email.refund.button": "Se det i din portal",
  "email.refund.wrong": "Om något ser fel ut kan du svara på det här mejlet, så reder vi ut det.",

  "email.returned.subject": "Din bank har returnerat din betalning på {amount} till {business}",
  "email.returned.preview": "Din bank returnerade betalningen på {amount}: {reason}",
  "email.returned.body": "Betalningen på {amount} från {method} för {invoices} gick först igenom, men din bank har sedan returnerat den till ditt konto. Bankens skäl: {reason}",
  "email.returned.bodyDated": "Betalningen på {amount} från {method} den {date} (kvitto {receipt}) för {invoices} gick först igenom, men din bank har sedan returnerat den till ditt konto. Bankens skäl: {reason}",
  "email.returned.open": "{count, plural, one {Därför är {invoices} obetald igen.} other {Därför är {invoices} obetalda igen.}} Du kan betala med kort eller med ett annat bankkonto på en minut:",
  "email.returned.mistake": "Om du tror att din bank har gjort fel kan du svara på det här mejlet, så hjälper vi dig.",
};
