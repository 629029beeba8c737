// French: emails to customers about their payments: the receipt, a bank payment that failed or was returned, a refund (messages/en/email-payments.ts).
import type { emailPayments as en } from "../en/email-payments";

export const emailPayments: Record<keyof typeof en, string> = {
  "email.receipt.subject": "Reçu {receipt} de {business} : paiement de {amount} reçu",
  "email.receipt.preview": "Nous avons bien reçu votre paiement de {amount}. Merci !",
  "email.receipt.body": "Merci : nous avons reçu votre paiement de {amount} le {date} avec {method}.",
  "email.receipt.total": "Total payé",
  "email.receipt.button": "Voir ou télécharger votre reçu",
  "email.receipt.keep": "Numéro de reçu : {receipt}. Conservez cet e-mail pour vos archives.",

  "email.paymentFailed.subject": "Votre paiement bancaire de {amount} à {business} n’a pas abouti",
  "email.paymentFailed.preview": "Votre paiement de {amount} n’a pas abouti : {reason}",
  "email.paymentFailed.body": "Votre banque a rejeté le paiement de {amount} depuis {method} pour {invoices}. Motif indiqué par la banque : {reason}",
  "email.paymentFailed.open": "Aucun montant n’a été prélevé sur votre compte, et les factures sont de nouveau à régler. Vous pouvez payer par carte ou avec un autre compte bancaire en une minute :",
  "email.paymentFailed.mistake": "Si vous pensez qu’il s’agit d’une erreur, répondez à cet e-mail et nous vous aiderons.",
  "email.payNow": "Payer maintenant",
  "email.discountLost": "L’escompte pour paiement anticipé de {amount} lié à ce paiement ne s’applique plus.",

  "email.refund.subject": "{business} vous a remboursé {amount}",
  "email.refund.preview": "Un remboursement de {amount} est en cours sur {method}.",
  "email.refund.body": "Nous vous avons remboursé {amount} sur {method}.",
  "email.refund.bodyReceipt": "Nous vous avons remboursé {amount} sur {method}, au titre du paiement correspondant au reçu {receipt}.",
  "email.refund.timingCard": "Les remboursements par carte apparaissent généralement sur votre relevé sous 5 à 10 jours.",
  "email.refund.timingBank": "Les remboursements bancaires arrivent généralement sous quelques jours ouvrés.",
  "email.refund.timingOther": "Le remboursement arrive généralement sous quelques jours ouvrés.",
  "email.refund.reason": "Motif : {reason}",
  "email.refund.credit": "{count, plural, one {{invoices} reste réglée : vous n’avez plus rien à payer pour cette facture.} many {{invoices} restent réglées : vous n’avez plus rien à payer pour ces factures.} other {{invoices} restent réglées : vous n’avez plus rien à payer pour ces factures.}}",
  "email.refund.reopen": "Le montant remboursé est de nouveau à régler sur {invoices} ; vous pouvez le consulter et le payer quand cela vous convient dans votre portail.",
  "email.refund.button": "Voir dans votre portail",
  "email.refund.wrong": "Si quelque chose vous semble incorrect, répondez à cet e-mail et nous y remédierons.",

  "email.returned.subject": "Votre banque a rejeté votre paiement de {amount} à {business}",
  "email.returned.preview": "Votre banque a rejeté le paiement de {amount} : {reason}",
  "email.returned.body": "Le paiement de {amount} depuis {method} pour {invoices} a d’abord été accepté, mais votre banque l’a ensuite restitué sur votre compte. Motif indiqué par la banque : {reason}",
  "email.returned.bodyDated": "Le paiement de {amount} du {date} depuis {method} (reçu {receipt}) pour {invoices} a d’abord été accepté, mais votre banque l’a ensuite restitué sur votre compte. Motif indiqué par la banque : {reason}",
  "email.returned.open": "{count, plural, one {{invoices} est donc de nouveau à régler.} many {{invoices} sont donc de nouveau à régler.} other {{invoices} sont donc de nouveau à régler.}} Vous pouvez payer par carte ou avec un autre compte bancaire en une minute :",
  "email.returned.mistake": "Si vous pensez que votre banque a commis une erreur, répondez à cet e-mail et nous vous aiderons.",
};
