// German: words shared by every customer page (messages/en/common.ts).
import type { common as en } from "../en/common";

export const common: Record<keyof typeof en, string> = {
  "common.language": "Sprache",
  "common.languageChange": "Sprache ändern",
  "common.testMode": "Testmodus: Es wird kein Geld bewegt.",
  "common.testModeSimulator": "Bezahlen Sie mit der Stripe-Testkarte 4242 4242 4242 4242 oder dem Testkonto 000123456789.",
  "common.testModeStripe": "Verwenden Sie die Testkarten von Stripe.",
  "common.footerQuestions": "Fragen zu einer Rechnung? Schreiben Sie an <email>{address}</email>.",
  "common.footerQuestionsPhone": "Fragen zu einer Rechnung? Schreiben Sie an <email>{address}</email> oder rufen Sie {phone} an.",
  "common.back": "Zurück",
};
