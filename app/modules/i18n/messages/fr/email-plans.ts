// French: emails to customers about a payment plan: set up, an upcoming instalment, a failed instalment, the plan ended (messages/en/email-plans.ts).
import type { emailPlans as en } from "../en/email-plans";

export const emailPlans: Record<keyof typeof en, string> = {
  "email.planConfirmation.subject": "Votre échéancier de paiement avec {business} est en place",
  "email.planConfirmation.preview": "Votre échéancier pour {invoices} est actif. Voici le calendrier.",
  "email.planConfirmation.body": "Merci : votre première échéance a bien été payée et votre échéancier de paiement pour {invoices} est actif. Les échéances suivantes seront débitées automatiquement sur {method} aux dates ci-dessous, et nous vous enverrons un e-mail quelques jours avant chacune d’elles.",
  "email.planConfirmation.paid": "{date} (payée)",
  "email.planConfirmation.total": "Total",
  "email.planConfirmation.fee": "Ce total inclut les frais d’échéancier de {fee}.",
  "email.planConfirmation.button": "Voir votre échéancier",
  "email.planConfirmation.early": "Vous pouvez payer le solde par anticipation ou changer de carte ou de compte bancaire à tout moment depuis votre compte. Tant que l’échéancier est respecté, nous ne vous enverrons pas de relance de paiement pour ces factures.",
  "email.planConfirmation.terms": "Ce que vous avez accepté : {terms}",

  "email.instalmentNotice.subject": "Nous débiterons {amount} sur {method} le {date}",
  "email.instalmentNotice.preview": "Échéance {sequence} sur {count} de votre échéancier avec {business} : {amount} le {date}.",
  "email.instalmentNotice.body": "Pour information, concernant votre échéancier de paiement pour {invoices} : nous débiterons {amount} sur {method} le {date} (échéance {sequence} sur {count}). Vous n’avez rien à faire.",
  "email.instalmentNotice.change": "Si vous souhaitez utiliser une autre carte ou un autre compte bancaire, ou payer le solde dès maintenant, vous pouvez le faire depuis votre compte avant cette date.",
  "email.seePlan": "Voir votre échéancier",

  "email.instalmentFailed.subject": "Votre échéance de {amount} à {business} n’a pas abouti",
  "email.instalmentFailed.preview": "L’échéance {sequence} sur {count} n’a pas pu être débitée : {reason}",
  "email.instalmentFailed.body": "Nous avons tenté de débiter l’échéance {sequence} sur {count} de votre échéancier de paiement ({amount}) sur {method}, sans succès. Motif indiqué : {reason}",
  "email.instalmentFailed.retry": "Nous réessaierons le {date}.",
  "email.instalmentFailed.retryLast": "Nous réessaierons le {date}. Ce sera la dernière tentative : si elle échoue aussi, l’échéancier prendra fin et le solde restant deviendra immédiatement exigible.",
  "email.instalmentFailed.payNow": "Vous pouvez payer cette échéance maintenant, ou passer à une autre carte ou à un autre compte bancaire, en une minute :",
  "email.instalmentFailed.button": "Payer ou mettre à jour votre carte",
  "email.instalmentFailed.talk": "Si votre situation a changé et que vous souhaitez parler de l’échéancier, répondez à cet e-mail.",

  "email.planEnded.subjectDefaulted": "Votre échéancier de paiement avec {business} a pris fin : le solde de {balance} est désormais exigible",
  "email.planEnded.subjectCancelled": "Votre échéancier de paiement avec {business} a été annulé",
  "email.planEnded.preview": "{invoices} : {balance} à régler.",
  "email.planEnded.defaulted": "Votre échéancier de paiement pour {invoices} a pris fin : {reason}",
  "email.planEnded.cancelled": "L’échéancier de paiement pour {invoices} a été annulé : {reason}",
  "email.planEnded.defaultedReason": "l’échéance {sequence} n’a pas pu être débitée après {attempts, plural, one {# tentative} many {# tentatives} other {# tentatives}} ({reason}).",
  "email.planEnded.returnedReason": "votre banque a rejeté la première échéance, de {amount} ({reason}).",
  "email.planEnded.balance": "Plus aucun débit ne sera effectué au titre de l’échéancier. Le solde restant de {balance} est exigible dès maintenant ; vous pouvez le régler par carte ou par compte bancaire depuis votre compte.",
  "email.planEnded.difficulty": "Si vous rencontrez des difficultés, répondez à cet e-mail : nous préférons convenir avec vous d’une solution adaptée plutôt que de devoir vous relancer.",
};
