// Arabic: the page a customer lands on when their link or session has ended (messages/en/access.ts).
import type { access as en } from "../en/access";

export const access: Record<keyof typeof en, string> = {
  "access.title": "طلب رابط جديد",
  "access.expired": "انتهت صلاحية هذا الرابط.",
  "access.revoked": "هذا الرابط لم يعد صالحًا.",
  "access.unknown": "تعذّر علينا التعرّف على هذا الرابط.",
  "access.session": "انتهت جلستك.",
  "access.sentHeading": "تحقّق من بريدك الإلكتروني",
  "access.sentBody": "إذا كان {email} من العناوين التي نرسل إليها الفواتير، فإن رابطًا جديدًا في طريقه إليك. قد يستغرق وصوله دقيقة.",
  "access.intro": "أدخل عنوان البريد الإلكتروني الذي تُرسَل إليه فواتيرك، وسنرسل إليك رابطًا جديدًا.",
  "access.limited": "طلبات كثيرة جدًا من هذا الجهاز. يُرجى المحاولة مرة أخرى بعد {minutes, plural, zero {# دقيقة} one {دقيقة واحدة} two {دقيقتين} few {# دقائق} many {# دقيقة} other {# دقيقة}}.",
  "access.email": "عنوان البريد الإلكتروني",
  "access.emailInvalid": "أدخل عنوان البريد الإلكتروني الذي تُرسَل إليه فواتيرك.",
  "access.sending": "جارٍ الإرسال…",
  "access.send": "أرسل إليّ رابطًا جديدًا",
};
