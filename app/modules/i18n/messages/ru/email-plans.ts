// Russian: emails to customers about a payment plan — set up, an upcoming instalment, an instalment that failed, the plan ended (messages/en/email-plans.ts).
import type { emailPlans as en } from "../en/email-plans";

export const emailPlans: Record<keyof typeof en, string> = {
  "email.planConfirmation.subject": "Ваш план платежей с компанией {business} оформлен",
  "email.planConfirmation.preview": "Ваш план платежей по {invoices} действует. Ниже — график платежей.",
  "email.planConfirmation.body": "Спасибо! Ваш первый платёж получен, и план платежей по {invoices} начал действовать. Следующие платежи будут автоматически списываться в указанные ниже даты (способ оплаты: {method}), а за несколько дней до каждого из них мы будем напоминать вам по электронной почте.",
  "email.planConfirmation.paid": "{date} (оплачен)",
  "email.planConfirmation.total": "Итого",
  "email.planConfirmation.fee": "Включая плату за план платежей в размере {fee}.",
  "email.planConfirmation.button": "Посмотреть план",
  "email.planConfirmation.early": "Вы можете в любой момент досрочно оплатить остаток или сменить карту либо банковский счёт в личном кабинете. Пока платежи по плану вносятся в срок, мы не будем присылать вам напоминания об оплате этих счетов.",
  "email.planConfirmation.terms": "Условия, с которыми вы согласились: {terms}",

  "email.instalmentNotice.subject": "{date} мы спишем {amount} ({method})",
  "email.instalmentNotice.preview": "Платёж {sequence} из {count} по вашему плану платежей с компанией {business}: {amount}, {date}.",
  "email.instalmentNotice.body": "Напоминаем о вашем плане платежей по {invoices}: {date} мы спишем {amount} ({method}) — это платёж {sequence} из {count}. От вас ничего не требуется.",
  "email.instalmentNotice.change": "Если вы хотите использовать другую карту или другой банковский счёт либо оплатить остаток сейчас, вы можете сделать это в личном кабинете до этой даты.",
  "email.seePlan": "Посмотреть план",

  "email.instalmentFailed.subject": "Ваш платёж на сумму {amount} в пользу компании {business} не прошёл",
  "email.instalmentFailed.preview": "Не удалось списать платёж {sequence} из {count}: {reason}",
  "email.instalmentFailed.body": "Мы попытались списать платёж {sequence} из {count} по вашему плану платежей ({amount}; способ оплаты: {method}), но списание не прошло. Указанная причина: {reason}",
  "email.instalmentFailed.retry": "Мы повторим попытку {date}.",
  "email.instalmentFailed.retryLast": "Мы повторим попытку {date}. Это последняя попытка: если и она не пройдёт, план прекратит действовать и весь остаток будет подлежать оплате немедленно.",
  "email.instalmentFailed.payNow": "Вы можете за минуту внести этот платёж сейчас или перейти на другую карту или другой банковский счёт:",
  "email.instalmentFailed.button": "Оплатить или сменить карту",
  "email.instalmentFailed.talk": "Если у вас что-то изменилось и вы хотите обсудить план, ответьте на это письмо.",

  "email.planEnded.subjectDefaulted": "Ваш план платежей с компанией {business} прекращён: к оплате {balance}",
  "email.planEnded.subjectCancelled": "Ваш план платежей с компанией {business} отменён",
  "email.planEnded.preview": "{invoices}: к оплате {balance}.",
  "email.planEnded.defaulted": "Ваш план платежей по {invoices} прекращён: {reason}",
  "email.planEnded.cancelled": "План платежей по {invoices} отменён: {reason}",
  "email.planEnded.defaultedReason": "платёж № {sequence} не удалось списать после {attempts, plural, one {# попытки} few {# попыток} many {# попыток} other {# попытки}} ({reason}).",
  "email.planEnded.returnedReason": "ваш банк вернул первый платёж на сумму {amount} ({reason}).",
  "email.planEnded.balance": "Больше никаких списаний по плану не будет. Оставшаяся сумма {balance} подлежит оплате сейчас; вы можете оплатить её картой или с банковского счёта в личном кабинете.",
  "email.planEnded.difficulty": "Если у вас возникли трудности, ответьте на это письмо: мы лучше договоримся с вами о решении, которое вам подойдёт, чем будем добиваться от вас оплаты.",
};
