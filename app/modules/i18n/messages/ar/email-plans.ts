// Arabic: emails to customers about a payment plan — set up, an upcoming instalment, an instalment that failed, the plan ended (messages/en/email-plans.ts).
import type { emailPlans as en } from "../en/email-plans";

export const emailPlans: Record<keyof typeof en, string> = {
  "email.planConfirmation.subject": "تم إعداد خطة السداد الخاصة بك مع {business}",
  "email.planConfirmation.preview": "خطتك لسداد {invoices} سارية. إليك جدول الأقساط.",
  "email.planConfirmation.body": "شكرًا لك: وصل قسطك الأول، وأصبحت خطة السداد الخاصة بك لسداد {invoices} سارية. ستُخصم الأقساط التالية تلقائيًا من {method} في هذه التواريخ، وسنرسل إليك رسالة بريد إلكتروني قبل كل قسط ببضعة أيام.",
  "email.planConfirmation.paid": "{date} (مدفوع)",
  "email.planConfirmation.total": "الإجمالي",
  "email.planConfirmation.fee": "يشمل ذلك رسوم الخطة البالغة {fee}.",
  "email.planConfirmation.button": "عرض خطتك",
  "email.planConfirmation.early": "يمكنك سداد المبلغ المتبقي مبكرًا أو تغيير البطاقة أو الحساب المصرفي في أي وقت من حسابك. وما دامت الخطة تسير وفق جدولها، فلن نرسل إليك تذكيرات بالدفع بشأن هذه الفواتير.",
  "email.planConfirmation.terms": "ما وافقت عليه: {terms}",

  "email.instalmentNotice.subject": "سنخصم {amount} من {method} في {date}",
  "email.instalmentNotice.preview": "القسط {sequence} من {count} في خطتك مع {business}: {amount} في {date}.",
  "email.instalmentNotice.body": "تنبيه بشأن خطة السداد الخاصة بك لسداد {invoices}: سنخصم {amount} من {method} في {date} (القسط {sequence} من {count}). لا يلزمك القيام بأي شيء.",
  "email.instalmentNotice.change": "إذا أردت استخدام بطاقة أخرى أو حساب مصرفي آخر، أو سداد المبلغ المتبقي الآن، فيمكنك ذلك من حسابك قبل ذلك الموعد.",
  "email.seePlan": "عرض خطتك",

  "email.instalmentFailed.subject": "لم يتم خصم قسطك البالغ {amount} لصالح {business}",
  "email.instalmentFailed.preview": "تعذّر خصم القسط {sequence} من {count}: {reason}",
  "email.instalmentFailed.body": "حاولنا خصم القسط {sequence} من {count} من خطة السداد الخاصة بك ({amount}) من {method}، لكن العملية لم تتم. السبب المذكور: {reason}",
  "email.instalmentFailed.retry": "سنحاول مرة أخرى في {date}.",
  "email.instalmentFailed.retryLast": "سنحاول مرة أخرى في {date}. وستكون تلك المحاولة الأخيرة: فإذا لم تنجح هي أيضًا، تنتهي الخطة ويصبح المبلغ المتبقي من الرصيد مستحقًا فورًا.",
  "email.instalmentFailed.payNow": "يمكنك دفع هذا القسط الآن، أو التحويل إلى بطاقة أخرى أو حساب مصرفي آخر، في دقيقة واحدة:",
  "email.instalmentFailed.button": "ادفع أو حدّث بطاقتك",
  "email.instalmentFailed.talk": "إذا تغيّر شيء ما وتحتاج إلى التحدث بشأن الخطة، فيُرجى الرد على هذه الرسالة.",

  "email.planEnded.subjectDefaulted": "انتهت خطة السداد الخاصة بك مع {business}: أصبح مبلغ {balance} مستحقًا الآن",
  "email.planEnded.subjectCancelled": "أُلغيت خطة السداد الخاصة بك مع {business}",
  "email.planEnded.preview": "{invoices}: مبلغ {balance} مستحق.",
  "email.planEnded.defaulted": "انتهت خطة السداد الخاصة بك لسداد {invoices}: {reason}",
  "email.planEnded.cancelled": "أُلغيت خطة السداد لسداد {invoices}: {reason}",
  "email.planEnded.defaultedReason": "تعذّر خصم القسط {sequence} بعد {attempts, plural, zero {# محاولة} one {محاولة واحدة} two {محاولتين} few {# محاولات} many {# محاولةً} other {# محاولة}} ({reason}).",
  "email.planEnded.returnedReason": "أعاد مصرفك القسط الأول البالغ {amount} ({reason}).",
  "email.planEnded.balance": "لن تُخصم أي مبالغ أخرى بموجب الخطة. المبلغ المتبقي البالغ {balance} مستحق الآن، ويمكنك دفعه من حسابك بالبطاقة أو من حساب مصرفي.",
  "email.planEnded.difficulty": "إذا كنت تواجه صعوبة، فيُرجى الرد على هذه الرسالة: نفضّل أن نتفق معك على حل يناسبك بدلًا من مطالبتك بالدفع مرارًا.",
};
