// Arabic: words shared by the customer pages (messages/en/common.ts).
import type { common as en } from "../en/common";

export const common: Record<keyof typeof en, string> = {
  "common.language": "اللغة",
  "common.languageChange": "تغيير اللغة",
  "common.testMode": "وضع الاختبار: لا تُحوَّل أي أموال.",
  "common.testModeSimulator": "ادفع باستخدام بطاقة Stripe التجريبية 4242 4242 4242 4242 أو الحساب المصرفي التجريبي 000123456789.",
  "common.testModeStripe": "استخدم بطاقات Stripe التجريبية.",
  "common.footerQuestions": "هل لديك سؤال عن فاتورة؟ راسلنا على <email>{address}</email>.",
  "common.footerQuestionsPhone": "هل لديك سؤال عن فاتورة؟ راسلنا على <email>{address}</email> أو اتصل بنا على الرقم {phone}.",
  "common.back": "رجوع",
};
