// French: the portal's own card and bank forms in test mode and what the provider refuses (messages/en/checkout.ts).
import type { checkout as en } from "../en/checkout";

export const checkout: Record<keyof typeof en, string> = {
  "checkout.card.number": "Saisissez le numéro de la carte : de 12 à 19 chiffres.",
  "checkout.card.luhn": "Ce numéro de carte n’est pas valide. Vérifiez qu’il ne contient pas d’erreur.",
  "checkout.card.expiry": "Saisissez la date d’expiration au format MM / AA.",
  "checkout.card.expired": "Cette carte a expiré.",
  "checkout.card.cvc": "Saisissez le code de sécurité à 3 ou 4 chiffres.",
  "checkout.card.notSaved": "{reason} Rien n’a été enregistré : essayez une autre carte.",
  "checkout.bank.holder": "Saisissez le nom du titulaire du compte.",
  "checkout.bank.routing": "Un numéro d’acheminement (routing number) comporte 9 chiffres.",
  "checkout.bank.account": "Un numéro de compte comporte de 4 à 17 chiffres.",
  "checkout.bank.mandate": "Cochez la case pour autoriser le prélèvement.",
  "checkout.bank.unusable": "Le compte bancaire n’a pas pu être utilisé : vérifiez le numéro d’acheminement et le numéro de compte.",
  "checkout.bank.testAccounts": "Ce compte bancaire n’a pas été accepté. En mode test, utilisez le numéro d’acheminement 110000000 avec le compte 000123456789 (aboutit) ou 000111111113 (échoue : compte clôturé).",
  "checkout.bank.testAccount": "Ce compte bancaire n’a pas été accepté. En mode test, utilisez le numéro d’acheminement 110000000 avec le compte 000123456789.",
  "checkout.sepa.notSepa": "Ce paiement n’est pas un prélèvement SEPA : revenez à votre compte et choisissez à nouveau comment payer.",
  "checkout.sepa.testIbans": "Cet IBAN n’a pas été accepté. En mode test, utilisez l’un des IBAN de test de Stripe : DE89 3704 0044 0532 0130 00 (aboutit) ou DE62 3704 0044 0532 0130 01 (échoue : provision insuffisante).",
  "checkout.sepa.unusable": "L’IBAN n’a pas pu être utilisé : vérifiez-le.",
  "checkout.sepa.provider": "Les coordonnées bancaires n’ont pas été acceptées : {reason}",
  "checkout.discountEnded": "L’escompte pour paiement anticipé a pris fin le {date}. Revenez à votre compte pour payer le montant actuel.",
};
