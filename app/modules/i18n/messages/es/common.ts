// Spanish: words shared by the customer pages (messages/en/common.ts).
import type { common as en } from "../en/common";

export const common: Record<keyof typeof en, string> = {
  "common.language": "Idioma",
  "common.languageChange": "Cambiar idioma",
  "common.testMode": "Modo de prueba: no se mueve dinero real.",
  "common.testModeSimulator": "Pague con la tarjeta de prueba de Stripe 4242 4242 4242 4242 o con la cuenta bancaria de prueba 000123456789.",
  "common.testModeStripe": "Use las tarjetas de prueba de Stripe.",
  "common.footerQuestions": "¿Tiene alguna pregunta sobre una factura? Escriba a <email>{address}</email>.",
  "common.footerQuestionsPhone": "¿Tiene alguna pregunta sobre una factura? Escriba a <email>{address}</email> o llame al {phone}.",
  "common.back": "Volver",
};
