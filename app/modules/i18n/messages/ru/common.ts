// Russian: words shared by the customer pages (messages/en/common.ts).
import type { common as en } from "../en/common";

export const common: Record<keyof typeof en, string> = {
  "common.language": "Язык",
  "common.languageChange": "Сменить язык",
  "common.testMode": "Тестовый режим: реальные деньги не списываются.",
  "common.testModeSimulator": "Для оплаты используйте тестовую карту Stripe 4242 4242 4242 4242 или тестовый банковский счёт 000123456789.",
  "common.testModeStripe": "Используйте тестовые карты Stripe.",
  "common.footerQuestions": "Есть вопросы по счёту? Напишите нам на <email>{address}</email>.",
  "common.footerQuestionsPhone": "Есть вопросы по счёту? Напишите нам на <email>{address}</email> или позвоните по номеру {phone}.",
  "common.back": "Назад",
};
