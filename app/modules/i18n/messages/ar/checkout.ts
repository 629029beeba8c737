// Arabic: the portal's own card and bank forms in test mode and what the provider refuses (messages/en/checkout.ts).
import type { checkout as en } from "../en/checkout";

export const checkout: Record<keyof typeof en, string> = {
  "checkout.card.number": "أدخل رقم البطاقة: من 12 إلى 19 رقمًا.",
  "checkout.card.luhn": "رقم البطاقة هذا غير صالح. تحقّق من عدم وجود أخطاء في كتابته.",
  "checkout.card.expiry": "أدخل تاريخ انتهاء الصلاحية بالصيغة MM / YY.",
  "checkout.card.expired": "انتهت صلاحية هذه البطاقة.",
  "checkout.card.cvc": "أدخل رمز الأمان المكوّن من 3 أو 4 أرقام.",
  "checkout.card.notSaved": "{reason} لم يُحفظ أي شيء: جرّب بطاقة أخرى.",
  "checkout.bank.holder": "أدخل اسم صاحب الحساب.",
  "checkout.bank.routing": "يتكوّن رقم التوجيه المصرفي (routing number) من 9 أرقام.",
  "checkout.bank.account": "يتكوّن رقم الحساب من 4 إلى 17 رقمًا.",
  "checkout.bank.mandate": "حدّد المربع للإذن بالخصم.",
  "checkout.bank.unusable": "تعذّر استخدام الحساب المصرفي: تحقّق من رقم التوجيه ورقم الحساب.",
  "checkout.bank.testAccounts": "لم يُقبل هذا الحساب المصرفي. في وضع الاختبار، استخدم رقم التوجيه 110000000 مع الحساب 000123456789 (ينجح) أو 000111111113 (يفشل: الحساب مغلق).",
  "checkout.bank.testAccount": "لم يُقبل هذا الحساب المصرفي. في وضع الاختبار، استخدم رقم التوجيه 110000000 مع الحساب 000123456789.",
  "checkout.sepa.notSepa": "هذه الدفعة ليست خصمًا مباشرًا عبر SEPA: عُد إلى حسابك واختر طريقة الدفع من جديد.",
  "checkout.sepa.testIbans": "لم يُقبل رقم IBAN هذا. في وضع الاختبار، استخدم أحد أرقام IBAN التجريبية من Stripe: ‎DE89 3704 0044 0532 0130 00 (ينجح) أو ‎DE62 3704 0044 0532 0130 01 (يفشل: الرصيد غير كافٍ).",
  "checkout.sepa.unusable": "تعذّر استخدام رقم IBAN: يُرجى التحقّق منه.",
  "checkout.sepa.provider": "لم تُقبل البيانات المصرفية: {reason}",
  "checkout.discountEnded": "انتهى خصم السداد المبكر في {date}. عُد إلى حسابك لدفع المبلغ الحالي.",
};
