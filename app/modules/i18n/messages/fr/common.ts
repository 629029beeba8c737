// French: words shared by the customer pages (messages/en/common.ts).
import type { common as en } from "../en/common";

export const common: Record<keyof typeof en, string> = {
  "common.language": "Langue",
  "common.languageChange": "Changer de langue",
  "common.testMode": "Mode test : aucun argent n’est réellement prélevé.",
  "common.testModeSimulator": "Payez avec la carte de test Stripe 4242 4242 4242 4242 ou avec le compte bancaire de test 000123456789.",
  "common.testModeStripe": "Utilisez les cartes de test de Stripe.",
  "common.footerQuestions": "Une question sur une facture ? Écrivez à <email>{address}</email>.",
  "common.footerQuestionsPhone": "Une question sur une facture ? Écrivez à <email>{address}</email> ou appelez le {phone}.",
  "common.back": "Retour",
};
