// Russian: the portal's own card and bank forms in test mode and what the provider refuses (messages/en/checkout.ts).
import type { checkout as en } from "../en/checkout";

export const checkout: Record<keyof typeof en, string> = {
  "checkout.card.number": "Введите номер карты: от 12 до 19 цифр.",
  "checkout.card.luhn": "Этот номер карты недействителен. Проверьте, нет ли в нём опечаток.",
  "checkout.card.expiry": "Введите срок действия в формате ММ / ГГ.",
  "checkout.card.expired": "Срок действия этой карты истёк.",
  "checkout.card.cvc": "Введите код безопасности из 3 или 4 цифр.",
  "checkout.card.notSaved": "{reason} Ничего не сохранено: попробуйте другую карту.",
  "checkout.bank.holder": "Введите имя владельца счёта.",
  "checkout.bank.routing": "Маршрутный номер банка (routing number) состоит из 9 цифр.",
  "checkout.bank.account": "Номер счёта состоит из 4–17 цифр.",
  "checkout.bank.mandate": "Отметьте флажок, чтобы разрешить списание.",
  "checkout.bank.unusable": "Не удалось использовать банковский счёт: проверьте маршрутный номер и номер счёта.",
  "checkout.bank.testAccounts": "Этот банковский счёт не принят. В тестовом режиме используйте маршрутный номер 110000000 и счёт 000123456789 (успешно) или 000111111113 (ошибка: счёт закрыт).",
  "checkout.bank.testAccount": "Этот банковский счёт не принят. В тестовом режиме используйте маршрутный номер 110000000 и счёт 000123456789.",
  "checkout.sepa.notSepa": "Этот платёж не является прямым дебетованием SEPA: вернитесь в свой кабинет и снова выберите способ оплаты.",
  "checkout.sepa.testIbans": "Этот IBAN не принят. В тестовом режиме используйте один из тестовых IBAN Stripe: DE89 3704 0044 0532 0130 00 (успешно) или DE62 3704 0044 0532 0130 01 (ошибка: недостаточно средств).",
  "checkout.sepa.unusable": "Не удалось использовать этот IBAN: проверьте его.",
  "checkout.sepa.provider": "Банковские реквизиты не приняты: {reason}",
  "checkout.discountEnded": "Скидка за раннюю оплату действовала до {date}. Вернитесь в свой кабинет, чтобы оплатить текущую сумму.",
};
