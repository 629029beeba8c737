// Swedish: ord som delas av alla kundsidor (messages/en/common.ts).
import type { common as en } from "../en/common";

export const common: Record<keyof typeof en, string> = {
  "common.language": "Språk",
  "common.languageChange": "Byt språk",
  "common.testMode": "Testläge: inga pengar flyttas.",
  "common.testModeSimulator": "Betala med Stripes testkort 4242 4242 4242 4242 eller testbankkontot 000123456789.",
  "common.testModeStripe": "Använd Stripes testkort.",
  "common.footerQuestions": "Frågor om en faktura? Skriv till <email>{address}</email>.",
  "common.footerQuestionsPhone": "Frågor om en faktura? Skriv till <email>{address}</email> eller ring {phone}.",
  "common.back": "Tillbaka",
};
