// Russian: emails to customers about their payments — the receipt, a bank payment that failed or was returned, a refund (messages/en/email-payments.ts).
import type { emailPayments as en } from "../en/email-payments";

export const emailPayments: Record<keyof typeof en, string> = {
  "email.receipt.subject": "Квитанция {receipt} от компании {business}: получено {amount}",
  "email.receipt.preview": "Мы получили ваш платёж на сумму {amount}. Спасибо!",
  "email.receipt.body": "Спасибо! {date} мы получили ваш платёж на сумму {amount} (способ оплаты: {method}).",
  "email.receipt.total": "Итого оплачено",
  "email.receipt.button": "Посмотреть или скачать квитанцию",
  "email.receipt.keep": "Номер квитанции: {receipt}. Рекомендуем сохранить это письмо.",

  "email.paymentFailed.subject": "Ваш банковский платёж на сумму {amount} в пользу компании {business} не прошёл",
  "email.paymentFailed.preview": "Ваш платёж на сумму {amount} не прошёл: {reason}",
  "email.paymentFailed.body": "Ваш банк вернул платёж на сумму {amount} ({method}) по {invoices}. Причина, указанная банком: {reason}",
  "email.paymentFailed.open": "С вашего счёта ничего не списано, и счета снова ожидают оплаты. Вы можете за минуту оплатить картой или с другого банковского счёта:",
  "email.paymentFailed.mistake": "Если вы считаете, что произошла ошибка, ответьте на это письмо, и мы поможем.",
  "email.payNow": "Оплатить сейчас",
  "email.discountLost": "Скидка за раннюю оплату в размере {amount}, которая предоставлялась при этом платеже, больше не действует.",

  "email.refund.subject": "Компания {business} вернула вам {amount}",
  "email.refund.preview": "Возврат {amount} уже в пути ({method}).",
  "email.refund.body": "Мы вернули вам {amount} ({method}).",
  "email.refund.bodyReceipt": "Мы вернули вам {amount} ({method}) по платежу с квитанцией {receipt}.",
  "email.refund.timingCard": "Возврат на карту обычно отражается в выписке в течение 5–10 дней.",
  "email.refund.timingBank": "Возврат на банковский счёт обычно поступает в течение нескольких рабочих дней.",
  "email.refund.timingOther": "Возврат обычно поступает в течение нескольких рабочих дней.",
  "email.refund.reason": "Причина: {reason}",
  "email.refund.credit": "{count, plural, one {Счёт {invoices} остаётся оплаченным: по нему больше ничего платить не нужно.} few {Счета {invoices} остаются оплаченными: по ним больше ничего платить не нужно.} many {Счета {invoices} остаются оплаченными: по ним больше ничего платить не нужно.} other {Счета {invoices} остаются оплаченными: по ним больше ничего платить не нужно.}}",
  "email.refund.reopen": "Возвращённая сумма снова подлежит оплате по {invoices}; вы можете посмотреть и оплатить её в личном кабинете в любое удобное для вас время.",
  "email.refund.button": "Посмотреть в личном кабинете",
  "email.refund.wrong": "Если что-то кажется вам неверным, ответьте на это письмо, и мы во всём разберёмся.",

  "email.returned.subject": "Ваш банк вернул платёж на сумму {amount} в пользу компании {business}",
  "email.returned.preview": "Ваш банк вернул платёж на сумму {amount}: {reason}",
  "email.returned.body": "Платёж на сумму {amount} ({method}) по {invoices} сначала прошёл, но затем ваш банк вернул его на ваш счёт. Причина, указанная банком: {reason}",
  "email.returned.bodyDated": "Платёж на сумму {amount} ({method}) от {date} (квитанция {receipt}) по {invoices} сначала прошёл, но затем ваш банк вернул его на ваш счёт. Причина, указанная банком: {reason}",
  "email.returned.open": "{count, plural, one {Поэтому счёт {invoices} снова ожидает оплаты.} few {Поэтому счета {invoices} снова ожидают оплаты.} many {Поэтому счета {invoices} снова ожидают оплаты.} other {Поэтому счета {invoices} снова ожидают оплаты.}} Вы можете за минуту оплатить картой или с другого банковского счёта:",
  "email.returned.mistake": "Если вы считаете, что ваш банк допустил ошибку, ответьте на это письмо, и мы поможем.",
};
