// Russian: the page a customer lands on when their link or session has ended (messages/en/access.ts).
import type { access as en } from "../en/access";

export const access: Record<keyof typeof en, string> = {
  "access.title": "Получить новую ссылку",
  "access.expired": "Срок действия этой ссылки истёк.",
  "access.revoked": "Эта ссылка больше не действует.",
  "access.unknown": "Мы не смогли распознать эту ссылку.",
  "access.session": "Ваш сеанс завершён.",
  "access.sentHeading": "Проверьте почту",
  "access.sentBody": "Если мы отправляем счета на адрес {email}, новая ссылка уже в пути. Письмо может прийти в течение минуты.",
  "access.intro": "Введите адрес электронной почты, на который приходят ваши счета, и мы отправим вам новую ссылку.",
  "access.limited": "Слишком много запросов с этого устройства. Пожалуйста, повторите попытку через {minutes, plural, one {# минуту} few {# минуты} many {# минут} other {# минуты}}.",
  "access.email": "Адрес электронной почты",
  "access.emailInvalid": "Введите адрес электронной почты, на который приходят ваши счета.",
  "access.sending": "Отправка…",
  "access.send": "Отправить мне новую ссылку",
};
